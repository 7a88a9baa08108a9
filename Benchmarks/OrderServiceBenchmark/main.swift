import ArgumentParser
import Foundation
import Kafka
import Logging
import OrderEvents
import OrderService
import SchemaRegistry

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Catch-up benchmark of the Order Service: with N events already in `order-events`, start the real
/// `order-service` executable on an empty store and time it until it has applied them all.
///
/// Events: creates, lifecycle updates, and 1 % bad ones (duplicate creates, updates of unknown
/// orders) that are dead-lettered, as a real topic would hold. Prints events/s (from process start,
/// and from the first applied record, which leaves out the group join) and the peak RSS.
@main
struct OrderServiceBenchmark: AsyncParsableCommand {
    @Option(help: "Kafka bootstrap servers of a running broker") var bootstrapServers: String
    @Option(help: "Schema Registry URL") var registryUrl: String
    @Option(help: "Path of the order-service executable") var orderService: String
    @Option(help: "Events to produce before the service starts") var events = 200_000
    @Option(help: "Consumer session timeout in seconds (Tansu delays the first join by half of it)") var sessionTimeout = 6.0

    func run() async throws {
        var logger = Logger(label: "order-service-bench")
        logger.logLevel = .warning
        let orders = try await produce(logger: logger)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("order-service-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        try await catchUp(orders: orders, work: work)
    }

    /// Produces the events (framed in the Confluent wire format) and returns how many orders they create.
    private func produce(logger: Logger) async throws -> Int {
        let registry = RegistryClient(configuration: RegistryClientConfiguration(baseURL: registryUrl), logger: logger)
        let schemaID = try await registry.register(OrderEventSchema.json, subject: .topicValue(OrderEventSchema.topic))
        let codec = try OrderEventCodec()
        var configuration = KafkaProducerConfiguration(bootstrapServers: [bootstrapServers])
        configuration.lingerTime = .milliseconds(20)
        let producer = try KafkaProducer(configuration: configuration, logger: logger)
        let admin = try KafkaAdmin(configuration: KafkaAdminConfiguration(bootstrapServers: [bootstrapServers]), logger: logger)
        try await admin.createTopics([
            KafkaNewTopic(name: OrderEventSchema.topic, partitionCount: 3), KafkaNewTopic(name: "order-events-dlq", partitionCount: 1),
        ])
        let started = ContinuousClock.now
        let plan = EventPlan(events: events)
        let now = Date()
        for step in plan.steps {
            let event = step.event(at: now)
            let value = RegistryWireFormat.frame(schemaID: schemaID, body: try codec.encode(event))
            while true {
                do {
                    try producer.enqueue(topic: OrderEventSchema.topic, key: event.orderId.rawValue, value: value)
                    break
                } catch let error where error.code == .queueFull {
                    try await Task.sleep(for: .milliseconds(5))
                }
            }
        }
        try await producer.flush(timeout: .seconds(120))
        print("produced \(plan.steps.count) events (\(plan.orders) orders) in \(started.duration(to: .now))")
        return plan.orders
    }

    /// Starts the service on an empty store and waits until every event is applied.
    private func catchUp(orders: Int, work: URL) async throws {
        let port = try freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: orderService)
        var environment = ProcessInfo.processInfo.environment
        environment["ORDER_PORT"] = String(port)
        environment["KAFKA_BOOTSTRAP_SERVERS"] = bootstrapServers
        environment["SCHEMA_REGISTRY_URL"] = registryUrl
        environment["ORDER_DB_PATH"] = work.appendingPathComponent("orders.sqlite").path
        environment["KAFKA_SESSION_TIMEOUT"] = String(sessionTimeout)
        environment["LOG_LEVEL"] = "error"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        let started = ContinuousClock.now
        try process.run()
        defer { process.terminate() }
        var firstApplied: ContinuousClock.Instant?
        var peakRSS = 0
        while true {
            try await Task.sleep(for: .milliseconds(50))
            guard process.isRunning else { throw ValidationError("order-service exited with \(process.terminationStatus)") }
            peakRSS = max(peakRSS, residentKilobytes(of: process.processIdentifier))
            guard let health = try? await health(port: port) else { continue }
            // Spelled out with explicit types: the one-line reduce over [String: Any] made the type
            // checker run for many minutes.
            var applied = 0
            for partition in health.partitions {
                let next: Int = (partition["next_offset"] as? Int) ?? 0
                applied += next
            }
            if applied > 0, firstApplied == nil { firstApplied = .now }
            if applied >= events, health.partitions.count == 3, health.orders >= orders { break }
        }
        let total = started.duration(to: .now)
        let applying = (firstApplied ?? started).duration(to: .now)
        peakRSS = max(peakRSS, peakResidentKilobytes(of: process.processIdentifier))
        print(
            """
            Order Service catch-up: \(events) events (\(orders) orders, 1 % dead-lettered), 3 partitions, SQLite WAL
              from process start: \(rate(events, total)) events/s (\(format(total)), group join included)
              from first applied record: \(rate(events, applying)) events/s (\(format(applying)))
              peak RSS: \(peakRSS / 1024) MiB
            """)
    }

