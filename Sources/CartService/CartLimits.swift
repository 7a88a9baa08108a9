import Foundation

/// Bounds on what one request may ask for, so that no client can make the service build a huge
/// order or read a huge body.
public struct CartLimits: Sendable, Hashable {
    /// Most items in one order (`itemsCount` or `items`). Default: 100.
    public var maximumItems: Int = 100
    /// Most units of one item. Default: 1000.
    public var maximumQuantity: Int = 1000
    /// Highest unit price. Default: 1,000,000.00.
    public var maximumPrice: Decimal = 1_000_000
    /// Largest request body in bytes; larger answers 413. Default: 64 KiB.
    public var maximumBodySize: Int = 64 * 1024

    public init() {}
}
