import Foundation
import Synchronization

/// Which union branch a Swift type goes to, remembered per encoder: finding it by name costs a
/// reflection call, which should happen once per type, not once per value.
final class UnionBranchCache: Sendable {
    private struct Key: Hashable {
        let union: Int
        let type: ObjectIdentifier
    }

    private let storage = Mutex<[Key: Int]>([:])

    func branch(union: Int, type: Any.Type) -> Int? {
        storage.withLock { $0[Key(union: union, type: ObjectIdentifier(type))] }
    }

    func remember(_ branch: Int, union: Int, type: Any.Type) {
        storage.withLock { $0[Key(union: union, type: ObjectIdentifier(type))] = branch }
    }
}
