/// A JSON object whose members keep the order they were written in.
public struct AvroJSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: AvroJSON

        public init(key: String, value: AvroJSON) {
            self.key = key
            self.value = value
        }
    }

    public private(set) var members: [Member]

    public init(_ members: [Member] = []) {
        self.members = members
    }

    public init(dictionaryLiteral elements: (String, AvroJSON)...) {
        self.members = elements.map { Member(key: $0.0, value: $0.1) }
    }

    public var isEmpty: Bool { members.isEmpty }
    public var count: Int { members.count }
    public var keys: [String] { members.map(\.key) }

    /// The value of the last member named `key` (JSON parsers commonly let a later duplicate win).
    /// Setting appends a new member or replaces the existing one in place.
    public subscript(key: String) -> AvroJSON? {
        get { members.last { $0.key == key }?.value }
        set {
            let index = members.lastIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): members[index].value = value
            case (_?, nil): members.removeAll { $0.key == key }
            case (nil, let value?): members.append(Member(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    public func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }

    mutating func append(_ key: String, _ value: AvroJSON) {
        members.append(Member(key: key, value: value))
    }
}
