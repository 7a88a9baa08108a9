import Foundation
import OrderEvents
import Testing
import TestSupport

@Suite struct OrderEventCodecTests {
    let codec: OrderEventCodec

    init() throws {
        codec = try OrderEventCodec()
    }

    static let create = OrderEvent.create(
        Order(
            orderId: OrderID(rawValue: "ORDER-001"), customerId: "CUST-123",
            orderDate: Date(timeIntervalSince1970: 1_769_785_200.5),
            items: [
                OrderItem(itemId: "ITEM-456", quantity: 2, price: Decimal(string: "49.99") ?? 0),
                OrderItem(itemId: "ITEM-789", quantity: 1, price: Decimal(string: "1234567.05") ?? 0),
            ],
            totalAmount: Decimal(string: "1234667.03") ?? 0, currency: "USD", status: .new),
        at: Date(timeIntervalSince1970: 1_769_785_200.25))

    static let update = OrderEvent.update(OrderID(rawValue: "ORDER-001"), to: .shipped, at: Date(timeIntervalSince1970: 1_769_788_800))

    @Test(arguments: [create, update])
    func roundTrips(event: OrderEvent) throws {
        let bytes = try codec.encode(event)
        #expect(try bytes.withUnsafeBytes { try codec.decode($0) } == event)
    }

    @Test func updateIsSmall() throws {
        #expect(try codec.encode(Self.update).count < 32)
    }

    /// fastavro, the Python reference most consumers use, reads what we write, field by field.
    @Test func fastavroReadsOurEvents() async throws {
        let bytes = try codec.encode(Self.create)
        let script = """
            import fastavro, io, json, sys
            schema = fastavro.parse_schema(json.load(open(sys.argv[1])))
            event = fastavro.schemaless_reader(io.BytesIO(bytes.fromhex(sys.argv[2])), schema)
            branch, payload = event["payload"] if isinstance(event["payload"], tuple) else (None, event["payload"])
            print(json.dumps({"eventType": event["eventType"], "orderId": event["orderId"],
                "timestamp": int(event["timestamp"].timestamp() * 1000), "customerId": payload["customerId"],
                "prices": [str(item["price"]) for item in payload["items"]], "total": str(payload["totalAmount"]),
                "orderDate": int(payload["orderDate"].timestamp() * 1000)}, sort_keys=True))
            """
        let schemaFile = ProjectPaths.root.appendingPathComponent("schemas/order-event.avsc").path
        let result = try await runPython(script: script, arguments: [schemaFile, bytes.map { String(format: "%02x", $0) }.joined()])
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(
            result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
                == #"{"customerId": "CUST-123", "eventType": "CREATE", "orderDate": 1769785200500, "orderId": "ORDER-001", "prices": ["49.99", "1234567.05"], "timestamp": 1769785200250, "total": "1234667.03"}"#
        )
    }

    /// And we read what fastavro writes.
    @Test func weReadFastavroEvents() async throws {
        let script = """
            import fastavro, io, json, sys, decimal, datetime
            schema = fastavro.parse_schema(json.load(open(sys.argv[1])))
            out = io.BytesIO()
            ts = datetime.datetime(2026, 1, 30, 16, 0, tzinfo=datetime.timezone.utc)
            fastavro.schemaless_writer(out, schema, {"eventType": "UPDATE", "orderId": "ORDER-7", "timestamp": ts,
                "payload": ("io.orderplatform.events.UpdateOrderPayload", {"status": "confirmed"})})
            print(out.getvalue().hex())
            """
        let schemaFile = ProjectPaths.root.appendingPathComponent("schemas/order-event.avsc").path
        let result = try await runPython(script: script, arguments: [schemaFile])
        #expect(result.status == 0, "\(result.stderrText)")
        let hex = result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        let bytes = try #require(Self.bytes(hex: hex))
        let event = try bytes.withUnsafeBytes { try codec.decode($0) }
        #expect(event == OrderEvent.update(OrderID(rawValue: "ORDER-7"), to: .confirmed, at: Date(timeIntervalSince1970: 1_769_788_800)))
    }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        return stride(from: 0, to: digits.count, by: 2).compactMap {
            UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)
        }
    }
}
