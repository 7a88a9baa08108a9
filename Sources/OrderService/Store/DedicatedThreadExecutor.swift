import Dispatch

/// Runs jobs on one serial queue of its own.
///
/// ``OrderStoreWriter`` is synchronous (SQLite's transactions are), so on PostgreSQL each of its calls
/// waits for a round trip. Running the transaction's body here keeps that waiting off the cooperative
/// pool, whose few threads (two on a 2-core machine) also serve HTTP.
final class DedicatedThreadExecutor: TaskExecutor {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
