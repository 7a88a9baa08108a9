import Avro
import Synchronization

/// Reads Confluent wire-format bytes: finds the writer's schema by the id in the frame (asking the
/// registry once per id) and resolves it to the reader's schema with Avro's resolution rules.
///
/// Every failure is a ``RegistryError`` whose ``RegistryError/isTransient`` tells a consumer what to do:
/// `.unreachable` and store errors mean retry later; `.unknownMagicByte`, `.truncatedFrame`,
/// `.schemaNotFound` (an id the registry does not know) and `.deserialization` will fail the same way
/// forever, so the record goes to the dead-letter topic.
///
/// ```swift
/// let deserializer = try RegistryDeserializer(client: client, readerSchema: orderEventSchema)
/// let event = try await deserializer.deserialize(OrderEvent.self, from: message.value)
/// ```
public final class RegistryDeserializer: Sendable {
    private let client: RegistryClient
    private let readerSchema: AvroSchema?
    private let limits: AvroLimits
    private let decoders: RegistryCache<SchemaID, Decoders>

    /// Compiled per writer id: building a decoder resolves the schemas, so it is done once.
    private struct Decoders: Sendable {
        var codable: AvroDecoder
        var generic: AvroDatumReader
    }

    /// - Parameter readerSchema: the schema the application reads with; `nil` reads each record with its
    ///   writer's schema.
    /// - Throws: `.invalidSchema` when `readerSchema` is not a valid Avro schema.
    public init(
        client: RegistryClient,
        readerSchema: String?,
        limits: AvroLimits = .default,
        cacheCapacity: Int = 1000
    ) throws(RegistryError) {
        self.client = client
        self.limits = limits
        self.decoders = RegistryCache(capacity: cacheCapacity)
        guard let readerSchema else {
            self.readerSchema = nil
            return
        }
        do {
            self.readerSchema = try AvroSchema(parsing: readerSchema)
        } catch {
            throw .invalidSchema(error.message)
        }
    }

    /// Decodes `bytes` into `T` through `Decodable`.
    public func deserialize<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) async throws(RegistryError) -> T {
        let (id, body) = try RegistryWireFormat.parse(bytes)
        let decoder = try await decoders(for: id).codable
        do {
            return try Array(body).withUnsafeBytes { try decoder.decode(type, from: $0) }
        } catch {
            throw .deserialization("cannot decode a record written with schema \(id): \(Self.describe(error))")
        }
    }

    /// Decodes `bytes` into a generic Avro value of the reader's schema.
    public func deserialize(_ bytes: [UInt8]) async throws(RegistryError) -> AvroValue {
        let (id, body) = try RegistryWireFormat.parse(bytes)
        let reader = try await decoders(for: id).generic
        do {
            return try reader.decode(Array(body))
        } catch {
            throw .deserialization("cannot decode a record written with schema \(id): \(error.message)")
        }
    }

    /// The schema id in the frame of `bytes`, without decoding the body.
    public func schemaID(of bytes: [UInt8]) throws(RegistryError) -> SchemaID {
        try RegistryWireFormat.parse(bytes).schemaID
    }

    private func decoders(for id: SchemaID) async throws(RegistryError) -> Decoders {
        if let known = decoders[id] { return known }
        let text = try await client.schema(id: id)
        let built: Decoders
        do {
            let writer = try AvroSchema(parsing: text)
            let reader = readerSchema ?? writer
            built = Decoders(
                codable: try AvroDecoder(writerSchema: writer, readerSchema: reader, limits: limits),
                generic: try AvroDatumReader(writerSchema: writer, readerSchema: reader, limits: limits)
            )
        } catch {
            throw .deserialization("schema \(id) cannot be read as the reader schema: \(error.message)")
        }
        decoders.insert(built, for: id)
        return built
    }

    static func describe(_ error: any Error) -> String {
        (error as? AvroError)?.message ?? "\(error)"
    }
}
