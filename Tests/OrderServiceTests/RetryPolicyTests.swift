import OrderService
import Testing

/// Error categorisation (seed 6.3): which failure goes where.
@Suite struct RetryPolicyTests {
    let policy = RetryPolicy()

    @Test(arguments: [
        RecordFailure.wrongMagicByte(0x7B),
        .truncatedFrame(byteCount: 3),
        .unknownSchemaID(999),
        .undecodable("bad varint"),
        .rejected("Duplicate CREATE request"),
    ])
    func badRecordsAreDeadLetteredAtOnce(failure: RecordFailure) {
        #expect(policy.handling(of: failure, retriesSoFar: 0) == .deadLetter(.noRetry, retryCount: 0))
    }

    @Test func processingFailuresAreRetriedTwoFiveTenThenDeadLettered() {
        let failure = RecordFailure.processing("boom")
        #expect(policy.handling(of: failure, retriesSoFar: 0) == .retry(after: .seconds(2), category: .retryThenDeadLetter))
        #expect(policy.handling(of: failure, retriesSoFar: 1) == .retry(after: .seconds(5), category: .retryThenDeadLetter))
        #expect(policy.handling(of: failure, retriesSoFar: 2) == .retry(after: .seconds(10), category: .retryThenDeadLetter))
        #expect(policy.handling(of: failure, retriesSoFar: 3) == .deadLetter(.retryThenDeadLetter, retryCount: 3))
    }

    @Test func withoutRetryDelaysAProcessingFailureIsDeadLetteredAtOnce() {
        let policy = RetryPolicy(retryDelays: [])
        #expect(policy.handling(of: .processing("boom"), retriesSoFar: 0) == .deadLetter(.retryThenDeadLetter, retryCount: 0))
    }

    @Test func infrastructureFailuresAreRetriedForeverWithCappedBackoff() {
        let failure = RecordFailure.infrastructure("disk full")
        let delays = (0..<8).map { retries -> Duration? in
            guard case .retry(let delay, let category) = policy.handling(of: failure, retriesSoFar: retries),
                category == .retryForever
            else { return nil }
            return delay
        }
        #expect(delays == [1, 2, 4, 8, 16, 30, 30, 30].map { .seconds($0) })
        #expect(policy.handling(of: failure, retriesSoFar: 10_000) == .retry(after: .seconds(30), category: .retryForever))
    }

    @Test func categoriesHaveTheSeedsNames() {
        #expect(DeadLetterCategory.allCases.map(\.rawValue) == ["NO_RETRY_DLQ", "RETRY_THEN_DLQ", "RETRY_FOREVER"])
    }
}
