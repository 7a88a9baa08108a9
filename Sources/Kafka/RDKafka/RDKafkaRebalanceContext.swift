import CRdKafka
import Dispatch
import Logging
import Synchronization

/// The state behind librdkafka's rebalance callback.
///
/// librdkafka calls the callback on the thread that serves the consumer queue: our consumer's own serial
/// queue (inside `rd_kafka_consume_batch_queue` or the close), never a cooperative-pool thread, so the
/// callback may block while the application's async hook runs. The context is passed as the
/// configuration's opaque pointer, unretained: `RDKafkaClient` keeps it alive until after `rd_kafka_destroy`.
final class RDKafkaRebalanceContext: Sendable {
    private let hooks: KafkaRebalanceHooks
    private let hookTimeout: Duration
    private let logger: Logger
    private let state = Mutex(State())

    private struct State {
        var assignment: Set<KafkaTopicPartition> = []
        var areHooksEnabled = true
        var rebalanceCount = 0
    }

    init(hooks: KafkaRebalanceHooks, hookTimeout: Duration, logger: Logger) {
        self.hooks = hooks
        self.hookTimeout = hookTimeout
        self.logger = logger
    }

    /// The partitions currently assigned through the group.
    var assignment: Set<KafkaTopicPartition> { state.withLock { $0.assignment } }

    /// How many assignments and revocations have completed; lets tests and health checks see progress.
    var rebalanceCount: Int { state.withLock { $0.rebalanceCount } }

    /// Stops calling the application (used when the consumer is destroyed without a proper close).
    func disableHooks() {
        state.withLock { $0.areHooksEnabled = false }
    }

    /// Installs the callback on a configuration, with this context as its opaque.
    func install(on conf: OpaquePointer) {
        rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(self).toOpaque())
        rd_kafka_conf_set_rebalance_cb(conf, rebalanceCallback)
    }

    fileprivate func handle(_ kafka: OpaquePointer, _ code: rd_kafka_resp_err_t, _ list: RDKafkaPartitionListPointer) {
        let partitions = RDKafkaTopicPartitionList.read(list).map(\.entry.topicPartition)
        let isCooperative = String(cString: rd_kafka_rebalance_protocol(kafka)) == "COOPERATIVE"
        switch code {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            assign(kafka, list, partitions, isCooperative: isCooperative)
        case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
            revoke(kafka, list, partitions, isCooperative: isCooperative)
        default:
            logger.info("rebalance failed; dropping the assignment", error: KafkaError.rdKafka(code, context: "rebalance"))
            rd_kafka_assign(kafka, nil)
            state.withLock { $0.assignment.removeAll() }
        }
    }

    private func assign(_ kafka: OpaquePointer, _ list: RDKafkaPartitionListPointer, _ partitions: [KafkaTopicPartition], isCooperative: Bool) {
        let hooks = self.hooks
        let offsets = runHook("onPartitionsAssigned") { try await hooks.onPartitionsAssigned(partitions) } ?? [:]
        RDKafkaTopicPartitionList.setOffsets(offsets, in: list)
        let error: KafkaError?
        if isCooperative {
            error = rd_kafka_incremental_assign(kafka, list).map { .rdKafka(consuming: $0, context: "incremental assign") }
        } else {
            let code = rd_kafka_assign(kafka, list)
            error = code == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : .rdKafka(code, context: "assign")
        }
        if let error { logger.info("assigning partitions failed", error: error) }
        state.withLock { state in
            if !isCooperative { state.assignment.removeAll() }
            state.assignment.formUnion(partitions)
            state.rebalanceCount += 1
        }
        logger.debug(
            "partitions assigned",
            metadata: [KafkaLoggingKeys.partitions: "\(partitions)", KafkaLoggingKeys.rebalance: "\(offsets)"]
        )
    }

    private func revoke(_ kafka: OpaquePointer, _ list: RDKafkaPartitionListPointer, _ partitions: [KafkaTopicPartition], isCooperative: Bool) {
        let hooks = self.hooks
        _ = runHook("onPartitionsRevoked") { await hooks.onPartitionsRevoked(partitions) }
        if isCooperative {
            if let error = rd_kafka_incremental_unassign(kafka, list) {
                logger.info("unassigning partitions failed", error: KafkaError.rdKafka(consuming: error, context: "unassign"))
            }
        } else {
            rd_kafka_assign(kafka, nil)
        }
        state.withLock { state in
            state.assignment.subtract(partitions)
            state.rebalanceCount += 1
        }
        logger.debug("partitions revoked", metadata: [KafkaLoggingKeys.partitions: "\(partitions)"])
    }

    /// Runs an async hook from this (non-cooperative) thread and waits for it, at most `hookTimeout`.
    /// Returns `nil` when the hook threw, timed out, or hooks are disabled.
    private func runHook<T: Sendable>(_ name: String, _ hook: @escaping @Sendable () async throws -> T) -> T? {
        guard state.withLock({ $0.areHooksEnabled }) else { return nil }
        let outcome = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        // An unstructured task is the only way into async code from a C callback; it is awaited right here.
        Task {
            let result: Result<T, any Error>
            do { result = .success(try await hook()) } catch { result = .failure(error) }
            outcome.withLock { $0 = result }
            done.signal()
        }
        guard done.wait(timeout: .now() + .milliseconds(hookTimeout.inMilliseconds)) == .success else {
            logger.info("rebalance hook \(name) did not finish within \(hookTimeout); continuing without it")
            return nil
        }
        switch outcome.withLock({ $0 }) {
        case .success(let value): return value
        case .failure(let error):
            logger.info("rebalance hook \(name) failed; continuing without it", error: error)
            return nil
        case nil: return nil
        }
    }
}

private let rebalanceCallback: @convention(c) (
    OpaquePointer?, rd_kafka_resp_err_t, UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?, UnsafeMutableRawPointer?
) -> Void = { kafka, code, list, opaque in
    guard let kafka, let list, let opaque else { return }
    Unmanaged<RDKafkaRebalanceContext>.fromOpaque(opaque).takeUnretainedValue().handle(kafka, code, list)
}
