/// One record read back from the log, with its position.
struct RegistryLogEntry: Sendable {
    var offset: Int64
    var key: [UInt8]
    var value: [UInt8]?
}

/// The durable, ordered log the registry keeps its state in: the `_schemas` topic in production, an
/// array in tests.
///
/// The registry never reads its own writes from memory: it appends, then waits until its reader has
/// applied the record at the returned offset. That is Confluent's design, and it is what lets several
/// instances share one topic, since they all apply the same records in the same order.
protocol RegistryLog: Sendable {
    /// Makes the log usable (creates the topic if missing), retrying until the backend is up.
    func prepare() async throws

    /// Appends one record and returns its offset once it is durable (acks=all for Kafka).
    func append(key: [UInt8], value: [UInt8]?) async throws -> Int64

    /// The offset the next appended record will get: reading up to here means having seen everything
    /// appended before this call.
    func endOffset() async throws -> Int64

    /// Hands every record from `offset` on to `apply`, in order, then new ones as they arrive; returns
    /// when the task is cancelled.
    func read(from offset: Int64, into apply: @Sendable (RegistryLogEntry) async -> Void) async throws

    /// Releases the backend (flushes and closes Kafka clients). Called once reading has stopped.
    func close() async
}
