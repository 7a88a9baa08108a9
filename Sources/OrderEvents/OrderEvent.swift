import Foundation

/// One change to an order, as it travels on the `order-events` topic (schema `schemas/order-event.avsc`).
///
/// A CREATE carries the whole order; an UPDATE only the new status. The orderId lives at the top
/// level only, and is also the record's key, so every event of one order lands on one partition in order.
public struct OrderEvent: Sendable, Hashable {
    public var orderId: OrderID
    /// When the Cart Service accepted the request (millisecond precision on the wire).
    public var timestamp: Date
    public var payload: Payload
    /// The Cart Service request that produced the event, to follow it back to that request's log lines
    /// (schema version 2; `nil` in events of earlier producers, read with the field's default).
    public var requestId: String?

    public enum Payload: Sendable, Hashable {
        case create(CreateOrderPayload)
        case update(UpdateOrderPayload)
    }

    public init(orderId: OrderID, timestamp: Date, payload: Payload, requestId: String? = nil) {
        self.orderId = orderId
        self.timestamp = timestamp
        self.payload = payload
        self.requestId = requestId
    }

    public var eventType: OrderEventType {
        switch payload {
        case .create: .create
        case .update: .update
        }
    }

    /// The CREATE event for a new order.
    public static func create(_ order: Order, at timestamp: Date, requestId: String? = nil) -> OrderEvent {
        OrderEvent(orderId: order.orderId, timestamp: timestamp, payload: .create(CreateOrderPayload(order)), requestId: requestId)
    }

    /// The UPDATE event that asks for `status`.
    public static func update(_ orderId: OrderID, to status: OrderStatus, at timestamp: Date, requestId: String? = nil) -> OrderEvent {
        OrderEvent(
            orderId: orderId, timestamp: timestamp, payload: .update(UpdateOrderPayload(status: status.rawValue)), requestId: requestId)
    }
}

/// The Avro enum `EventType`.
public enum OrderEventType: String, Sendable, Hashable, Codable, CaseIterable {
    case create = "CREATE"
    case update = "UPDATE"
}

/// The body of a CREATE: the full order except its id.
public struct CreateOrderPayload: Sendable, Hashable, Codable {
    public var customerId: String
    public var orderDate: Date
    public var items: [OrderItem]
    public var totalAmount: Decimal
    public var currency: String
    /// A string on the wire so that a consumer can dead-letter an unknown status instead of failing
    /// to decode the whole record.
    public var status: String

    public init(customerId: String, orderDate: Date, items: [OrderItem], totalAmount: Decimal, currency: String, status: String) {
        self.customerId = customerId
        self.orderDate = orderDate
        self.items = items
        self.totalAmount = totalAmount
        self.currency = currency
        self.status = status
    }

    public init(_ order: Order) {
        self.init(
            customerId: order.customerId, orderDate: order.orderDate, items: order.items,
            totalAmount: order.totalAmount, currency: order.currency, status: order.status.rawValue)
    }

    /// The order this payload creates, or nil when its status is not one we know.
    public func order(id: OrderID) -> Order? {
        guard let status = OrderStatus(rawValue: status) else { return nil }
        return Order(
            orderId: id, customerId: customerId, orderDate: orderDate, items: items, totalAmount: totalAmount,
            currency: currency, status: status)
    }
}

/// The body of an UPDATE: only the status asked for.
public struct UpdateOrderPayload: Sendable, Hashable, Codable {
    public var status: String

    public init(status: String) {
        self.status = status
    }
}
