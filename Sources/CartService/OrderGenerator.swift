import Foundation
import OrderEvents

/// Makes up the order for a `POST /create-order` that gives only a count, as the seed does: a
/// customer, `itemsCount` items with quantity 1–5 and a price with cents, the exact total, USD.
struct OrderGenerator: Sendable {
    var currency = "USD"

    func order<R: RandomNumberGenerator>(for request: CreateOrderRequest, at now: Date, using random: inout R) -> Order {
        let items = request.items ?? (0..<request.itemsCount).map { _ in randomItem(using: &random) }
        return Order(
            orderId: request.orderId,
            customerId: request.customerId ?? "CUST-" + randomCode(using: &random),
            orderDate: now,
            items: items,
            totalAmount: Order.total(of: items),
            currency: currency,
            status: .new)
    }

    private func randomItem<R: RandomNumberGenerator>(using random: inout R) -> OrderItem {
        let cents = Int.random(in: 500...19_999, using: &random)
        return OrderItem(
            itemId: "ITEM-" + randomCode(using: &random),
            quantity: Int32.random(in: 1...5, using: &random),
            price: Decimal(cents) / 100)
    }

    private func randomCode<R: RandomNumberGenerator>(using random: inout R) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<6).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] })
    }
}
