import Foundation
import SchemaRegistry

/// Bytes of the `_schemas` topic to and from ``RegistryRecord``.
extension RegistryRecord {
    /// The key and value bytes to produce; a `nil` value is a tombstone.
    func encoded() throws -> (key: [UInt8], value: [UInt8]?) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json(_ value: some Encodable) throws -> [UInt8] { Array(try encoder.encode(value)) }
        switch self {
        case .schema(let value):
            let key = RegistryRecordKey(keytype: "SCHEMA", subject: value.subject, version: value.version, magic: 1)
            return (try json(key), try json(value))
        case .schemaTombstone(let subject, let version):
            return (try json(RegistryRecordKey(keytype: "SCHEMA", subject: subject, version: version, magic: 1)), nil)
        case .config(let subject, let level):
            let key = RegistryRecordKey(keytype: "CONFIG", subject: subject, version: nil, magic: 0)
            return (try json(key), try json(ConfigRecordValue(compatibilityLevel: level.rawValue)))
        case .configTombstone(let subject):
            return (try json(RegistryRecordKey(keytype: "CONFIG", subject: subject, version: nil, magic: 0)), nil)
        case .deleteSubject(let subject, let version):
            let key = RegistryRecordKey(keytype: "DELETE_SUBJECT", subject: subject, version: nil, magic: 0)
            return (try json(key), try json(DeleteSubjectRecordValue(subject: subject, version: version)))
        case .idWatermark(let id):
            let key = RegistryRecordKey(keytype: "NOOP", subject: nil, version: nil, magic: 0)
            return (try json(key), try json(WatermarkRecordValue(maxId: id)))
        case .ignored:
            return (try json(RegistryRecordKey(keytype: "NOOP", subject: nil, version: nil, magic: 0)), nil)
        }
    }

    /// Reads one record. Never throws: a record that cannot be read becomes `.ignored`, because one bad
    /// record in the topic must not stop the registry from starting (it is logged by the caller).
    init(key: [UInt8], value: [UInt8]?) {
        let decoder = JSONDecoder()
        guard let recordKey = try? decoder.decode(RegistryRecordKey.self, from: Data(key)) else {
            self = .ignored(reason: "unreadable key \(String(decoding: key.prefix(200), as: UTF8.self))")
            return
        }
        self = Self.decode(recordKey, value: value, decoder: decoder)
    }

    private static func decode(_ key: RegistryRecordKey, value: [UInt8]?, decoder: JSONDecoder) -> RegistryRecord {
        func read<T: Decodable>(_ type: T.Type) -> T? {
            value.flatMap { try? decoder.decode(type, from: Data($0)) }
        }
        switch key.keytype {
        case "SCHEMA":
            guard let subject = key.subject, let version = key.version else { return .ignored(reason: "SCHEMA key") }
            guard value != nil else { return .schemaTombstone(subject: subject, version: version) }
            return read(SchemaRecordValue.self).map(RegistryRecord.schema) ?? .ignored(reason: "SCHEMA value")
        case "CONFIG":
            guard value != nil else { return .configTombstone(subject: key.subject) }
            guard let text = read(ConfigRecordValue.self)?.compatibilityLevel,
                let level = CompatibilityLevel(caseInsensitive: text)
            else { return .ignored(reason: "CONFIG value") }
            return .config(subject: key.subject, level: level)
        case "DELETE_SUBJECT":
            guard let deletion = read(DeleteSubjectRecordValue.self) else { return .ignored(reason: "DELETE_SUBJECT") }
            return .deleteSubject(subject: deletion.subject, upTo: deletion.version)
        case "NOOP":
            return read(WatermarkRecordValue.self).map { .idWatermark($0.maxId) } ?? .ignored(reason: "NOOP")
        default:
            return .ignored(reason: "keytype \(key.keytype)")
        }
    }
}
