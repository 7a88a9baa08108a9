final class RecordNode: Sendable {
    let name: AvroName
    let aliases: [AvroName]
    let fieldNames: [String]
    let fieldNodes: [Int]
    let fieldAliases: [[String]]
    let fieldIndex: [String: Int]
    /// Each field's default as a value of the field's type, when it has one.
    let defaults: [AvroValue?]
    /// The same defaults in binary form, which the typed decoder reads like data.
    let defaultBytes: [[UInt8]?]

    init(
        name: AvroName,
        aliases: [AvroName],
        fieldNames: [String],
        fieldNodes: [Int],
        fieldAliases: [[String]],
        defaults: [AvroValue?],
        defaultBytes: [[UInt8]?]
    ) {
        self.name = name
        self.aliases = aliases
        self.fieldNames = fieldNames
        self.fieldNodes = fieldNodes
        self.fieldAliases = fieldAliases
        var index: [String: Int] = [:]
        for (position, field) in fieldNames.enumerated() { index[field] = position }
        self.fieldIndex = index
        self.defaults = defaults
        self.defaultBytes = defaultBytes
    }
}
