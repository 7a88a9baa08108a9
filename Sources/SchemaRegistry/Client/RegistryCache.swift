import Synchronization

/// A bounded, thread-safe dictionary for values that never change once known (ids and schemas).
///
/// Past `capacity` an arbitrary entry is dropped: the caches hold a service's handful of schemas, so
/// the bound only protects against a peer that sends endless unknown ids.
final class RegistryCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let storage: Mutex<[Key: Value]> = Mutex([:])
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    subscript(key: Key) -> Value? {
        storage.withLock { $0[key] }
    }

    func insert(_ value: Value, for key: Key) {
        storage.withLock { entries in
            if entries[key] == nil, entries.count >= capacity, let victim = entries.keys.first {
                entries[victim] = nil
            }
            entries[key] = value
        }
    }

    func remove(where shouldRemove: (Key) -> Bool) {
        storage.withLock { entries in
            for key in entries.keys where shouldRemove(key) { entries[key] = nil }
        }
    }

    var count: Int { storage.withLock { $0.count } }
}

/// A schema as registered under one subject: the key of the id cache.
struct SubjectSchemaKey: Hashable, Sendable {
    var subject: Subject
    var schema: String
}
