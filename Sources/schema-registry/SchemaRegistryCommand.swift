import ArgumentParser
import Foundation
import Logging
import SchemaRegistryServer
import ServiceLifecycle

/// `schema-registry`: a Confluent-compatible Schema Registry keeping its state in a Kafka topic.
/// Every flag has an environment variable of the same meaning; a flag wins over the variable.
@main
struct SchemaRegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schema-registry")

    @Option(help: "Address to listen on [SCHEMA_REGISTRY_HOST]; 0.0.0.0 exposes the unauthenticated API.")
    var host = env("SCHEMA_REGISTRY_HOST") ?? "127.0.0.1"

    @Option(help: "Port to listen on [SCHEMA_REGISTRY_PORT].")
    var port = env("SCHEMA_REGISTRY_PORT").flatMap(Int.init) ?? 8081

    @Option(help: "Kafka bootstrap servers [KAFKA_BOOTSTRAP_SERVERS].")
    var bootstrapServers = env("KAFKA_BOOTSTRAP_SERVERS") ?? "127.0.0.1:9092"

    @Option(help: "Compacted topic holding the schemas [SCHEMA_REGISTRY_TOPIC].")
    var topic = env("SCHEMA_REGISTRY_TOPIC") ?? "_schemas"

    @Option(help: "Storage: kafka, or memory (lost at exit) [SCHEMA_REGISTRY_STORAGE].")
    var storage = env("SCHEMA_REGISTRY_STORAGE") ?? "kafka"

    @Option(help: "Largest request body in bytes [SCHEMA_REGISTRY_MAX_BODY_BYTES].")
    var maxBodyBytes = env("SCHEMA_REGISTRY_MAX_BODY_BYTES").flatMap(Int.init) ?? 1 << 20

    @Option(help: "trace, debug, info, notice, warning, error, critical [LOG_LEVEL].")
    var logLevel = env("LOG_LEVEL") ?? "info"

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "schema-registry")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        var configuration = RegistryServerConfiguration(host: host, port: port, maximumBodySize: maxBodyBytes)
        configuration.storage = storage == "memory" ? .memory : .kafka(bootstrapServers: bootstrapServers, topic: topic)
        let app = try await buildApplication(configuration: configuration, logger: logger)
        // Bounded: a broker that vanished must not keep a stopping registry alive forever.
        var group = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = .seconds(15)
        group.maximumCancellationDuration = .seconds(5)
        try await ServiceGroup(configuration: group).run()
        logger.info("Schema registry stopped")
    }
}

private func env(_ name: String) -> String? {
    ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
}
