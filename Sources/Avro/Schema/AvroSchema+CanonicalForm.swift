extension AvroSchema {
    /// The Parsing Canonical Form: the schema stripped of everything that does not affect how data is
    /// read (docs, aliases, defaults, logical types, custom attributes), with full names, attributes in
    /// the specification's order and no whitespace. Two schemas with the same canonical form read and
    /// write the same bytes; fingerprints are computed from it.
    public var canonicalForm: String {
        var writer = CanonicalFormWriter()
        var output: [UInt8] = []
        output.reserveCapacity(256)
        writer.write(self, into: &output)
        return String(decoding: output, as: UTF8.self)
    }
}

/// Writes the canonical form directly as bytes: [PRIMITIVES], [FULLNAMES], [STRIP], [ORDER],
/// [STRINGS] (UTF-8, not escapes), [INTEGERS] and [WHITESPACE] of the specification.
private struct CanonicalFormWriter {
    private var defined: Set<String> = []

    mutating func write(_ schema: AvroSchema, into output: inout [UInt8]) {
        switch schema.type {
        case .null, .boolean, .int, .long, .float, .double, .bytes, .string:
            JSONWriting.appendString(schema.type.primitiveName, to: &output)
        case .array(let items):
            output.append(contentsOf: #"{"type":"array","items":"#.utf8)
            write(items, into: &output)
            output.append(UInt8(ascii: "}"))
        case .map(let values):
            output.append(contentsOf: #"{"type":"map","values":"#.utf8)
            write(values, into: &output)
            output.append(UInt8(ascii: "}"))
        case .union(let branches):
            output.append(UInt8(ascii: "["))
            for (index, branch) in branches.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(branch, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .reference(let name):
            JSONWriting.appendString(name.fullName, to: &output)
        case .record(let record):
            guard opening("record", record.name, into: &output) else { return }
            output.append(contentsOf: #","fields":["#.utf8)
            for (index, field) in record.fields.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                output.append(contentsOf: #"{"name":"#.utf8)
                JSONWriting.appendString(field.name, to: &output)
                output.append(contentsOf: #","type":"#.utf8)
                write(field.schema, into: &output)
                output.append(UInt8(ascii: "}"))
            }
            output.append(contentsOf: "]}".utf8)
        case .enumeration(let enumeration):
            guard opening("enum", enumeration.name, into: &output) else { return }
            output.append(contentsOf: #","symbols":["#.utf8)
            for (index, symbol) in enumeration.symbols.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONWriting.appendString(symbol, to: &output)
            }
            output.append(contentsOf: "]}".utf8)
        case .fixed(let fixed):
            guard opening("fixed", fixed.name, into: &output) else { return }
            output.append(contentsOf: #","size":"#.utf8)
            output.append(contentsOf: String(fixed.size).utf8)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Writes `{"name":…,"type":…` for a first definition and returns true, or the bare full name for a
    /// repeated one and returns false.
    private mutating func opening(_ type: String, _ name: AvroName, into output: inout [UInt8]) -> Bool {
        guard defined.insert(name.fullName).inserted else {
            JSONWriting.appendString(name.fullName, to: &output)
            return false
        }
        output.append(contentsOf: #"{"name":"#.utf8)
        JSONWriting.appendString(name.fullName, to: &output)
        output.append(contentsOf: #","type":"#.utf8)
        JSONWriting.appendString(type, to: &output)
        return true
    }
}
