import Foundation

/// Swift types with a logical-type meaning: `Decimal`, `Date`, `UUID`, ``AvroDuration``, and `Data` /
/// `[UInt8]` for bytes and fixed. Checked by the node's type, so plain records pay nothing.
extension AvroEncodingContext {
    func encodeSpecial<T>(_ value: T, node: Int) throws -> Bool {
        let tag = graph.tags[node]
        guard graph.logicalTypes[node] != nil || tag == .bytes || tag == .fixed else { return false }
        let schemaNode = graph[node]
        if let logicalType = schemaNode.logicalType, try encodeLogical(value, logicalType, schemaNode) { return true }
        switch schemaNode.kind {
        case .bytes:
            guard let bytes = Self.bytes(of: value) else { return false }
            output.appendBytes(bytes)
            return true
        case .fixed(let fixed):
            guard let bytes = Self.bytes(of: value) else { return false }
            guard bytes.count == fixed.size else {
                throw AvroError.typeMismatch("fixed \(fixed.name) needs \(fixed.size) bytes, not \(bytes.count)")
            }
            output.append(contentsOf: bytes)
            return true
        default:
            return false
        }
    }

    private static func bytes<T>(of value: T) -> [UInt8]? {
        if let bytes = value as? [UInt8] { return bytes }
        if let data = value as? Data { return [UInt8](data) }
        return nil
    }

    private func encodeLogical<T>(_ value: T, _ logicalType: AvroLogicalType, _ node: SchemaNode) throws -> Bool {
        switch logicalType {
        case .decimal(let precision, let scale):
            guard let decimal = value as? Decimal else { return false }
            try writeDecimal(decimal, precision: precision, scale: scale, node: node)
        case .uuid:
            guard let uuid = value as? UUID else { return false }
            if case .fixed = node.kind {
                withUnsafeBytes(of: uuid.uuid) { output.append(contentsOf: $0) }
            } else {
                output.appendString(uuid.uuidString.lowercased())
            }
        case .date:
            guard let date = value as? Date else { return false }
            let days = (date.timeIntervalSince1970 / 86_400).rounded(.down)
            guard let value = Int32(exactly: days) else { throw AvroError.typeMismatch("date \(date) out of range") }
            output.appendInt(value)
        case .timestampMillis, .localTimestampMillis: return try writeTimestamp(value, unitsPerSecond: 1e3)
        case .timestampMicros, .localTimestampMicros: return try writeTimestamp(value, unitsPerSecond: 1e6)
        case .timestampNanos, .localTimestampNanos: return try writeTimestamp(value, unitsPerSecond: 1e9)
        case .duration:
            guard let duration = value as? AvroDuration else { return false }
            duration.append(to: &output)
        case .timeMillis, .timeMicros:
            return false
        }
        return true
    }

    private func writeDecimal(_ decimal: Decimal, precision: Int, scale: Int, node: SchemaNode) throws {
        let unscaled = try DecimalCoding.unscaled(decimal, scale: scale, precision: precision)
        if case .fixed(let fixed) = node.kind {
            try DecimalCoding.appendFixed(unscaled, size: fixed.size, to: &output)
        } else {
            output.appendLong(Int64(DecimalCoding.byteCount(unscaled)))
            DecimalCoding.appendTwosComplement(unscaled, to: &output)
        }
    }

    private func writeTimestamp<T>(_ value: T, unitsPerSecond: Double) throws -> Bool {
        guard let date = value as? Date else { return false }
        let units = (date.timeIntervalSince1970 * unitsPerSecond).rounded()
        guard let count = Int64(exactly: units) else { throw AvroError.typeMismatch("date \(date) out of range") }
        output.appendLong(count)
        return true
    }

    /// The branch for a Swift type with a logical-type meaning, if `type` is one.
    func specialBranch<T>(for type: T.Type, union: UnionNode) -> Int? {
        let wanted: (SchemaNode) -> Bool
        if type == Decimal.self {
            wanted = { if case .decimal? = $0.logicalType { true } else { false } }
        } else if type == Date.self {
            wanted = { node in
                switch node.logicalType {
                case .date?, .timestampMillis?, .timestampMicros?, .timestampNanos?, .localTimestampMillis?,
                    .localTimestampMicros?, .localTimestampNanos?:
                    true
                default: false
                }
            }
        } else if type == UUID.self {
            wanted = { $0.logicalType == .uuid }
        } else if type == AvroDuration.self {
            wanted = { $0.logicalType == .duration }
        } else if type == Data.self || type == [UInt8].self {
            wanted = { node in
                switch node.kind {
                case .bytes, .fixed: node.logicalType == nil
                default: false
                }
            }
        } else {
            return nil
        }
        return union.branches.firstIndex { wanted(graph[$0]) }
    }
}
