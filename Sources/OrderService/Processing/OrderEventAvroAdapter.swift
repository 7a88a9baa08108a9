import Avro
import Foundation
import OrderEvents

// TEMPORARY ADAPTER — until `OrderEvents.OrderEventCodec` (Avro binary ↔ OrderEvent, owned by the lead)
// lands. It reads the generic `AvroValue` of an `OrderEvent` record; replace its one use in
// `RegistryOrderEventDecoder` with the codec and delete this file.

/// Reads an `OrderEvent` record, as the generic Avro reader delivers it, into an ``OrderEvent``.
enum OrderEventAvroAdapter {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func event(from value: AvroValue) throws(Failure) -> OrderEvent {
        guard case .record(let record) = value.unwrapped else { throw Failure(description: "not a record") }
        let id = OrderID(rawValue: try string(record["orderId"], "orderId"))
        let timestamp = Date(milliseconds: try long(record["timestamp"], "timestamp"))
        guard case .enumeration(let type)? = record["eventType"]?.unwrapped else { throw Failure(description: "eventType is missing") }
        guard case .record(let payload)? = record["payload"]?.unwrapped else { throw Failure(description: "payload is missing") }
        switch type {
        case "CREATE":
            let items = try itemList(payload["items"])
            let create = CreateOrderPayload(
                customerId: try string(payload["customerId"], "customerId"),
                orderDate: Date(milliseconds: try long(payload["orderDate"], "orderDate")),
                items: items, totalAmount: try decimal(payload["totalAmount"], "totalAmount"),
                currency: try string(payload["currency"], "currency"), status: try string(payload["status"], "status"))
            return OrderEvent(orderId: id, timestamp: timestamp, payload: .create(create))
        case "UPDATE":
            return OrderEvent(
                orderId: id, timestamp: timestamp, payload: .update(UpdateOrderPayload(status: try string(payload["status"], "status"))))
        default:
            throw Failure(description: "unknown eventType \(type)")
        }
    }

    private static func itemList(_ value: AvroValue?) throws(Failure) -> [OrderItem] {
        guard case .array(let elements)? = value?.unwrapped else { throw Failure(description: "items is missing") }
        var items: [OrderItem] = []
        for element in elements {
            guard case .record(let item) = element.unwrapped else { throw Failure(description: "an item is not a record") }
            guard case .int(let quantity)? = item["quantity"]?.unwrapped else { throw Failure(description: "quantity is missing") }
            items.append(
                OrderItem(itemId: try string(item["itemId"], "itemId"), quantity: quantity, price: try decimal(item["price"], "price")))
        }
        return items
    }

    private static func string(_ value: AvroValue?, _ name: String) throws(Failure) -> String {
        guard case .string(let text)? = value?.unwrapped else { throw Failure(description: "\(name) is missing") }
        return text
    }

    private static func long(_ value: AvroValue?, _ name: String) throws(Failure) -> Int64 {
        guard case .long(let number)? = value?.unwrapped else { throw Failure(description: "\(name) is missing") }
        return number
    }

    /// A `decimal(scale 2)`: the unscaled value as big-endian two's complement bytes.
    private static func decimal(_ value: AvroValue?, _ name: String) throws(Failure) -> Decimal {
        guard case .bytes(let bytes)? = value?.unwrapped else { throw Failure(description: "\(name) is missing") }
        guard bytes.count <= 8 else { throw Failure(description: "\(name) has \(bytes.count) bytes, too many") }
        guard let first = bytes.first else { return 0 }
        var unscaled: Int64 = first & 0x80 != 0 ? -1 : 0
        for byte in bytes { unscaled = unscaled << 8 | Int64(byte) }
        return Decimal(unscaled) / 100
    }
}
