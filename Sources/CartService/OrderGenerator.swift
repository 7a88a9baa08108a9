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
            // cents × 10⁻², exact and without a Decimal division.
            price: Decimal(sign: .plus, exponent: -2, significand: Decimal(cents)))
    }

    /// Letters and digits that cannot be mistaken for one another (no I, O, 0, 1).
    private static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789".utf8)

    private func randomCode<R: RandomNumberGenerator>(using random: inout R) -> String {
        var code: [UInt8] = []
        code.reserveCapacity(6)
        for _ in 0..<6 { code.append(Self.alphabet[Int.random(in: 0..<Self.alphabet.count, using: &random)]) }
        return String(decoding: code, as: UTF8.self)
    }
}

/// A fast generator for made-up order data, seeded from the system's generator once per order: the
/// system generator costs a system call per number, about 30 per order (SplitMix64, public domain).
/// Not for anything secret.
struct OrderDataRandom: RandomNumberGenerator {
    private var state: UInt64

    init() {
        var system = SystemRandomNumberGenerator()
        state = system.next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }
}
