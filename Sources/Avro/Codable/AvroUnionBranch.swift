import Foundation

/// Which branch of the reader's union a value comes from.
public struct AvroUnionBranch: Sendable, Hashable {
    /// The branch's position in the reader's union.
    public let index: Int
    /// The branch's name as in the JSON encoding: full name of a named type, else the type name.
    public let name: String
    /// The name without namespace: `CreateOrderPayload` for `com.example.CreateOrderPayload`.
    public let simpleName: String
}

extension Decoder {
    /// When this decoder is an Avro decoder positioned at a value of a union of the reader's schema,
    /// the branch that value comes from; `nil` otherwise. Reads the branch index if it was not read yet.
    public func avroUnionBranch() throws -> AvroUnionBranch? {
        guard let context = self as? AvroDecodingContext else { return nil }
        return try context.currentUnionBranch()
    }
}
