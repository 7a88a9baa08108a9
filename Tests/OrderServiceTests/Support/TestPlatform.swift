import Foundation
import Logging
import SchemaRegistryServer
import ServiceLifecycle
import TestSupport

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real broker (Tansu, own process) and a real Schema Registry (in process, memory storage), on
/// free ports; `stop()` ends both.
final class TestPlatform: Sendable {
    let broker: TansuBroker
    let registryURL: String
    private let registry: RunningServices

    private init(broker: TansuBroker, registryURL: String, registry: RunningServices) {
        self.broker = broker
        self.registryURL = registryURL
        self.registry = registry
    }

    static func start() async throws -> TestPlatform {
        let broker = try await TansuBroker.start()
        var configuration = RegistryServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.storage = .memory
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = try await buildApplication(configuration: configuration, logger: quietLogger) { port in
            portContinuation.yield(port)
        }
        let running = RunningServices(app)
        guard let port = await first(of: ports, within: .seconds(20)) else {
            await running.stop()
            await broker.stop()
            throw FixtureError(description: "the registry did not start")
        }
        return TestPlatform(broker: broker, registryURL: "http://127.0.0.1:\(port)", registry: running)
    }

    var bootstrapServers: String { broker.bootstrapServers }

    func stop() async {
        await registry.stop()
        await broker.stop()
    }
}

/// Services run in a group of their own, in a task, until `stop()` (graceful shutdown).
final class RunningServices: Sendable {
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    init(_ services: any Service...) {
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [], logger: quietLogger))
        self.group = group
        self.task = Task { try await group.run() }
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }
}

/// Waits for the first element, or `nil` after `timeout`.
func first<T: Sendable>(of stream: AsyncStream<T>, within timeout: Duration) async -> T? {
    await withTaskGroup(of: T?.self) { group in
        group.addTask { await stream.first { _ in true } }
        group.addTask {
            try? await Task.sleep(for: timeout)
            return nil
        }
        let result = await group.next() ?? nil
        group.cancelAll()
        return result
    }
}

/// Tests log at warning and above: enough to see why something failed.
let quietLogger: Logger = {
    var logger = Logger(label: "order-service-it")
    logger.logLevel = .warning
    return logger
}()

/// A JSON answer of a running service.
struct HTTPAnswer: Sendable {
    let status: Int
    let text: String
    var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]) ?? [:] }
}

/// GET `http://127.0.0.1:port/path`.
func httpGet(port: Int, _ path: String) async throws -> HTTPAnswer {
    guard let url = URL(string: "http://127.0.0.1:\(port)\(path)") else {
        throw FixtureError(description: "bad path \(path)")
    }
    var request = URLRequest(url: url)
    request.timeoutInterval = 10
    let (data, response) = try await URLSession.shared.data(for: request)
    return HTTPAnswer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, text: String(decoding: data, as: UTF8.self))
}
