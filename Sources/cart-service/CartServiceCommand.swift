import ArgumentParser
import CartService
import Foundation
import Logging
import ServiceSupport

/// `cart-service`: each flag has an environment variable of the same meaning; a flag wins.
@main
struct CartServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cart-service", abstract: "Validates order requests and publishes order events to Kafka.")

    @Option(help: "CART_HOST") var host: String?
    @Option(help: "CART_PORT") var port: String?
    @Option(help: "KAFKA_BOOTSTRAP_SERVERS") var bootstrapServers: String?
    @Option(help: "SCHEMA_REGISTRY_URL") var schemaRegistryUrl: String?
    @Option(help: "CART_PUBLISH_TIMEOUT (seconds)") var publishTimeout: String?
    @Option(help: "CART_HEALTH_INTERVAL (seconds)") var healthInterval: String?
    @Option(help: "CART_MAX_ITEMS") var maxItems: String?
    @Option(help: "CART_MAX_BODY_BYTES") var maxBodyBytes: String?
    @Option(help: "CART_CURRENCY") var currency: String?
    @Option(help: "ORDER_TOPIC") var topic: String?
    @Option(help: "ORDER_DLQ_TOPIC") var dlqTopic: String?
    @Option(help: "LOG_LEVEL (trace, debug, info, notice, warning, error, critical)") var logLevel: String?

    func run() async throws {
        let flags: [String: String?] = [
            "CART_HOST": host, "CART_PORT": port, "KAFKA_BOOTSTRAP_SERVERS": bootstrapServers,
            "SCHEMA_REGISTRY_URL": schemaRegistryUrl, "CART_PUBLISH_TIMEOUT": publishTimeout,
            "CART_HEALTH_INTERVAL": healthInterval, "CART_MAX_ITEMS": maxItems, "CART_MAX_BODY_BYTES": maxBodyBytes,
            "CART_CURRENCY": currency, "ORDER_TOPIC": topic, "ORDER_DLQ_TOPIC": dlqTopic, "LOG_LEVEL": logLevel,
        ]
        let settings = ServiceCommandSupport.settings(flags: flags)
        ServiceCommandSupport.bootstrapLogging(settings: settings)
        let logger = Logger(label: "cart-service")
        do {
            let configuration = try CartServiceConfiguration(settings: settings)
            try await CartService.makeApplication(configuration: configuration, logger: logger).runService()
        } catch let error as CartServiceSettingsError {
            throw ValidationError(error.description)
        }
    }
}
