import Avro
import Foundation
import Logging
import Testing
import TestSupport

@testable import SchemaRegistry

/// The wire-format serializer and deserializer against a real server.
@Suite struct RegistrySerdeTests {
    @Test func roundTripsThroughTheRegistry() async throws {
        try await withLiveRegistry { client, _ in
            let serializer = try RegistrySerializer(client: client, schema: Fixtures.orderV1, topic: "orders")
            let id = try await serializer.prepare()
            let bytes = try await serializer.serialize(Fixtures.OrderV1(id: "A-1", qty: 3))
            // magic 0, id, then "A-1" (length 3 zigzag = 6) and 3 (zigzag = 6).
            #expect(bytes == RegistryWireFormat.frame(schemaID: id, body: [6, 65, 45, 49, 6]))
            let deserializer = try RegistryDeserializer(client: client, readerSchema: Fixtures.orderV1)
            #expect(try await deserializer.deserialize(Fixtures.OrderV1.self, from: bytes) == .init(id: "A-1", qty: 3))
            let generic = try await deserializer.deserialize(bytes)
            #expect(generic[field: "id"] == .string("A-1"))
        }
    }

    @Test func resolvesAnOlderWriterToTheReaderSchema() async throws {
        try await withLiveRegistry { client, _ in
            let old = try RegistrySerializer(client: client, schema: Fixtures.orderV1, topic: "orders")
            let bytes = try await old.serialize(Fixtures.OrderV1(id: "B", qty: 7))
            _ = try await client.register(Fixtures.orderV2, subject: .topicValue("orders"))
            let reader = try RegistryDeserializer(client: client, readerSchema: Fixtures.orderV2)
            let order = try await reader.deserialize(Fixtures.OrderV2.self, from: bytes)
            #expect(order == Fixtures.OrderV2(id: "B", qty: 7, note: "none"))
        }
    }

    @Test(arguments: [
        ([UInt8](), RegistryError.Code.truncatedFrame),
        ([0, 0, 0, 1], .truncatedFrame),
        ([1, 0, 0, 0, 1, 2], .unknownMagicByte),
        ([0, 0, 0, 0, 42, 2], .schemaNotFound),
    ])
    func badFramesAreTypedPermanentErrors(bytes: [UInt8], code: RegistryError.Code) async throws {
        try await withLiveRegistry { client, _ in
            let deserializer = try RegistryDeserializer(client: client, readerSchema: Fixtures.orderV1)
            let error = await #expect(throws: RegistryError.self) {
                try await deserializer.deserialize(Fixtures.OrderV1.self, from: bytes)
            }
            #expect(error?.code == code)
            #expect(error?.isTransient == false)
        }
    }

    @Test func aCorruptBodyIsADeserializationError() async throws {
        try await withLiveRegistry { client, _ in
            let serializer = try RegistrySerializer(client: client, schema: Fixtures.orderV1, topic: "orders")
            let id = try await serializer.prepare()
            let deserializer = try RegistryDeserializer(client: client, readerSchema: Fixtures.orderV1)
            let error = await #expect(throws: RegistryError.self) {
                try await deserializer.deserialize(Fixtures.OrderV1.self, from: RegistryWireFormat.frame(schemaID: id, body: [200]))
            }
            #expect(error?.code == .deserialization)
        }
    }

    @Test func aValueThatDoesNotFitIsASerializationError() async throws {
        try await withLiveRegistry { client, _ in
            let serializer = try RegistrySerializer(client: client, schema: Fixtures.orderV1, topic: "orders")
            let error = await #expect(throws: RegistryError.self) { try await serializer.serialize(["x": 1]) }
            #expect(error?.code == .serialization)
        }
    }

    @Test func withoutAutoRegistrationAnUnknownSchemaFails() async throws {
        try await withLiveRegistry { client, _ in
            let serializer = try RegistrySerializer(
                client: client,
                schema: Fixtures.orderV1,
                topic: "orders",
                isAutoRegisterEnabled: false
            )
            let error = await #expect(throws: RegistryError.self) { try await serializer.prepare() }
            #expect(error?.code == .subjectNotFound)
            let id = try await client.register(Fixtures.orderV1, subject: .topicValue("orders"))
            #expect(try await serializer.prepare() == id)
        }
    }

    @Test func aRegistryThatIsDownIsTransient() async throws {
        let client = RegistryClient(
            configuration: RegistryClientConfiguration(
                baseURL: "http://127.0.0.1:\(try freePort())",
                requestTimeout: .seconds(1)
            ),
            logger: Logger(label: "test")
        )
        let deserializer = try RegistryDeserializer(client: client, readerSchema: Fixtures.orderV1)
        let error = await #expect(throws: RegistryError.self) {
            try await deserializer.deserialize(Fixtures.OrderV1.self, from: [0, 0, 0, 0, 1, 2])
        }
        #expect(error?.code == .unreachable)
        #expect(error?.isTransient == true)
    }
}
