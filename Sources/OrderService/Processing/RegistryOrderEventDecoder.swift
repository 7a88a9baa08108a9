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
/// decodes. Bytes that are not an order event fail precisely (wrong magic byte, unknown schema id,
/// another schema, corrupt body), which dead-letters them at once; a registry out of reach fails
/// as infrastructure, which holds the partition until it answers.
public final class RegistryOrderEventDecoder: OrderEventDecoding {
    /// How the bodies written with one schema id are read.
    private enum Reader: Sendable {
        case resolving(OrderEventReader)
        /// The writer's schema can never give an order event: every record written with it is dead-lettered.
        case incompatible(String)
    }

    private let registry: RegistryClient
    private let codec: OrderEventCodec
    private let readers = Mutex<[SchemaID: Reader]>([:])
    private let logger: Logger

    public init(registry: RegistryClient, logger: Logger) throws(AvroError) {
        self.registry = registry
        self.codec = try OrderEventCodec()
        self.logger = logger
    }

    public func decode(_ value: [UInt8]) async throws(RecordFailure) -> OrderEvent {
        let (id, body) = try Self.frame(value)
        let reader = try await reader(for: id)
        switch reader {
        case .incompatible(let reason): throw .undecodable(reason)
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
        if let reader = readers.withLock({ $0[id] }) { return reader }
        let text: String
        do {
            text = try await registry.schema(id: id)
        } catch {
            switch error.code {
            case .schemaNotFound: throw .unknownSchemaID(id.rawValue)
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
            return .incompatible("schema id \(id) is not an order event schema: \(error)")
        }
    }
}
