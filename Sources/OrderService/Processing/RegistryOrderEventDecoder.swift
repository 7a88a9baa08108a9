import Avro
import Foundation
import Logging
import OrderEvents
import SchemaRegistry
import Synchronization

/// Decodes order events in the Confluent wire format: magic byte, schema id, Avro binary.
///
/// The writer's schema comes from the registry by id (cached: an id never changes its schema) and
/// is resolved against the order event schema, so that a compatible evolution of the schema still
/// decodes. Bytes that are not an order event fail precisely (wrong magic byte, another schema,
/// corrupt body), which dead-letters them at once; a registry out of reach fails as infrastructure,
/// which holds the partition until it answers.
///
/// An unknown schema id is held like an infrastructure failure for `unknownSchemaGrace` before it is
/// dead-lettered: with several registry instances, the one asked may not have read a schema that
/// another instance registered a moment ago, and dead-lettering a valid event would need a replay.
/// The grace runs from the first time the id was asked for, so a stream of records with a bogus id
/// waits once, not once per record.
public final class RegistryOrderEventDecoder: OrderEventDecoding {
    /// How the bodies written with one schema id are read.
    private enum Reader: Sendable {
        case resolving(OrderEventReader)
        /// The writer's schema can never give an order event: every record written with it is dead-lettered.
        case incompatible(String, until: ContinuousClock.Instant)

        var hasExpired: Bool {
            guard case .incompatible(_, let until) = self else { return false }
            return ContinuousClock.now >= until
        }
    }

    /// How long "incompatible" is believed before the schema is fetched and judged again: the verdict
    /// may come from a registry answer that a later one corrects, and re-judging costs one request.
    static let incompatibleVerdictLifetime: Duration = .seconds(300)
    /// Bounds the table of unknown ids: each entry is a few bytes, but the ids come from the records.
    private static let maximumUnknownIDs = 10_000

    private let registry: RegistryClient
    private let codec: OrderEventCodec
    private let unknownSchemaGrace: Duration
    private let readers = Mutex<[SchemaID: Reader]>([:])
    /// When each id the registry did not know was first asked for.
    private let unknownSince = Mutex<[SchemaID: ContinuousClock.Instant]>([:])
    private let logger: Logger

    /// - Parameter unknownSchemaGrace: how long a schema id the registry does not know is retried
    ///   before its records are dead-lettered (`ORDER_UNKNOWN_SCHEMA_GRACE`).
    public init(registry: RegistryClient, unknownSchemaGrace: Duration = .seconds(10), logger: Logger) throws(AvroError) {
        self.registry = registry
        self.codec = try OrderEventCodec()
        self.unknownSchemaGrace = unknownSchemaGrace
        self.logger = logger
    }

    public func decode(_ value: [UInt8]) async throws(RecordFailure) -> OrderEvent {
        let (id, body) = try Self.frame(value)
        let reader = try await reader(for: id)
        switch reader {
        case .incompatible(let reason, _): throw .undecodable(reason)
        case .resolving(let reader):
            do {
                return try body.withUnsafeBytes { try reader.decode($0) }
            } catch {
                throw .undecodable("the Avro body does not decode as an order event with schema id \(id): \(error)")
            }
        }
    }

    private static func frame(_ value: [UInt8]) throws(RecordFailure) -> (SchemaID, ArraySlice<UInt8>) {
        do {
            return try RegistryWireFormat.parse(value)
        } catch {
            if error.code == .truncatedFrame { throw .truncatedFrame(byteCount: value.count) }
            throw .wrongMagicByte(value.first ?? 0)
        }
    }

    private func reader(for id: SchemaID) async throws(RecordFailure) -> Reader {
        if let reader = readers.withLock({ $0[id] }), !reader.hasExpired { return reader }
        let text: String
        do {
            text = try await registry.schema(id: id)
            unknownSince.withLock { _ = $0.removeValue(forKey: id) }
        } catch {
            switch error.code {
            case .schemaNotFound: throw unknown(id)
            case .unreachable, .storeError, .storeTimeout, .notWriter, .unexpectedResponse:
                throw .infrastructure("Schema Registry: \(error)")
            default: throw .undecodable("schema id \(id): \(error)")
            }
        }
        let reader = makeReader(id: id, schemaText: text)
        readers.withLock { $0[id] = reader }
        return reader
    }

    private func makeReader(id: SchemaID, schemaText: String) -> Reader {
        do {
            let writer = try AvroSchema(parsing: schemaText)
            return .resolving(try codec.reader(forWriterSchema: writer))
        } catch {
            logger.info("records with schema id \(id) cannot be order events", error: error)
            return .incompatible(
                "schema id \(id) is not an order event schema: \(error)", until: .now + Self.incompatibleVerdictLifetime)
        }
    }

    /// `.infrastructure` (retried, partition held) while the id is within its grace, `.unknownSchemaID`
    /// (dead-lettered) after.
    private func unknown(_ id: SchemaID) -> RecordFailure {
        let now = ContinuousClock.now
        let since = unknownSince.withLock { table in
            if let since = table[id] { return since }
            if table.count >= Self.maximumUnknownIDs { table.removeAll() }
            table[id] = now
            return now
        }
        guard now - since < unknownSchemaGrace else { return .unknownSchemaID(id.rawValue) }
        return .infrastructure(
            "the Schema Registry does not know schema id \(id) (yet): retrying for up to \(unknownSchemaGrace) "
                + "in case a registry instance lags, then dead-lettering")
    }
}
