import Foundation
import JSONOutput
import OrderEvents

extension JSONText {
    /// Money with exactly two decimals (`2.00`), as the seed's clients expect it.
    public static func money(_ amount: Decimal) -> JSONText { .number(Money.format(amount)) }
}

extension OrderItem {
    /// `{"itemId", "quantity", "price"}` as in the seed.
    public var json: JSONText {
        .object([("itemId", .string(itemId)), ("quantity", .int(quantity)), ("price", .money(price))])
    }
}

extension Order {
    /// The order as the seed's answers show it; `extra` members (e.g. `shippingCost`) follow.
    public func json(adding extra: [(String, JSONText)] = []) -> JSONText {
        .object(
            [
                ("orderId", .string(orderId.rawValue)),
                ("customerId", .string(customerId)),
                ("orderDate", .timestamp(orderDate)),
                ("items", .array(items.map(\.json))),
                ("totalAmount", .money(totalAmount)),
                ("currency", .string(currency)),
                ("status", .string(status.rawValue)),
            ] + extra)
    }
}
