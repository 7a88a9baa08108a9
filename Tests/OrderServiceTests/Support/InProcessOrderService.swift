import Foundation
import Logging
import OrderService
import PlatformTestSupport
import TestSupport

/// The Order Service in this process, on a free port, over a given store.
final class InProcessOrderService: Sendable {
    let port: Int
    private let running: RunningServices

    private init(port: Int, running: RunningServices) {
        self.port = port
        self.running = running
    }

    static func start(configuration: OrderServiceConfiguration, store: any OrderStore) async throws -> InProcessOrderService {
        var configuration = configuration
        configuration.port = 0
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = try await OrderServiceRuntime.makeApplication(configuration: configuration, store: store, logger: quietLogger) {
            channel in
            continuation.yield(channel.localAddress?.port ?? 0)
        }
        let running = RunningServices([app], logger: quietLogger)
        guard let port = await first(of: ports, within: .seconds(20)) else {
            await running.stop()
            throw FixtureError(description: "the order service did not start")
        }
        return InProcessOrderService(port: port, running: running)
    }

    func get(_ path: String) async throws -> HTTPAnswer { try await httpGet(port: port, path) }

    func stop() async { await running.stop() }
}

extension OrderServiceConfiguration {
    /// Settings for tests: the platform's broker and registry, a short session, short retries.
    static func forTests(platform: TestPlatform, databasePath: String, group: String = "order-service") -> OrderServiceConfiguration {
        var configuration = OrderServiceConfiguration()
        configuration.bootstrapServers = platform.bootstrapServers
        configuration.schemaRegistryURL = platform.registryURL
        configuration.databasePath = databasePath
        configuration.consumerGroup = group
        configuration.sessionTimeout = .seconds(6)
        configuration.retryPolicy = RetryPolicy(
            retryDelays: [.milliseconds(200), .milliseconds(300), .milliseconds(500)],
            infrastructureInitialDelay: .milliseconds(100), infrastructureMaximumDelay: .milliseconds(500))
        configuration.unknownSchemaGrace = .seconds(1)
        return configuration
    }
}
