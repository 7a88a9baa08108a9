import Kafka
import Logging
import SchemaRegistry

/// The `_schemas` topic as a ``RegistryLog``.
final class KafkaRegistryLog: RegistryLog {
    let settings: RegistryKafkaStorage
    let logger: Logger

    init(settings: RegistryKafkaStorage, logger: Logger) throws {
        self.settings = settings
        self.logger = logger
    }

    func prepare() async throws {
        throw RegistryError.storeError("Kafka storage is not available yet")
    }

    func append(key: [UInt8], value: [UInt8]?) async throws -> Int64 {
        throw RegistryError.storeError("Kafka storage is not available yet")
    }

    func endOffset() async throws -> Int64 {
        throw RegistryError.storeError("Kafka storage is not available yet")
    }

    func read(from offset: Int64) -> AsyncThrowingStream<RegistryLogEntry, any Error> {
        AsyncThrowingStream { $0.finish(throwing: RegistryError.storeError("Kafka storage is not available yet")) }
    }
}
