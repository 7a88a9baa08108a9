import ServiceLifecycle
import Synchronization

/// A ``RegistryLog`` held in memory: for tests and for `--storage memory`. Its content is lost with the
/// process, which is the point of using it for throwaway runs and the opposite of what production wants.
final class InMemoryRegistryLog: RegistryLog {
    private struct State {
        var entries: [RegistryLogEntry] = []
        var readers: [Int: AsyncStream<RegistryLogEntry>.Continuation] = [:]
        var nextReaderID = 0
    }

    private let state = Mutex(State())

    init() {}

    func prepare() async throws {}

    func append(key: [UInt8], value: [UInt8]?) async throws -> Int64 {
        state.withLock { state in
            let entry = RegistryLogEntry(offset: Int64(state.entries.count), key: key, value: value)
            state.entries.append(entry)
            for reader in state.readers.values { reader.yield(entry) }
            return entry.offset
        }
    }

    func endOffset() async throws -> Int64 {
        state.withLock { Int64($0.entries.count) }
    }

    func read(from offset: Int64, into apply: @Sendable (RegistryLogEntry) async -> Void) async throws {
        let (stream, continuation) = AsyncStream.makeStream(of: RegistryLogEntry.self)
        let id = state.withLock { state in
            for entry in state.entries.dropFirst(Int(offset)) { continuation.yield(entry) }
            let id = state.nextReaderID
            state.nextReaderID += 1
            state.readers[id] = continuation
            return id
        }
        defer { _ = state.withLock { $0.readers.removeValue(forKey: id) } }
        for await entry in stream.cancelOnGracefulShutdown() {
            await apply(entry)
        }
    }

    func close() async {}
}
