import ArgumentParser
import Foundation
import Logging
import ServiceSupport
import OrderService

/// `order-service`: each flag has an environment variable of the same meaning; a flag wins.
@main
struct OrderServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order-service", abstract: "Consumes order events exactly once in effect; serves orders and dead letters.")

    @Option(help: "ORDER_HOST") var host: String?
    @Option(help: "ORDER_PORT") var port: String?
    @Option(help: "KAFKA_BOOTSTRAP_SERVERS") var bootstrapServers: String?
    @Option(help: "SCHEMA_REGISTRY_URL") var schemaRegistryUrl: String?
    @Option(help: "ORDER_DB_PATH") var dbPath: String?
    @Option(help: "KAFKA_SESSION_TIMEOUT (seconds)") var sessionTimeout: String?
    @Option(help: "ORDER_FETCH_MAX_WAIT (seconds)") var fetchMaxWait: String?
    @Option(help: "ORDER_RETRY_DELAYS (seconds, e.g. 2,5,10)") var retryDelays: String?
    @Option(help: "ORDER_RETRY_FOREVER_MAX_DELAY (seconds)") var retryForeverMaxDelay: String?
    @Option(help: "ORDER_OFFSET_RESET_POLICY (stop | reset-store)") var offsetResetPolicy: String?
    @Option(help: "ORDER_CONSUMER_GROUP") var consumerGroup: String?
    @Option(help: "ORDER_TOPIC") var topic: String?
    @Option(help: "ORDER_DLQ_TOPIC") var dlqTopic: String?
    @Option(help: "ORDER_BATCH_SIZE") var batchSize: String?
    @Option(help: "SCHEMA_REGISTRY_TIMEOUT (seconds)") var registryTimeout: String?
    @Option(help: "LOG_LEVEL (trace, debug, info, notice, warning, error, critical)") var logLevel: String?

    func run() async throws {
        let flags: [String: String?] = [
            "ORDER_HOST": host, "ORDER_PORT": port, "KAFKA_BOOTSTRAP_SERVERS": bootstrapServers,
            "SCHEMA_REGISTRY_URL": schemaRegistryUrl, "ORDER_DB_PATH": dbPath, "KAFKA_SESSION_TIMEOUT": sessionTimeout,
            "ORDER_FETCH_MAX_WAIT": fetchMaxWait,
            "ORDER_RETRY_DELAYS": retryDelays, "ORDER_RETRY_FOREVER_MAX_DELAY": retryForeverMaxDelay,
            "ORDER_OFFSET_RESET_POLICY": offsetResetPolicy, "ORDER_CONSUMER_GROUP": consumerGroup, "ORDER_TOPIC": topic,
            "ORDER_DLQ_TOPIC": dlqTopic, "ORDER_BATCH_SIZE": batchSize, "SCHEMA_REGISTRY_TIMEOUT": registryTimeout,
            "LOG_LEVEL": logLevel,
        ]
        let settings = ServiceCommandSupport.settings(flags: flags)
        ServiceCommandSupport.bootstrapLogging(settings: settings)
        let logger = Logger(label: "order-service")
        do {
            let configuration = try OrderServiceConfiguration(settings: settings)
            try await OrderServiceRuntime.makeApplication(configuration: configuration, logger: logger).runService()
        } catch let error as OrderServiceSettingsError {
            throw ValidationError(error.description)
        }
    }
}
