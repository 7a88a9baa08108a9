/// Bounds that keep a decoder safe with untrusted input.
///
/// Lengths are always checked against the bytes left, so a short input can never make a decoder
/// allocate much. These limits cover what that check cannot: items that take no bytes at all (an array
/// of a million `null`s fits in four bytes), nesting that would exhaust the stack, and compressed blocks
/// that expand enormously.
public struct AvroLimits: Sendable, Hashable {
    /// The most items an array or map may hold, all blocks together. Items that can take zero bytes
    /// (null, empty records) also share this budget across the whole datum, so nested collections of
    /// them cannot multiply. Default: 1,000,000.
    public var maxCollectionSize: Int = 1_000_000
    /// The deepest nesting of records, arrays, maps and unions, to prevent a stack overflow on
    /// malicious or corrupt input (recursive schemas allow any depth). Default: 100.
    public var maxDepth: Int = 100
    /// The longest `bytes` or `string` value, in bytes. Default: 64 MiB.
    public var maxLength: Int = 64 << 20
    /// The largest decompressed block of an object container file, guarding against compression bombs.
    /// Default: 64 MiB.
    public var maxBlockSize: Int = 64 << 20

    public init() {}

    public static let `default` = AvroLimits()
}
