import ArgumentParser
import Foundation
import Logging
import SchemaRegistry

/// Measures the serde's cached paths against a running registry: once the schema id is known,
/// serializing and deserializing make no request, so these figures are the per-record cost a service pays.
@main
struct RegistryBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "registry-benchmark")

    @Option(help: "Base URL of a running registry.")
    var registryURL = "http://127.0.0.1:8081"

    @Option(help: "Records per measurement.")
    var iterations = 200_000

    struct Order: Codable {
        var id: String
        var customerId: String
        var quantity: Int32
        var amountCents: Int64
        var status: String
    }

    static let schema = #"""
        {"type":"record","name":"BenchOrder","namespace":"bench","fields":[
          {"name":"id","type":"string"},{"name":"customerId","type":"string"},
          {"name":"quantity","type":"int"},{"name":"amountCents","type":"long"},
          {"name":"status","type":"string"}]}
        """#

    func run() async throws {
        let client = RegistryClient(
            configuration: RegistryClientConfiguration(baseURL: registryURL),
            logger: Logger(label: "registry-benchmark")
        )
        let serializer = try RegistrySerializer(client: client, schema: Self.schema, topic: "bench-orders")
        let deserializer = try RegistryDeserializer(client: client, readerSchema: Self.schema)
        let order = Order(id: "ORDER-000001", customerId: "CUST-42", quantity: 3, amountCents: 12_345, status: "new")
        let bytes = try await serializer.serialize(order)
        _ = try await deserializer.deserialize(Order.self, from: bytes)

        let serialize = try await measure(iterations) { _ = try await serializer.serialize(order) }
        let deserialize = try await measure(iterations) { _ = try await deserializer.deserialize(Order.self, from: bytes) }
        let register = try await measure(iterations) { _ = try await client.register(Self.schema, subject: "bench") }
        print(line("serializer, cached schema id (Codable → wire format)", serialize, size: bytes.count))
        print(line("deserializer, cached writer schema (wire format → Codable)", deserialize, size: bytes.count))
        print(line("client register, cached (no request)", register, size: nil))
    }

    private func measure(_ count: Int, _ body: () async throws -> Void) async throws -> Duration {
        let clock = ContinuousClock()
        return try await clock.measure {
            for _ in 0..<count { try await body() }
        }
    }

    private func line(_ name: String, _ elapsed: Duration, size: Int?) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(iterations) / seconds
        let perOp = seconds / Double(iterations) * 1e9
        let sizeText = size.map { ", \($0) bytes" } ?? ""
        return String(format: "%@: %.0f ops/s, %.0f ns/op (%d ops%@)", name, rate, perOp, iterations, sizeText)
    }
}
