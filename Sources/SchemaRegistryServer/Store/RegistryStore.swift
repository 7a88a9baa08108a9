import Logging
import SchemaRegistry
import ServiceLifecycle

/// The registry's state and the only path to change it.
///
/// `run()` (a `Service`) prepares the log and then applies every record of it, from the first one on, for
/// as long as the registry runs. Writers append a record and wait until `run()` has applied it, so memory
/// never runs ahead of the log: whatever an answer said is in the topic, and a restart rebuilds it.
/// Writes are serialized here; several instances sharing a topic stay consistent through the log's order
/// (see ``RegistryState``).
actor RegistryStore: Service {
    private(set) var state = RegistryState()
    /// The offset of the next record to apply.
    private var nextOffset: Int64 = 0
    private var isPrepared = false
    private var failure: RegistryError?
    private var waiters: [Int: Waiter] = [:]
    private var nextWaiterID = 0
    private var isWriting = false
    private var writeQueue: [CheckedContinuation<Void, Never>] = []

    let log: any RegistryLog
    let format: any RegistrySchemaFormat
    let timeout: Duration
    let metrics: RegistryMetrics
    let logger: Logger

    private struct Waiter {
        var condition: Condition
        var continuation: CheckedContinuation<Void, any Error>
    }

    enum Condition {
        case prepared
        case applied(Int64)
    }

    /// - Parameters:
    ///   - timeout: how long a write waits for the log before answering 50002.
    ///   - metrics: where registrations and lookups are counted.
    init(
        log: any RegistryLog, format: any RegistrySchemaFormat, timeout: Duration, metrics: RegistryMetrics = RegistryMetrics(),
        logger: Logger
    ) {
        self.log = log
        self.format = format
        self.timeout = timeout
        self.metrics = metrics
        self.logger = logger
    }

    func run() async throws {
        defer { fail(CancellationError()) }
        do {
            try await cancelWhenGracefulShutdown {
                try await self.log.prepare()
                await self.markPrepared()
                try await self.log.read(from: 0) { entry in await self.apply(entry) }
            }
        } catch is CancellationError {
            logger.info("Stopped reading the schemas topic")
        } catch {
            logger.error("Reading the schemas topic failed", error: error)
            fail(error)
            await log.close()
            throw error
        }
        await log.close()
    }

    private func markPrepared() {
        isPrepared = true
        resumeSatisfiedWaiters()
    }

    private func apply(_ entry: RegistryLogEntry) {
        guard entry.offset >= nextOffset else { return }
        let record = RegistryRecord(key: entry.key, value: entry.value)
        if case .ignored(let reason) = state.apply(record) {
            logger.info(
                "Skipped a record of the schemas topic",
                metadata: [RegistryLoggingKeys.offset: "\(entry.offset)", "reason": "\(reason)"]
            )
        }
        nextOffset = entry.offset + 1
        resumeSatisfiedWaiters()
    }

    /// Ends every wait: the reader stopped, so nothing will be applied any more.
    private func fail(_ error: any Error) {
        guard failure == nil else { return }
        let reason = error is CancellationError ? "the registry is shutting down" : "\(error)"
        failure = .storeError("reading the schemas topic stopped: \(reason)")
        for waiter in waiters.values { waiter.continuation.resume(throwing: failure ?? CancellationError()) }
        waiters.removeAll()
    }
}

// MARK: - Waiting for the reader

extension RegistryStore {
    /// Returns once the log is prepared and every record that existed when called has been applied: from
    /// then on the state answers for everything written before. The HTTP server starts after this.
    func waitUntilCaughtUp() async throws {
        try await wait(for: .prepared)
        let end: Int64
        do {
            end = try await log.endOffset()
        } catch {
            throw RegistryError.storeError("cannot read the end of the schemas topic: \(error)")
        }
        try await wait(for: .applied(end - 1))
    }

    /// Waits for `condition`, or throws `CancellationError` when the task is cancelled.
    func wait(for condition: Condition) async throws {
        if let failure { throw failure }
        if isSatisfied(condition) { return }
        let id = nextWaiterID
        nextWaiterID += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiters[id] = Waiter(condition: condition, continuation: continuation)
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    private func cancelWaiter(_ id: Int) {
        waiters.removeValue(forKey: id)?.continuation.resume(throwing: CancellationError())
    }

    private func isSatisfied(_ condition: Condition) -> Bool {
        switch condition {
        case .prepared: isPrepared
        case .applied(let offset): isPrepared && nextOffset > offset
        }
    }

    private func resumeSatisfiedWaiters() {
        for (id, waiter) in waiters where isSatisfied(waiter.condition) {
            waiters[id] = nil
            waiter.continuation.resume()
        }
    }
}

// MARK: - Writing

extension RegistryStore {
    /// Runs `body` with no other write of this instance in between. The queue is FIFO and every write is
    /// bounded by ``timeout``, so no writer waits forever.
    func exclusively<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        if isWriting {
            await withCheckedContinuation { writeQueue.append($0) }
        }
        isWriting = true
        defer {
            if writeQueue.isEmpty {
                isWriting = false
            } else {
                writeQueue.removeFirst().resume()
            }
        }
        return try await body()
    }

    /// Appends `record` and returns once the reader has applied it.
    func write(_ record: RegistryRecord) async throws {
        let (key, value) = try record.encoded()
        let offset: Int64
        do {
            offset = try await log.append(key: key, value: value)
        } catch {
            logger.warning("Writing to the schemas topic failed", error: error)
            throw RegistryError.storeError("cannot write to the schemas topic: \(error)")
        }
        try await withTimeout("the record at offset \(offset) to be read back") {
            try await self.wait(for: .applied(offset))
        }
    }

    /// Brings the state up to the log's current end before a write decides anything from it.
    func catchUp() async throws {
        try await withTimeout("the schemas topic to be read to its end") {
            try await self.waitUntilCaughtUp()
        }
    }

    private func withTimeout(_ what: String, _ body: @escaping @Sendable () async throws -> Void) async throws {
        let timeout = self.timeout
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await body()
                return true
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return false
            }
            let finished = try await group.next() ?? false
            group.cancelAll()
            guard finished else { throw RegistryError.storeTimeout("waited \(timeout) for \(what)") }
        }
    }
}
