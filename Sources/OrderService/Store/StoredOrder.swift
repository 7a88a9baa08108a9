import Foundation
import JSONOutput
import OrderEvents
import ServiceSupport

/// An order as the Order Service keeps it: the order of its CREATE, its current status, and the
/// shipping cost computed when it was created.
public struct StoredOrder: Sendable, Hashable {
    public var order: Order
    /// 2 % of the total, rounded half-up to cents (``ShippingPolicy``), fixed at creation.
    public var shippingCost: Decimal

    public init(order: Order, shippingCost: Decimal) {
        self.order = order
        self.shippingCost = shippingCost
    }

    /// The seed's `/order-details` answer: the order with `shippingCost`, money as `2.00`.
    public var json: JSONText {
        order.json(adding: [("shippingCost", .money(shippingCost))])
    }
}
