/// How a failed record is handled (seed 6.3); the category travels with every dead letter.
///
/// Only the first two ever reach the dead-letter topic: an infrastructure failure is retried until
/// it goes away, because skipping the record would lose an event that is perfectly valid.
public enum DeadLetterCategory: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The record can never be applied (undecodable, duplicate CREATE, unknown order, forbidden
    /// transition): retrying would give the same answer, so it is dead-lettered at once.
    case noRetry = "NO_RETRY_DLQ"
    /// Applying the record failed for a reason that might pass: retried with backoff, then
    /// dead-lettered.
    case retryThenDeadLetter = "RETRY_THEN_DLQ"
    /// The store or the dead-letter topic is out of reach: retried with capped backoff for as long
    /// as it takes, holding the partition.
    case retryForever = "RETRY_FOREVER"

    public var description: String { rawValue }
}
