import Foundation
import OrderEvents

/// What one event does to the orders, decided from the event and the order's current status alone.
public enum OrderEventDecision: Sendable, Hashable {
    /// Store a new order (its shipping cost computed).
    case create(StoredOrder)
    /// Move an order to a new status, allowed by the lifecycle.
    case changeStatus(OrderID, from: OrderStatus, to: OrderStatus)
    /// The order already has this status: nothing changes, nothing is dead-lettered.
    case unchanged(OrderID, OrderStatus)
    /// The event can never be applied: dead-letter it at once (`NO_RETRY_DLQ`) with this message.
    case reject(String)
}

/// The business rules of the Order Service: duplicate CREATEs, UPDATEs of unknown orders and moves
/// the lifecycle forbids (``OrderStatus/transition(to:)``) are rejected; a CREATE gets its shipping.
///
/// A pure function of its inputs, so that every rule is tested without a store or a broker.
public struct OrderLifecycle: Sendable {
    public var shipping: ShippingPolicy

    public init(shipping: ShippingPolicy = ShippingPolicy()) {
        self.shipping = shipping
    }

    /// - Parameters:
    ///   - key: the record's key; when present it must be the event's orderId, since the key is what
    ///     keeps one order's events on one partition and in order.
    ///   - currentStatus: the order's status in the store, `nil` when it does not exist.
    public func decide(_ event: OrderEvent, key: String?, currentStatus: OrderStatus?) -> OrderEventDecision {
        let id = event.orderId
        if let key, key != id.rawValue {
            return .reject("Record key '\(key)' does not match the event's orderId '\(id)'")
        }
        switch event.payload {
        case .create(let payload): return decideCreate(payload, id: id, currentStatus: currentStatus)
        case .update(let payload): return decideUpdate(payload, id: id, currentStatus: currentStatus)
        }
    }

    private func decideCreate(
        _ payload: CreateOrderPayload, id: OrderID, currentStatus: OrderStatus?
    )
        -> OrderEventDecision
    {
        if let currentStatus {
            return .reject(
                "Duplicate CREATE request: Order with ID '\(id)' already exists (status '\(currentStatus)')")
        }
        if let problem = OrderID.problems(in: id.rawValue).first {
            return .reject("Invalid CREATE for '\(id)': \(problem)")
        }
        guard let order = payload.order(id: id) else {
            return .reject("Invalid CREATE for '\(id)': unknown status '\(payload.status)'")
        }
        guard order.status == .new else {
            return .reject("Invalid CREATE for '\(id)': status must be 'new', not '\(order.status)'")
        }
        return .create(StoredOrder(order: order, shippingCost: shipping.cost(forTotal: order.totalAmount)))
    }

    private func decideUpdate(
        _ payload: UpdateOrderPayload, id: OrderID, currentStatus: OrderStatus?
    )
        -> OrderEventDecision
    {
        guard let currentStatus else {
            return .reject("Invalid UPDATE: Order with ID '\(id)' does not exist")
        }
        guard let next = OrderStatus(rawValue: payload.status) else {
            return .reject("Invalid UPDATE for '\(id)': unknown status '\(payload.status)'")
        }
        switch currentStatus.transition(to: next) {
        case .allowed: return .changeStatus(id, from: currentStatus, to: next)
        case .unchanged: return .unchanged(id, currentStatus)
        case .forbidden:
            return .reject("Forbidden transition: Order '\(id)' cannot move from '\(currentStatus)' to '\(next)'")
        }
    }
}
