/// What to do with a record that failed.
public enum FailureHandling: Sendable, Hashable {
    /// Dead-letter it now, with this category and retry count.
    case deadLetter(DeadLetterCategory, retryCount: Int)
    /// Hold its partition and try the record again after `delay`.
    case retry(after: Duration, category: DeadLetterCategory)
}

/// The error categorisation of seed 6.3: which failures are dead-lettered at once, which are retried
/// a few times first, and which are retried forever because skipping the record would lose it.
public struct RetryPolicy: Sendable, Hashable {
    /// The waits before each retry of a processing failure; once used up, the record is
    /// dead-lettered as `RETRY_THEN_DLQ`. Default: 2 s, 5 s, 10 s (the seed's).
    public var retryDelays: [Duration]
    /// The first wait after an infrastructure failure; it doubles on every further failure.
    /// Default: 1 s.
    public var infrastructureInitialDelay: Duration
    /// The longest wait between attempts after an infrastructure failure. Default: 30 s.
    public var infrastructureMaximumDelay: Duration

    public init(
        retryDelays: [Duration] = [.seconds(2), .seconds(5), .seconds(10)],
        infrastructureInitialDelay: Duration = .seconds(1),
        infrastructureMaximumDelay: Duration = .seconds(30)
    ) {
        self.retryDelays = retryDelays
        self.infrastructureInitialDelay = infrastructureInitialDelay
        self.infrastructureMaximumDelay = infrastructureMaximumDelay
    }

    /// - Parameter retriesSoFar: how many times the record was already retried (0 on its first attempt).
    public func handling(of failure: RecordFailure, retriesSoFar: Int) -> FailureHandling {
        switch failure {
        case .wrongMagicByte, .truncatedFrame, .unknownSchemaID, .undecodable, .rejected:
            return .deadLetter(.noRetry, retryCount: 0)
        case .processing:
            guard retriesSoFar < retryDelays.count else {
                return .deadLetter(.retryThenDeadLetter, retryCount: retriesSoFar)
            }
            return .retry(after: retryDelays[max(0, retriesSoFar)], category: .retryThenDeadLetter)
        case .infrastructure:
            return .retry(after: infrastructureDelay(afterFailures: retriesSoFar + 1), category: .retryForever)
        }
    }

    /// initial × 2^(failures − 1), capped.
    func infrastructureDelay(afterFailures failures: Int) -> Duration {
        var delay = infrastructureInitialDelay
        for _ in 1..<max(1, failures) {
            delay *= 2
            if delay >= infrastructureMaximumDelay { return infrastructureMaximumDelay }
        }
        return min(delay, infrastructureMaximumDelay)
    }
}
