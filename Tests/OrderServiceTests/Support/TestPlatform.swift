import Foundation
import Logging
import PlatformTestSupport
import TestSupport

/// A real broker (Tansu, own process) and a real Schema Registry (in process, memory storage), on
/// free ports; `stop()` ends both.
final class TestPlatform: Sendable {
    let broker: TansuBroker
    private let registry: InProcessRegistry

    private init(broker: TansuBroker, registry: InProcessRegistry) {
        self.broker = broker
        self.registry = registry
    }

    static func start() async throws -> TestPlatform {
        let broker = try await TansuBroker.start()
        do {
            return TestPlatform(broker: broker, registry: try await InProcessRegistry.start(logger: quietLogger))
        } catch {
            await broker.stop()
            throw error
        }
    }

    var bootstrapServers: String { broker.bootstrapServers }
    var registryURL: String { registry.url }

    func stop() async {
        await registry.stop()
        await broker.stop()
    }
}

/// Tests log at warning and above: enough to see why something failed.
let quietLogger: Logger = {
    var logger = Logger(label: "order-service-it")
    logger.logLevel = .warning
    return logger
}()

/// GET `http://127.0.0.1:port/path`.
func httpGet(port: Int, _ path: String) async throws -> HTTPAnswer {
    try await HTTPTestClient(port: port).get(path, timeout: .seconds(10))
}
