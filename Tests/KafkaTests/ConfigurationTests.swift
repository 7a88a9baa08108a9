import Logging
import Testing

@testable import Kafka

/// The librdkafka properties produced from the typed configuration.
@Suite struct ConfigurationTests {
    @Test func producerDefaultsAreSafe() {
        let properties = KafkaProducerConfiguration(bootstrapServers: ["a:9092", "b:9092"]).dictionary
        #expect(properties["bootstrap.servers"] == "a:9092,b:9092")
        #expect(properties["acks"] == "all")
        #expect(properties["enable.idempotence"] == "true")
        #expect(properties["linger.ms"] == "5")
        #expect(properties["compression.codec"] == "none")
        #expect(properties["message.timeout.ms"] == "30000")
        #expect(properties["queue.buffering.max.messages"] == "100000")
        #expect(properties["batch.num.messages"] == "10000")
        #expect(properties["client.id"] == "swift-kafka")
        #expect(properties["statistics.interval.ms"] == nil)
    }

    @Test func producerTypedSettingsAndRawOverrides() {
        var config = KafkaProducerConfiguration(bootstrapServers: ["127.0.0.1:9092"])
        config.lingerTime = .milliseconds(20)
        config.compression = .zstd
        config.deliveryTimeout = .seconds(3)
        config.acks = .leader
        config.isIdempotenceEnabled = false
        config.connection.statisticsInterval = .seconds(1)
        config.connection.ipAddressFamily = .v4
        config.additionalConfig = ["linger.ms": "7", "socket.keepalive.enable": "true"]
        let properties = config.dictionary
        #expect(properties["linger.ms"] == "7", "additionalConfig wins over typed settings")
        #expect(properties["socket.keepalive.enable"] == "true")
        #expect(properties["compression.codec"] == "zstd")
        #expect(properties["message.timeout.ms"] == "3000")
        #expect(properties["acks"] == "1")
        #expect(properties["enable.idempotence"] == "false")
        #expect(properties["statistics.interval.ms"] == "1000")
        #expect(properties["broker.address.family"] == "v4")
    }

    @Test func groupConsumerProperties() {
        var config = KafkaConsumerConfiguration(
            consumptionStrategy: .group(id: "order-service", topics: ["order-events"]), bootstrapServers: ["k:9092"]
        )
        config.sessionTimeout = .seconds(6)
        config.isAutoCommitEnabled = false
        config.groupInstanceID = "order-service-1"
        config.partitionAssignmentStrategy = [.cooperativeSticky]
        let properties = config.dictionary
        #expect(properties["group.id"] == "order-service")
        #expect(properties["session.timeout.ms"] == "6000")
        #expect(properties["enable.auto.commit"] == "false")
        #expect(properties["enable.auto.offset.store"] == "false", "offsets are stored by the sequence, never on fetch")
        #expect(properties["auto.offset.reset"] == "earliest")
        #expect(properties["partition.assignment.strategy"] == "cooperative-sticky")
        #expect(properties["group.instance.id"] == "order-service-1")
        #expect(properties["max.poll.interval.ms"] == "300000")
    }

    @Test func assignOnlyConsumerGetsAPrivateGroupAndNoAutoCommit() {
        let config = KafkaConsumerConfiguration(
            consumptionStrategy: .partitions([KafkaTopicPartitionOffset(topic: "_schemas", partition: 0, offset: .beginning)]),
            bootstrapServers: ["k:9092"]
        )
        #expect(config.dictionary["group.id"] == nil)
        let properties = KafkaConsumer.properties(for: config)
        #expect(properties["group.id"]?.hasPrefix("swift-kafka-assign-") == true)
        #expect(properties["enable.auto.commit"] == "false")
    }

    @Test func newTopicConfigs() {
        let topic = KafkaNewTopic(
            name: "order-events-dlq", retention: .seconds(30 * 24 * 3600), cleanupPolicy: .compactAndDelete,
            additionalConfig: ["min.insync.replicas": "2"]
        )
        #expect(
            topic.configs == [
                "retention.ms": "2592000000", "cleanup.policy": "compact,delete", "min.insync.replicas": "2",
            ])
    }

    @Test(arguments: [
        (Duration.zero, 0),
        (.microseconds(1), 1),  // never rounds a positive duration down to librdkafka's "disabled"
        (.milliseconds(1500), 1500),
        (.nanoseconds(1_000_001), 2),
        (.seconds(7 * 24 * 3600), 604_800_000),
        (.seconds(-1), 0),
        (.seconds(Int64.max / 2), Int(Int32.max)),
    ])
    func durationsBecomeWholeMilliseconds(duration: Duration, milliseconds: Int) {
        #expect(duration.inMilliseconds == milliseconds)
    }

    @Test func invalidPropertiesAreRejectedWithTheKeyInTheMessage() {
        var config = KafkaProducerConfiguration(bootstrapServers: ["127.0.0.1:1"])
        config.additionalConfig["no.such.property"] = "1"
        let error = #expect(throws: KafkaError.self) { _ = try KafkaProducer(configuration: config, logger: .quiet) }
        #expect(error?.code == .configuration)
        #expect(error?.description.contains("no.such.property") == true)
    }
}
