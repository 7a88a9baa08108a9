import Avro
import Foundation

/// The order event as the services model it: the Avro tests' fixture and the Avro benchmark's workload.
///
/// The schema is the first released version of the order event, `schemas/released/order-event/v1.avsc`
/// (the seed's), read from the file rather than copied: a copy here once drifted from it (another
/// namespace, another decimal precision) and the tests went on passing against the copy. Version 1
/// because the Avro tests compare with bytes and fingerprints fastavro computed for it; `make
/// schema-check` keeps the current `schemas/order-event.avsc` compatible with it.
public enum OrderEventFixture {
    /// `schemas/released/order-event/v1.avsc` in this checkout.
    public static let schemaFile: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // AvroFixtures
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
        .appendingPathComponent("schemas/released/order-event/v1.avsc")

    /// The text of ``schemaFile``.
    public static var schemaJSON: String {
        get throws {
            do {
                return try String(contentsOf: schemaFile, encoding: .utf8)
            } catch {
                throw AvroFixtureError(description: "cannot read the order event schema \(schemaFile.path): \(error)")
            }
        }
    }

    public static var schema: AvroSchema {
        get throws { try AvroSchema(parsing: schemaJSON) }
    }

    public static let instant = Date(timeIntervalSince1970: 1_769_785_200)  // 2026-01-30T15:00:00Z

    public static let create = OrderEvent(
        eventType: .create,
        orderId: "ORDER-001",
        timestamp: instant,
        payload: .create(
            CreateOrderPayload(
                customerId: "CUST-123",
                orderDate: instant,
                items: (0..<3).map {
                    OrderItem(itemId: "ITEM-\($0)", quantity: 2, price: Decimal(string: "49.99") ?? 0)
                },
                totalAmount: Decimal(string: "299.94") ?? 0,
                currency: "USD",
                status: "new"
            )
        )
    )

    public static let update = OrderEvent(
        eventType: .update,
        orderId: "ORDER-001",
        timestamp: instant.addingTimeInterval(3600),
        payload: .update(UpdateOrderPayload(status: "shipped"))
    )

    /// The same events as generic values (decimals as their unscaled two's-complement bytes).
    public static let createValue: AvroValue = .record([
        "eventType": .enumeration("CREATE"), "orderId": .string("ORDER-001"), "timestamp": .long(1_769_785_200_000),
        "payload": .union(
            branch: 0,
            .record([
                "customerId": .string("CUST-123"), "orderDate": .long(1_769_785_200_000),
                "items": .array(
                    (0..<3).map {
                        .record(["itemId": .string("ITEM-\($0)"), "quantity": .int(2), "price": .bytes([0x13, 0x87])])
                    }
                ),
                "totalAmount": .bytes([0x75, 0x2A]), "currency": .string("USD"), "status": .string("new"),
            ])
        ),
    ])

    public static let updateValue: AvroValue = .record([
        "eventType": .enumeration("UPDATE"), "orderId": .string("ORDER-001"), "timestamp": .long(1_769_788_800_000),
        "payload": .union(branch: 1, .record(["status": .string("shipped")])),
    ])
}

public struct OrderEvent: Codable, Hashable, Sendable {
    public enum EventType: String, Codable, Sendable {
        case create = "CREATE"
        case update = "UPDATE"
    }

    public var eventType: EventType
    public var orderId: String
    public var timestamp: Date
    public var payload: OrderPayload
}

/// The fixture cannot find what it is built from.
public struct AvroFixtureError: Error, CustomStringConvertible {
    public let description: String
}
