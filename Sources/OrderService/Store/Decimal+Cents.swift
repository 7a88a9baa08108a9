import Foundation
import OrderEvents

extension Decimal {
    /// The amount in whole cents, for an integer column: money is stored exactly, never as a float.
    /// Amounts come from Avro decimals of scale 2, so nothing is lost; anything finer is rounded
    /// half-up like every other amount.
    var cents: Int64 {
        NSDecimalNumber(decimal: Money.roundedToCents(self) * 100).int64Value
    }

    init(cents: Int64) {
        self = Decimal(cents) / 100
    }
}

extension Date {
    /// Milliseconds since 1970, the precision of the events' timestamps.
    var milliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    init(milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
