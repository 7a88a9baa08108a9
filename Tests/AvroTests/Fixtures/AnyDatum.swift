import Foundation
import Testing
@testable import Avro

/// Decodes any datum and throws it away: lets the typed decoder walk any schema in safety tests. A
/// shape is tried only until the decoder says it does not fit (a type mismatch, which reads nothing);
/// any other error is the answer.
struct AnyDatum: Decodable {
    init(from decoder: any Decoder) throws {
        if let keyed = try Self.attempt({ try decoder.container(keyedBy: AnyKey.self) }) {
            for key in keyed.allKeys { _ = try keyed.decode(AnyDatum.self, forKey: key) }
            return
        }
        if var unkeyed = try Self.attempt({ try decoder.unkeyedContainer() }) {
            while !unkeyed.isAtEnd { _ = try unkeyed.decode(AnyDatum.self) }
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { return }
        if try Self.attempt({ try single.decode(Bool.self) }) != nil { return }
        if try Self.attempt({ try single.decode(Int64.self) }) != nil { return }
        if try Self.attempt({ try single.decode(Double.self) }) != nil { return }
        if try Self.attempt({ try single.decode(String.self) }) != nil { return }
        _ = try single.decode([UInt8].self)
    }

    private static func attempt<T>(_ body: () throws -> T) throws -> T? {
        do {
            return try body()
        } catch let error as AvroError where error.code == .typeMismatch {
            return nil
        }
    }
}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
