extension KafkaProducer {
    typealias DeliveryContinuation = CheckedContinuation<KafkaDeliveryReport, any Error>

    /// The producer's shared state: which sends wait for which delivery report, and how far shutdown got.
    ///
    /// Every method runs under the router's lock and returns what the caller should do afterwards (resume a
    /// continuation, produce, fail), so that no continuation is resumed and no C call is made while the
    /// lock is held.
    struct StateMachine {
        enum Phase {
            /// Accepting messages.
            case running
            /// Shutdown started: new sends fail, pending ones still get their delivery reports.
            case draining
            /// Everything pending has been answered; the producer is done.
            case finished
        }

        private(set) var phase: Phase = .running
        private var pending: [KafkaProducerMessageID: DeliveryContinuation] = [:]
        private(set) var fatalError: KafkaError?
        /// Why the current handle should be replaced although it still works: one of its messages timed
        /// out. An idempotent librdkafka handle whose broker lost the producer's state (a broker restarted
        /// without its data) bumps its epoch locally forever and never delivers again; a fresh handle asks
        /// for a new producer ID and does.
        private(set) var staleReason: KafkaError?
        /// Which librdkafka handle is current; events of replaced handles must not mark the new one fatal.
        private(set) var clientGeneration = 0

        enum RegisterAction {
            case produce
            case fail(KafkaError)
        }

        /// Registers a send before its message is handed to librdkafka, so that the delivery report can
        /// never arrive before its continuation is known.
        mutating func register(_ id: KafkaProducerMessageID, _ continuation: DeliveryContinuation) -> RegisterAction {
            if let fatalError { return .fail(fatalError) }
            guard case .running = phase else {
                return .fail(.shutdown("the producer is shutting down and accepts no new messages"))
            }
            pending[id] = continuation
            return .produce
        }

        /// Checks that a fire-and-forget message may be produced.
        func admitUntracked() throws(KafkaError) {
            if let fatalError { throw fatalError }
            guard case .running = phase else {
                throw .shutdown("the producer is shutting down and accepts no new messages")
            }
        }

        /// librdkafka refused the message synchronously: no report will come for this ID.
        mutating func unregister(_ id: KafkaProducerMessageID) -> DeliveryContinuation? {
            pending.removeValue(forKey: id)
        }

        /// Takes the continuations waiting for these reports (`nil` for fire-and-forget messages).
        mutating func takeContinuations(for ids: [KafkaProducerMessageID]) -> [DeliveryContinuation?] {
            ids.map { pending.removeValue(forKey: $0) }
        }

        mutating func recordFatalError(_ error: KafkaError, generation: Int) {
            guard generation == clientGeneration, fatalError == nil else { return }
            fatalError = error
        }

        mutating func recordStaleHandle(_ reason: KafkaError, generation: Int) {
            guard generation == clientGeneration, staleReason == nil else { return }
            staleReason = reason
        }

        /// Whether the next send should get a fresh handle, and why.
        var replacementReason: KafkaError? { fatalError ?? staleReason }

        /// A new handle replaces the failed or stale one: returns its generation, or `nil` when there is
        /// nothing to replace (no reason, or shutting down).
        mutating func beginClientReplacement() -> Int? {
            guard replacementReason != nil, case .running = phase else { return nil }
            return clientGeneration + 1
        }

        mutating func completeClientReplacement(generation: Int) {
            clientGeneration = generation
            fatalError = nil
            staleReason = nil
        }

        /// Returns `true` the first time only, so that only one caller runs the shutdown sequence.
        mutating func beginShutdown() -> Bool {
            guard case .running = phase else { return false }
            phase = .draining
            return true
        }

        var hasPending: Bool { !pending.isEmpty }

        /// Ends the producer. Returns continuations that never got a report (only possible when librdkafka
        /// lost track of them), for the caller to fail.
        mutating func finish() -> [DeliveryContinuation] {
            phase = .finished
            defer { pending.removeAll() }
            return Array(pending.values)
        }
    }
}
