import Foundation

/// One line of an order: an item, how many, and the unit price.
public struct OrderItem: Sendable, Hashable, Codable {
    public var itemId: String
    public var quantity: Int32
    /// Unit price, exact to the cent.
    public var price: Decimal

    public init(itemId: String, quantity: Int32, price: Decimal) {
        self.itemId = itemId
        self.quantity = quantity
        self.price = price
    }

    /// quantity × price, exact.
    public var lineTotal: Decimal { Decimal(Int(quantity)) * price }
}

/// An order as the Cart Service creates it: what a CREATE event carries, with its id.
public struct Order: Sendable, Hashable {
    public var orderId: OrderID
    public var customerId: String
    public var orderDate: Date
    public var items: [OrderItem]
    /// Σ quantity × price over the items, exact.
    public var totalAmount: Decimal
    public var currency: String
    public var status: OrderStatus

    public init(
        orderId: OrderID, customerId: String, orderDate: Date, items: [OrderItem], totalAmount: Decimal,
        currency: String, status: OrderStatus
    ) {
        self.orderId = orderId
        self.customerId = customerId
        self.orderDate = orderDate
        self.items = items
        self.totalAmount = totalAmount
        self.currency = currency
        self.status = status
    }

    /// The exact sum of the items' line totals.
    public static func total(of items: [OrderItem]) -> Decimal {
        items.reduce(Decimal(0)) { $0 + $1.lineTotal }
    }
}
