import Foundation

/// The Avro schema of ``OrderEvent``, registered as `order-events-value`.
///
/// Kept in the binary so that a service needs no file at run time; `schemas/order-event.avsc` holds
/// the same schema for other languages, and a test keeps the two equal.
public enum OrderEventSchema {
    /// The Kafka topic that carries order events.
    public static let topic = "order-events"

    /// The registry subject (TopicNameStrategy: `<topic>-value`).
    public static let subject = "order-events-value"

    public static let json = """
        {
          "type": "record",
          "name": "OrderEvent",
          "namespace": "io.orderplatform.events",
          "doc": "One change to an order. Kafka key: the orderId in UTF-8. Subject: order-events-value.",
          "fields": [
            {
              "name": "eventType",
              "type": {"type": "enum", "name": "EventType", "symbols": ["CREATE", "UPDATE"]},
              "doc": "Which payload the event carries."
            },
            {"name": "orderId", "type": "string", "doc": "The order this event belongs to; appears only here."},
            {
              "name": "timestamp",
              "type": {"type": "long", "logicalType": "timestamp-millis"},
              "doc": "When the Cart Service accepted the request."
            },
            {
              "name": "payload",
              "type": [
                {
                  "type": "record",
                  "name": "CreateOrderPayload",
                  "fields": [
                    {"name": "customerId", "type": "string"},
                    {"name": "orderDate", "type": {"type": "long", "logicalType": "timestamp-millis"}},
                    {
                      "name": "items",
                      "type": {
                        "type": "array",
                        "items": {
                          "type": "record",
                          "name": "OrderItem",
                          "fields": [
                            {"name": "itemId", "type": "string"},
                            {"name": "quantity", "type": "int"},
                            {
                              "name": "price",
                              "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2},
                              "doc": "Unit price, exact to the cent."
                            }
                          ]
                        }
                      }
                    },
                    {
                      "name": "totalAmount",
                      "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2},
                      "doc": "Sum of quantity times price over the items, exact."
                    },
                    {"name": "currency", "type": "string", "doc": "ISO 4217 code, e.g. USD."},
                    {"name": "status", "type": "string", "doc": "Always 'new' at creation."}
                  ]
                },
                {
                  "type": "record",
                  "name": "UpdateOrderPayload",
                  "fields": [{"name": "status", "type": "string"}]
                }
              ]
            },
            {
              "name": "requestId",
              "type": ["null", "string"],
              "default": null,
              "doc": "Since version 2: the Cart Service request that produced the event (hb.request.id in its log); null from earlier producers."
            }
          ]
        }
        """
}
