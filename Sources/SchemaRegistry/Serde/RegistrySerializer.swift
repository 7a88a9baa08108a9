import Avro
import Synchronization

/// Writes values in the Confluent wire format for one topic: magic byte, schema id, Avro binary.
///
/// The schema is looked up, and registered when not found (with auto-registration off, only looked up), under the topic's subject
/// (TopicNameStrategy, `<topic>-value`) on first use, or at start-up by calling ``prepare()``; the id is
/// kept, so serializing afterwards makes no request and cannot fail for the registry's sake.
///
/// ```swift
/// let serializer = try RegistrySerializer(client: client, schema: orderEventSchema, topic: "order-events")
/// let id = try await serializer.prepare()          // at start-up; 503 while the registry is down
/// let bytes = try await serializer.serialize(event) // any Encodable, or an AvroValue
/// ```
public final class RegistrySerializer: Sendable {
    public let subject: Subject
    /// The schema text as given; what is registered.
    public let schemaText: String
    /// When false, the schema must have been registered already (by a deployment step): it is looked up,
    /// and an unknown schema fails with `.schemaNotFound` / `.subjectNotFound` instead of being added.
    public let isAutoRegisterEnabled: Bool
    private let client: RegistryClient
    private let encoder: AvroEncoder
    private let datumWriter: AvroDatumWriter
    private let schemaID = Mutex<SchemaID?>(nil)

    /// - Throws: `.invalidSchema` when `schema` is not a valid Avro schema.
    public init(
        client: RegistryClient,
        schema: String,
        subject: Subject,
        isAutoRegisterEnabled: Bool = true
    ) throws(RegistryError) {
        let parsed: AvroSchema
        do {
            parsed = try AvroSchema(parsing: schema)
            self.encoder = try AvroEncoder(schema: parsed)
            self.datumWriter = try AvroDatumWriter(schema: parsed)
        } catch {
            throw .invalidSchema(error.message)
        }
        self.client = client
        self.schemaText = schema
        self.subject = subject
        self.isAutoRegisterEnabled = isAutoRegisterEnabled
    }

    /// A serializer for the values of `topic`, under the subject `<topic>-value`.
    public convenience init(
        client: RegistryClient,
        schema: String,
        topic: String,
        isAutoRegisterEnabled: Bool = true
    ) throws(RegistryError) {
        try self.init(
            client: client,
            schema: schema,
            subject: .topicValue(topic),
            isAutoRegisterEnabled: isAutoRegisterEnabled
        )
    }

    /// The schema's id, registering or looking it up the first time. Call it at start-up so that a
    /// registry problem shows before the first record.
    ///
    /// - Throws: `.unreachable` (transient) or the registry's rejection (`.incompatibleSchema`, …).
    @discardableResult
    public func prepare() async throws(RegistryError) -> SchemaID {
        if let id = schemaID.withLock({ $0 }) { return id }
        let id = isAutoRegisterEnabled ? try await lookUpOrRegister() : try await client.lookup(schemaText, subject: subject).id
        schemaID.withLock { $0 = id }
        return id
    }

    /// Looks the schema up first, and registers it only when it is not there: a lookup is a read, so a
    /// client whose credential may read but not register (a registry that reserves registering for
    /// admins) works as long as someone registered the schema before.
    private func lookUpOrRegister() async throws(RegistryError) -> SchemaID {
        do throws(RegistryError) {
            return try await client.lookup(schemaText, subject: subject).id
        } catch let error where error.code == .subjectNotFound || error.code == .schemaNotFound {
            return try await client.register(schemaText, subject: subject)
        }
    }

    /// The wire-format bytes of `value`, encoded through `Encodable` straight into Avro binary.
    ///
    /// - Throws: `.serialization` when the value does not fit the schema; registry errors on first use.
    public func serialize<T: Encodable>(_ value: T) async throws(RegistryError) -> [UInt8] {
        let id = try await prepare()
        var bytes: [UInt8] = []
        RegistryWireFormat.appendHeader(schemaID: id, to: &bytes)
        do {
            try encoder.encode(value, into: &bytes)
        } catch {
            throw .serialization("value does not match the schema of \(subject): \(Self.describe(error))")
        }
        return bytes
    }

    /// The wire-format bytes of a generic Avro value.
    public func serialize(_ value: AvroValue) async throws(RegistryError) -> [UInt8] {
        let id = try await prepare()
        var bytes: [UInt8] = []
        RegistryWireFormat.appendHeader(schemaID: id, to: &bytes)
        do {
            try datumWriter.encode(value, into: &bytes)
        } catch {
            throw .serialization("value does not match the schema of \(subject): \(error.message)")
        }
        return bytes
    }

    static func describe(_ error: any Error) -> String {
        (error as? AvroError)?.message ?? "\(error)"
    }
}
