import Foundation
import Testing
import TestSupport

@testable import SchemaRegistry

/// confluent-kafka-python 2.16.1 (the `.deps` venv) against our server and our serde, both ways.
@Suite struct PythonInteropTests {
    static let schema =
        #"{"type":"record","name":"Order","namespace":"test","fields":[{"name":"id","type":"string"},{"name":"qty","type":"int"}]}"#

    /// Registers and looks up with `SchemaRegistryClient`, serializes with `AvroSerializer`; prints JSON.
    static let pythonProducer = #"""
        import json, sys
        from confluent_kafka.schema_registry import SchemaRegistryClient, Schema
        from confluent_kafka.schema_registry.avro import AvroSerializer
        from confluent_kafka.serialization import SerializationContext, MessageField
        url, schema_str = sys.argv[1], sys.argv[2]
        client = SchemaRegistryClient({"url": url})
        schema_id = client.register_schema("py-orders-value", Schema(schema_str, "AVRO"))
        found = client.lookup_schema("py-orders-value", Schema(schema_str, "AVRO"))
        latest = client.get_latest_version("py-orders-value")
        compatible = client.test_compatibility("py-orders-value", Schema(schema_str, "AVRO"))
        serializer = AvroSerializer(client, schema_str)
        data = serializer({"id": "PY-1", "qty": 5}, SerializationContext("py-orders", MessageField.VALUE))
        print(json.dumps({"id": schema_id, "lookup": found.schema_id, "version": latest.version,
                          "compatible": compatible, "subjects": client.get_subjects(), "hex": data.hex()}))
        """#

    /// Deserializes wire-format bytes (hex) with `AvroDeserializer`; prints the value as JSON.
    static let pythonConsumer = #"""
        import json, sys
        from confluent_kafka.schema_registry import SchemaRegistryClient
        from confluent_kafka.schema_registry.avro import AvroDeserializer
        from confluent_kafka.serialization import SerializationContext, MessageField
        url, hex_bytes = sys.argv[1], sys.argv[2]
        deserializer = AvroDeserializer(SchemaRegistryClient({"url": url}))
        value = deserializer(bytes.fromhex(hex_bytes), SerializationContext("swift-orders", MessageField.VALUE))
        print(json.dumps(value))
        """#

    struct ProducerOutput: Decodable {
        var id: Int32
        var lookup: Int32
        var version: Int32
        var compatible: Bool
        var subjects: [String]
        var hex: String
    }

    @Test func pythonClientAndSerializerAgainstOurServerAndDeserializer() async throws {
        try await withLiveRegistry { client, baseURL in
            let result = try await runPython(script: Self.pythonProducer, arguments: [baseURL, Self.schema])
            try #require(result.status == 0, "python failed: \(result.stderrText)")
            let output = try JSONDecoder().decode(ProducerOutput.self, from: result.stdout)
            #expect(output.lookup == output.id && output.version == 1 && output.compatible)
            #expect(output.subjects == ["py-orders-value"])
            let bytes = try #require(Self.bytes(hex: output.hex))
            let deserializer = try RegistryDeserializer(client: client, readerSchema: Self.schema)
            let order = try await deserializer.deserialize(Fixtures.OrderV1.self, from: bytes)
            #expect(order == Fixtures.OrderV1(id: "PY-1", qty: 5))
            #expect(try deserializer.schemaID(of: bytes).rawValue == output.id)
        }
    }

    @Test func ourSerializerAgainstPythonDeserializer() async throws {
        try await withLiveRegistry { client, baseURL in
            let serializer = try RegistrySerializer(client: client, schema: Self.schema, topic: "swift-orders")
            let bytes = try await serializer.serialize(Fixtures.OrderV1(id: "SW-9", qty: 42))
            let hex = bytes.map { String(format: "%02x", $0) }.joined()
            let result = try await runPython(script: Self.pythonConsumer, arguments: [baseURL, hex])
            try #require(result.status == 0, "python failed: \(result.stderrText)")
            let value = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
            #expect(value?["id"] as? String == "SW-9")
            #expect(value?["qty"] as? Int == 42)
        }
    }

    static func bytes(hex: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
