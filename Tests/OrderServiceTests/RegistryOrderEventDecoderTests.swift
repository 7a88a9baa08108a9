import Foundation
import OrderEvents
@testable import OrderService
import PlatformTestSupport
import SchemaRegistry
import Testing
import TestSupport

/// Schema ids the registry does not know: held for a grace (another registry instance may lag), then
/// dead-lettered. Against a real registry server.
@Suite struct RegistryOrderEventDecoderTests {
    /// The order event schema plus a trailing field with a default: a compatible writer schema whose
    /// body is the order event's followed by one empty string (a zero byte).
    private static let evolvedSchema: String = {
        // The top-level record's field list is the last array in the schema.
        let schema = OrderEventSchema.json
        guard let closing = schema.lastIndex(of: "]") else { return schema }
        return schema[..<closing] + #", {"name": "decoderTestField", "type": "string", "default": ""}"# + schema[closing...]
    }()

    @Test func anIdRegisteredWithinTheGraceDecodes() async throws {
        let registry = try await InProcessRegistry.start(logger: quietLogger)
        defer { Task { await registry.stop() } }
        let client = RegistryClient(configuration: RegistryClientConfiguration(baseURL: registry.url), logger: quietLogger)
        let decoder = try RegistryOrderEventDecoder(registry: client, unknownSchemaGrace: .seconds(3600), logger: quietLogger)

        // The registry hands out ids in order: learn the next one from a throwaway schema.
        let probe = try await client.register(#"{"type": "fixed", "name": "Probe", "size": 1}"#, subject: Subject(rawValue: "probe"))
        let nextID = SchemaID(rawValue: probe.rawValue + 1)
        let event = OrderEvent.update(OrderID(validating: "ORDER-GRACE")!, to: .shipped, at: Date(timeIntervalSince1970: 1))
        let record = RegistryWireFormat.frame(schemaID: nextID, body: try OrderEventCodec().encode(event) + [0])

        do {
            _ = try await decoder.decode(record)
            Issue.record("an unknown id decoded")
        } catch {
            guard case .infrastructure(let reason) = error else {
                Issue.record("expected a retry (infrastructure) within the grace, got \(error)")
                return
            }
            #expect(reason.contains("does not know schema id \(nextID)"))
        }
        let registered = try await client.register(Self.evolvedSchema, subject: Subject(rawValue: "order-events-evolved"))
        try #require(registered == nextID, "the registry did not hand out the next id")
        #expect(try await decoder.decode(record) == event)
    }

    @Test func anIdStillUnknownAfterTheGraceIsDeadLettered() async throws {
        let registry = try await InProcessRegistry.start(logger: quietLogger)
        defer { Task { await registry.stop() } }
        let client = RegistryClient(configuration: RegistryClientConfiguration(baseURL: registry.url), logger: quietLogger)
        let decoder = try RegistryOrderEventDecoder(registry: client, unknownSchemaGrace: .milliseconds(200), logger: quietLogger)
        let record = RegistryWireFormat.frame(schemaID: SchemaID(rawValue: 77_777), body: [0])

        let first = await Self.failure(decoding: record, with: decoder)
        #expect(first.map { if case .infrastructure = $0 { true } else { false } } == true, "\(String(describing: first))")
        try await waitUntil("the unknown id is dead-lettered", timeout: .seconds(60)) {
            await Self.failure(decoding: record, with: decoder) == .unknownSchemaID(77_777)
        }
        // Once the grace is over, further records with the id are dead-lettered at once.
        await #expect(throws: RecordFailure.unknownSchemaID(77_777)) { try await decoder.decode(record) }
    }

    private static func failure(decoding record: [UInt8], with decoder: RegistryOrderEventDecoder) async -> RecordFailure? {
        do {
            _ = try await decoder.decode(record)
            return nil
        } catch {
            return error
        }
    }
}
