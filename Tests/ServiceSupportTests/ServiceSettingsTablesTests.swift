import CartService
import Foundation
import OrderService
import SchemaRegistryServer
import ServiceSettings
import TestSupport
import Testing

/// The three executables' tables: each reads what README documents, and their defaults are the
/// configurations' own.
@Suite struct ServiceSettingsTablesTests {
    static let variables: [(service: String, variables: [String])] = [
        ("cart-service", CartServiceConfiguration.settings.settings.map(\.variable)),
        ("order-service", OrderServiceConfiguration.settings.settings.map(\.variable)),
        ("schema-registry", RegistryServerSettings.table.settings.map(\.variable)),
    ]

    @Test func readmeDocumentsEverySetting() throws {
        let readme = try String(contentsOf: ProjectPaths.root.appendingPathComponent("README.md"), encoding: .utf8)
        for (service, variables) in Self.variables {
            for variable in variables {
                #expect(readme.contains("| `\(variable)` |"), "README's settings tables lack \(variable) of \(service)")
            }
        }
    }

    @Test func noTwoSettingsShareAVariableOrAFlag() {
        for table in [
            CartServiceConfiguration.settings.settings.map { ($0.variable, $0.flag) },
            OrderServiceConfiguration.settings.settings.map { ($0.variable, $0.flag) },
            RegistryServerSettings.table.settings.map { ($0.variable, $0.flag) },
        ] {
            #expect(Set(table.map(\.0)).count == table.count)
            #expect(Set(table.map(\.1)).count == table.count)
        }
    }

    @Test func orderServiceReadsItsListAndChoiceSettings() throws {
        let configuration = try OrderServiceConfiguration.settings.read(
            environment: ["ORDER_RETRY_DELAYS": "1, 0.5", "ORDER_OFFSET_RESET_POLICY": "reset-store", "ORDER_PORT": "18001"],
            over: OrderServiceConfiguration())
        #expect(configuration.retryPolicy.retryDelays == [.seconds(1), .milliseconds(500)])
        #expect(configuration.offsetResetPolicy == .resetStore)
        #expect(configuration.port == 18001)
        let none = try OrderServiceConfiguration.settings.read(
            environment: ["ORDER_RETRY_DELAYS": "none"], over: OrderServiceConfiguration())
        #expect(none.retryPolicy.retryDelays.isEmpty)
        #expect(throws: SettingError.self) {
            try OrderServiceConfiguration.settings.read(environment: ["ORDER_RETRY_DELAYS": "2,,5"], over: OrderServiceConfiguration())
        }
    }

    @Test func registrySettingsBuildItsConfiguration() throws {
        let settings = try RegistryServerSettings.table.read(
            environment: ["SCHEMA_REGISTRY_PORT": "18081", "SCHEMA_REGISTRY_STORAGE": "memory"], over: RegistryServerSettings())
        #expect(settings.configuration.port == 18081)
        #expect(settings.storage == .memory)
        #expect(throws: SettingError.self) {
            try RegistryServerSettings.table.read(environment: ["SCHEMA_REGISTRY_PORT": "x"], over: RegistryServerSettings())
        }
    }

    @Test func kafkaStatisticsIntervalTakesSecondsOrZeroForOff() throws {
        #expect(CartServiceConfiguration().kafkaStatisticsInterval == .seconds(10))
        let cart = try CartServiceConfiguration.settings.read(
            environment: ["KAFKA_STATISTICS_INTERVAL": "2.5"], over: CartServiceConfiguration())
        #expect(cart.kafkaStatisticsInterval == .milliseconds(2500))
        let order = try OrderServiceConfiguration.settings.read(
            environment: ["KAFKA_STATISTICS_INTERVAL": "0"], over: OrderServiceConfiguration())
        #expect(order.kafkaStatisticsInterval == nil)
        let registry = try RegistryServerSettings.table.read(
            environment: [:], arguments: ["--kafka-statistics-interval", "1"], over: RegistryServerSettings())
        #expect(registry.kafkaStatisticsInterval == .seconds(1))
        #expect(throws: SettingError.self) {
            try CartServiceConfiguration.settings.read(environment: ["KAFKA_STATISTICS_INTERVAL": "-1"], over: CartServiceConfiguration())
        }
        let help = OrderServiceConfiguration.settings.help(defaults: OrderServiceConfiguration())
        #expect(help.contains("[KAFKA_STATISTICS_INTERVAL]"))
    }

    @Test func helpShowsTheConfigurationsDefaults() {
        let help = CartServiceConfiguration.settings.help(defaults: CartServiceConfiguration())
        #expect(help.contains("[CART_PUBLISH_TIMEOUT]\n      longest wait for the broker's acknowledgement before 503 (default: 5)"))
        let orderHelp = OrderServiceConfiguration.settings.help(defaults: OrderServiceConfiguration())
        #expect(orderHelp.contains("(default: 0.02)"))
        #expect(
            orderHelp.contains(
                "[ORDER_RETRY_DELAYS]\n      waits before the retries of a processing failure; none dead-letters at once (default: 2,5,10)")
        )
    }
}
