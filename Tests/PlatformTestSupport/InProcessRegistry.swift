import Hummingbird
import Logging
import SchemaRegistryServer
import TestSupport

/// A real Schema Registry server in the test process, on a free port, storing in memory or in the
/// broker's `_schemas` topic.
public final class InProcessRegistry: Sendable {
    public let url: String
    private let services: RunningServices

    private init(url: String, services: RunningServices) {
        self.url = url
        self.services = services
    }

    public static func start(bootstrapServers: String? = nil, logger: Logger = .quiet) async throws -> InProcessRegistry {
        var configuration = RegistryServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.storage = bootstrapServers.map { .kafka(bootstrapServers: $0, topic: "_schemas") } ?? .memory
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = try await buildApplication(configuration: configuration, logger: logger) { port in continuation.yield(port) }
        let services = RunningServices([app], logger: logger)
        guard let port = await first(of: ports, within: .seconds(30)) else {
            await services.stop()
            throw TestSupportError(description: "the Schema Registry did not start within 30 s")
        }
        return InProcessRegistry(url: "http://127.0.0.1:\(port)", services: services)
    }

    public func stop() async {
        await services.stop()
    }
}
