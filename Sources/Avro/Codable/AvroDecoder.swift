import Foundation

/// Decodes `Decodable` Swift values straight from the binary encoding, resolving the writer's schema to
/// the reader's when they differ, without building an ``AvroValue`` first.
///
/// The mapping mirrors ``AvroEncoder``. Fields the Swift type does not ask for are skipped; a reader
/// field the writer lacks takes its default. A Swift type that stands for a union of records learns which
/// branch the data holds from ``Swift/Decoder/avroUnionBranch()``:
///
/// ```swift
/// init(from decoder: any Decoder) throws {
///     let container = try decoder.singleValueContainer()
///     switch try decoder.avroUnionBranch()?.simpleName {
///     case "CreateOrderPayload": self = .create(try container.decode(CreateOrderPayload.self))
///     default: self = .update(try container.decode(UpdateOrderPayload.self))
///     }
/// }
/// ```
public struct AvroDecoder: Sendable {
    let plan: ReadPlan
    /// Reads the reader's field defaults, which plans keep in binary form.
    let defaults: ReadPlan
    public let limits: AvroLimits

    /// A decoder for data written with `schema`.
    public init(schema: AvroSchema, limits: AvroLimits = .default) throws(AvroError) {
        let plan = ReadPlan.identity(try SchemaGraph(schema))
        self.init(plan: plan, defaults: plan, limits: limits)
    }

    /// A decoder for data written with `writerSchema`, read as `readerSchema` (which the Swift types
    /// follow). Throws when the top-level types cannot match at all; see ``AvroDatumReader``.
    public init(writerSchema: AvroSchema, readerSchema: AvroSchema, limits: AvroLimits = .default) throws(AvroError) {
        let reader = try SchemaGraph(readerSchema)
        let plan = ReadPlan(writer: try SchemaGraph(writerSchema), reader: reader)
        if case .failure(let error) = plan.steps[plan.root].kind { throw error }
        self.init(plan: plan, defaults: ReadPlan.identity(reader), limits: limits)
    }

    private init(plan: ReadPlan, defaults: ReadPlan, limits: AvroLimits) {
        self.plan = plan
        self.defaults = defaults
        self.limits = limits
    }

    /// Decodes one datum that must fill `bytes` exactly.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try bytes.withUnsafeBytes { try decode(type, from: $0) }
    }

    /// Decodes one datum that must fill `data` exactly.
    public func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try data.withUnsafeBytes { try decode(type, from: $0) }
    }

    /// Decodes one datum that must fill `buffer` exactly.
    public func decode<T: Decodable>(_ type: T.Type, from buffer: UnsafeRawBufferPointer) throws -> T {
        let context = AvroDecodingContext(plan: plan, defaults: defaults, input: AvroByteReader(buffer, limits: limits))
        let value: T
        do {
            value = try context.decodeValue(type, step: plan.root)
        } catch let error as AvroError {
            throw plan.reader.rootPrefixed(error.at(offset: context.input.position))
        }
        guard context.input.isAtEnd else {
            throw AvroError.malformed(
                "\(context.input.remaining) bytes left over after the datum",
                offset: context.input.position
            )
        }
        return value
    }
}
