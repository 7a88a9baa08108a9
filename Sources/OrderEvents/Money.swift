import Foundation

/// Exact money arithmetic. Amounts are `Decimal` with two decimal places, never `Double`:
/// 0.1 + 0.2 must be 0.30, and a shipping cost must come out the same in every service and language.
public enum Money {
    /// Rounds to whole cents, half up (0.005 → 0.01), as a cashier does.
    ///
    /// Foundation's `.plain` mode rounds halves away from zero, which for the non-negative amounts of
    /// orders is half-up.
    public static func roundedToCents(_ amount: Decimal) -> Decimal {
        var value = amount
        var result = Decimal()
        NSDecimalRound(&result, &value, 2, .plain)
        return result
    }

    /// Renders an amount with exactly two decimals ("2.00", "1234.50"), the form used in JSON.
    public static func format(_ amount: Decimal) -> String {
        let cents = roundedToCents(amount) * 100
        let negative = cents < 0
        let whole = NSDecimalNumber(decimal: negative ? -cents : cents).int64Value
        let text = "\(whole / 100).\(String(whole % 100).leftPadded(to: 2))"
        return negative ? "-" + text : text
    }
}

/// The shipping rule of the seed: 2 % of the order's total, rounded half-up to cents.
public struct ShippingPolicy: Sendable, Hashable {
    /// The share of the total charged for shipping. Default: 0.02.
    public var rate: Decimal

    public init(rate: Decimal = Decimal(string: "0.02") ?? 0) {
        self.rate = rate
    }

    public func cost(forTotal total: Decimal) -> Decimal {
        Money.roundedToCents(total * rate)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
