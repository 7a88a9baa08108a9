import Avro
import Foundation

/// The order event of the seed's section 5, as the services model it.
enum OrderEventFixture {
    static let schemaJSON = """
        {"type": "record", "name": "OrderEvent", "namespace": "com.orderplatform.events",
         "doc": "An order was created or its status changed.",
         "fields": [
           {"name": "eventType", "type": {"type": "enum", "name": "EventType", "symbols": ["CREATE", "UPDATE"]}},
           {"name": "orderId", "type": "string"},
           {"name": "timestamp", "type": {"type": "long", "logicalType": "timestamp-millis"}},
           {"name": "payload", "type": [
             {"type": "record", "name": "CreateOrderPayload", "fields": [
               {"name": "customerId", "type": "string"},
               {"name": "orderDate", "type": {"type": "long", "logicalType": "timestamp-millis"}},
               {"name": "items", "type": {"type": "array", "items": {
                 "type": "record", "name": "OrderItem", "fields": [
                   {"name": "itemId", "type": "string"},
                   {"name": "quantity", "type": "int"},
                   {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}}
                 ]}}},
               {"name": "totalAmount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}},
               {"name": "currency", "type": "string"},
               {"name": "status", "type": "string"}
             ]},
             {"type": "record", "name": "UpdateOrderPayload", "fields": [
               {"name": "status", "type": "string"}
             ]}
           ]}
         ]}
        """

    static var schema: AvroSchema {
        get throws { try AvroSchema(parsing: schemaJSON) }
    }

    static let instant = Date(timeIntervalSince1970: 1_769_785_200)  // 2026-01-30T15:00:00Z

    static let create = OrderEvent(
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

    static let update = OrderEvent(
        eventType: .update,
        orderId: "ORDER-001",
        timestamp: instant.addingTimeInterval(3600),
        payload: .update(UpdateOrderPayload(status: "shipped"))
    )
}

struct OrderEvent: Codable, Hashable, Sendable {
    enum EventType: String, Codable, Sendable {
        case create = "CREATE"
        case update = "UPDATE"
    }

    var eventType: EventType
    var orderId: String
    var timestamp: Date
    var payload: OrderPayload
}
