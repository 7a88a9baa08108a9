final class UnionNode: Sendable {
    let branches: [Int]
    let branchNames: [String]
    /// Names without namespace (`CreateOrderPayload`), for ``AvroUnionBranch``.
    let branchSimpleNames: [String]
    let nullBranch: Int?
    /// Branch by JSON-encoding name: full names, and simple names when they are unambiguous.
    let branchByName: [String: Int]

    init(branches: [Int], names: [String], nullBranch: Int?, simpleNames: [String?]) {
        self.branches = branches
        self.branchNames = names
        self.branchSimpleNames = names.indices.map { simpleNames[$0] ?? names[$0] }
        self.nullBranch = nullBranch
        var byName: [String: Int] = [:]
        var simpleCounts: [String: Int] = [:]
        for simple in simpleNames.compactMap({ $0 }) { simpleCounts[simple, default: 0] += 1 }
        for (index, name) in names.enumerated() {
            byName[name] = index
            if let simple = simpleNames[index], simpleCounts[simple] == 1, byName[simple] == nil {
                byName[simple] = index
            }
        }
        self.branchByName = byName
    }
}