    private func health(port: Int) async throws -> (orders: Int, partitions: [[String: Any]])? {
        guard let url = URL(string: "http://127.0.0.1:\(port)/health") else { return nil }
        let (data, _) = try await URLSession.shared.data(from: url)
        guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return (json["orders_in_memory"] as? Int ?? 0, json["partitions"] as? [[String: Any]] ?? [])
    }

    private func rate(_ count: Int, _ duration: Duration) -> Int {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return seconds > 0 ? Int(Double(count) / seconds) : 0
    }

    private func format(_ duration: Duration) -> String {
        String(format: "%.2f s", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }
}

/// The events: every order is created, then moves along its lifecycle; 1 % are bad.
struct EventPlan {
    enum Step {
        case create(String)
        case update(String, OrderStatus)

        func event(at time: Date) -> OrderEvent {
            switch self {
            case .create(let id):
                let items = [OrderItem(itemId: "ITEM-1", quantity: 2, price: Decimal(string: "49.99") ?? 0)]
                let order = Order(
                    orderId: OrderID(rawValue: id), customerId: "CUST-BENCH", orderDate: time, items: items,
                    totalAmount: Order.total(of: items), currency: "USD", status: .new)
                return .create(order, at: time)
            case .update(let id, let status):
                return .update(OrderID(rawValue: id), to: status, at: time)
            }
        }
    }

    var steps: [Step] = []
    var orders = 0

    init(events: Int) {
        let path: [OrderStatus] = [.confirmed, .processing, .shipped]
        orders = events / 2
        for index in 0..<orders {
            let id = "BENCH-\(index)"
            steps.append(.create(id))
            if index % 100 == 0 {
                steps.append(index % 200 == 0 ? .create(id) : .update("GHOST-\(index)", .shipped))
            } else {
                steps.append(.update(id, path[index % path.count]))
            }
        }
    }
}

/// The resident set of a process now, in KiB (Linux /proc).
func residentKilobytes(of pid: Int32) -> Int { procStatus(pid, field: "VmRSS:") }

/// The peak resident set of a process, in KiB.
func peakResidentKilobytes(of pid: Int32) -> Int { procStatus(pid, field: "VmHWM:") }

private func procStatus(_ pid: Int32, field: String) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
        let line = text.split(separator: "\n").first(where: { $0.hasPrefix(field) })
    else { return 0 }
    let fields: [Substring] = line.split(separator: " ", omittingEmptySubsequences: true)
    guard fields.count > 1 else { return 0 }
    let value: Int? = Int(String(fields[1]))
    return value ?? 0
}

/// A TCP port nothing listens on now.
func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw ValidationError("socket() failed") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
            bind(fd, address, length) == 0 && getsockname(fd, address, &length) == 0
        }
    }
    guard named else { throw ValidationError("bind() failed") }
    return Int(UInt16(bigEndian: address.sin_port))
}
