/// The field values of a record, in field order, with their names.
public struct AvroRecord: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// Field names; shared with the schema when decoded, so decoding does not copy them.
    public private(set) var names: [String]
    public private(set) var values: [AvroValue]

    public init(names: [String], values: [AvroValue]) {
        let count = min(names.count, values.count)
        self.names = Array(names.prefix(count))
        self.values = Array(values.prefix(count))
    }

    /// Trusted: the decoders pass arrays of equal length.
    init(uncheckedNames names: [String], values: [AvroValue]) {
        self.names = names
        self.values = values
    }

    public init(dictionaryLiteral elements: (String, AvroValue)...) {
        self.names = elements.map(\.0)
        self.values = elements.map(\.1)
    }

    public var count: Int { names.count }

    /// The value of the field called `name`. Setting a new name appends a field.
    public subscript(name: String) -> AvroValue? {
        get { index(of: name).map { values[$0] } }
        set {
            switch (index(of: name), newValue) {
            case (let index?, let value?): values[index] = value
            case (let index?, nil):
                names.remove(at: index)
                values.remove(at: index)
            case (nil, let value?):
                names.append(name)
                values.append(value)
            case (nil, nil): break
            }
        }
    }

    func index(of name: String) -> Int? {
        names.firstIndex(of: name)
    }
}
