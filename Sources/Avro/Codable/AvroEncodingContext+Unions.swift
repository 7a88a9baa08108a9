/// Choosing a union branch for a Swift value.
///
/// In order: `Optional` decides itself (nil → null); `Decimal`, `Date`, `UUID`, `Data`, `[UInt8]` and
/// ``AvroDuration`` go to the branch with the matching logical or physical type; any other type goes to
/// the named branch whose simple name is the Swift type's name, or to the only non-null branch. When none
/// of that decides, the value's own `encode(to:)` runs against the union and the first container or
/// primitive it writes picks the branch.
extension AvroEncodingContext {
    enum ContainerShape {
        case keyed, unkeyed
    }

    func unionBranch<T>(for type: T.Type, union: UnionNode, node: Int) throws -> Int? {
        let identifier = ObjectIdentifier(type)
        for choice in recentUnionChoices where choice.node == node && choice.type == identifier {
            return choice.branch >= 0 ? choice.branch : nil
        }
        let branch = chooseBranch(for: type, union: union, node: node)
        recentUnionChoices.append((node, identifier, branch ?? -1))
        return branch
    }

    private func chooseBranch<T>(for type: T.Type, union: UnionNode, node: Int) -> Int? {
        if let cached = unionCache.branch(union: node, type: type) { return cached >= 0 ? cached : nil }
        let branch: Int?
        if type is any AvroOptionalMarker.Type {
            branch = nil
        } else {
            branch =
                specialBranch(for: type, union: union) ?? namedBranch(for: type, union: union)
                ?? onlyNonNullBranch(union)
        }
        unionCache.remember(branch ?? -1, union: node, type: type)
        return branch
    }

    private func namedBranch<T>(for type: T.Type, union: UnionNode) -> Int? {
        let typeName = String(describing: type)
        return union.branches.firstIndex { branch in
            switch graph[branch].kind {
            case .record(let record): record.name.name == typeName || record.name.fullName == typeName
            case .enumeration(let enumeration):
                enumeration.name.name == typeName || enumeration.name.fullName == typeName
            case .fixed(let fixed): fixed.name.name == typeName || fixed.name.fullName == typeName
            default: false
            }
        }
    }

    private func onlyNonNullBranch(_ union: UnionNode) -> Int? {
        let candidates = union.branches.indices.filter { index in
            if case .null = graph[union.branches[index]].kind { return false }
            return true
        }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// For a container opened at a union: the only branch of that shape (record or map for keyed,
    /// array for unkeyed). Writes the branch index.
    func resolveUnion(_ node: Int, shape: ContainerShape) throws -> Int {
        guard case .union(let union) = graph[node].kind else { return node }
        let candidates = union.branches.indices.filter { index in
            switch (graph[union.branches[index]].kind, shape) {
            case (.record, .keyed), (.map, .keyed), (.array, .unkeyed): true
            default: false
            }
        }
        guard candidates.count == 1 else {
            let what = shape == .keyed ? "a record or map" : "an array"
            let reason =
                candidates.isEmpty
                ? "union [\(union.branchNames.joined(separator: ", "))] has no branch for \(what)"
                : "cannot choose among branches [\(candidates.map { union.branchNames[$0] }.joined(separator: ", "))]; "
                    + "name the Swift type after the branch"
            throw AvroError.typeMismatch(reason)
        }
        output.appendLong(Int64(candidates[0]))
        return union.branches[candidates[0]]
    }
}
