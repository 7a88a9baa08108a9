import CRdKafka
import Dispatch
import Logging
import Synchronization

/// The state behind librdkafka's rebalance callback.
///
/// librdkafka calls the callback on the thread that serves the consumer queue, in the middle of a fetch:
/// on the consumer's serial queue, or on a cooperative-pool thread when the iteration took queued messages
/// itself. The callback never runs the application's hook there. It copies the partitions and hands the
/// rebalance to the consumer's queue, where the hook runs (blocking that queue, never the pool) and the
/// assignment changes afterwards, between two fetches; librdkafka waits for that assign call, as with its
/// rebalance events. So a batch never holds messages from both sides of an assignment change, and what was
/// fetched for revoked partitions is discarded by epoch (see `KafkaConsumer.discardFetched`). Only the
/// close serves rebalances inside the callback. The context is passed as the configuration's opaque
/// pointer, unretained: `RDKafkaClient` keeps it alive until after `rd_kafka_destroy`.
final class RDKafkaRebalanceContext: Sendable {
    private let hooks: KafkaRebalanceHooks
    private let hookTimeout: Duration
    private let logger: Logger
    private let state = Mutex(State())

    private struct State {
        var assignment: Set<KafkaTopicPartition> = []
        var areHooksEnabled = true
        var rebalanceCount = 0
        var link: ConsumerLink?
        var servesInline = false
    }

    /// What the consumer lends: its queue, its client (weak: a hand-off must not outlive the handle), and
    /// what to do when partitions are revoked.
    private struct ConsumerLink {
        let queue: DispatchQueue
        weak var client: RDKafkaClient?
        let onRevoked: @Sendable ([KafkaTopicPartition]) -> Void
    }

    /// Rebalances handed to the consumer queue and not yet served there.
    private let pendingHandOffs = Atomic<Int>(0)

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

    /// Connects the consumer: rebalances are handed to `queue`, and `onRevoked` is called as soon as
    /// librdkafka announces a revocation and again once it took effect, so that the consumer can discard
    /// what it fetched for those partitions.
    func link(queue: DispatchQueue, client: RDKafkaClient, onRevoked: @escaping @Sendable ([KafkaTopicPartition]) -> Void) {
        state.withLock { $0.link = ConsumerLink(queue: queue, client: client, onRevoked: onRevoked) }
    }

    /// Whether a rebalance waits on the consumer queue: the iteration then waits behind it instead of
    /// taking messages of partitions that may be on their way out.
    var isHandOffPending: Bool { pendingHandOffs.load(ordering: .acquiring) > 0 }

    /// Installs the callback on a configuration, with this context as its opaque.
    func install(on conf: OpaquePointer) {
        rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(self).toOpaque())
        rd_kafka_conf_set_rebalance_cb(conf, rebalanceCallback)
    }

    fileprivate func handle(_ kafka: OpaquePointer, _ code: rd_kafka_resp_err_t, _ list: RDKafkaPartitionListPointer) {
        let (link, servesInline) = state.withLock { ($0.link, $0.servesInline) }
        let revoked = partitionsLeaving(code, list)
        // What the consumer took for these partitions, in this very fetch too, is stale.
        if !revoked.isEmpty { link?.onRevoked(revoked) }
        guard let link, !servesInline else { return serve(kafka, code, list) }
        let copy = SendablePartitionList(rd_kafka_topic_partition_list_copy(list))
        pendingHandOffs.add(1, ordering: .releasing)
        link.queue.async {
            defer {
                rd_kafka_topic_partition_list_destroy(copy.pointer)
                self.pendingHandOffs.subtract(1, ordering: .releasing)
            }
            guard let client = self.state.withLock({ $0.link?.client }) else { return }
            self.serve(client.kafka, code, copy.pointer)
            // Fetches between the callback and the unassign may still have brought some.
            if !revoked.isEmpty { link.onRevoked(revoked) }
        }
    }

    /// The partitions a rebalance takes away: those revoked, or all of them when the rebalance failed.
    private func partitionsLeaving(_ code: rd_kafka_resp_err_t, _ list: RDKafkaPartitionListPointer) -> [KafkaTopicPartition] {
        switch code {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS: []
        case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS: RDKafkaTopicPartitionList.read(list).map(\.entry.topicPartition)
        default: Array(assignment)
        }
    }

    /// Serves rebalances inside the callback from now on: the close serves its own queue on the consumer
    /// queue and waits there for the revocation, so a hand-off to that queue would never run.
    func serveInline() {
        state.withLock { $0.servesInline = true }
    }

    /// Runs the hook and changes the assignment; blocks while the hook runs, so never on the cooperative pool.
    private func serve(_ kafka: OpaquePointer, _ code: rd_kafka_resp_err_t, _ list: RDKafkaPartitionListPointer) {
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

    private func assign(
        _ kafka: OpaquePointer, _ list: RDKafkaPartitionListPointer, _ partitions: [KafkaTopicPartition], isCooperative: Bool
    ) {
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

    private func revoke(
        _ kafka: OpaquePointer, _ list: RDKafkaPartitionListPointer, _ partitions: [KafkaTopicPartition], isCooperative: Bool
    ) {
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

private let rebalanceCallback:
    @convention(c) (
        OpaquePointer?, rd_kafka_resp_err_t, UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?, UnsafeMutableRawPointer?
    ) -> Void = { kafka, code, list, opaque in
        guard let kafka, let list, let opaque else { return }
        Unmanaged<RDKafkaRebalanceContext>.fromOpaque(opaque).takeUnretainedValue().handle(kafka, code, list)
    }
