import Foundation
import Testing

@testable import Avro

/// Replays `FailCases/`: inputs that crash, hang or exhaust memory in a careless decoder (and any the
/// fuzzer ever finds). Each must fail with the recorded error code, through both decoders.
@Suite struct FailCasesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FailCases")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }
            .sorted()
    }

    @Test func corpusIsPresent() {
        #expect(Self.names.count >= 10)
    }

    @Test(arguments: FailCasesTests.names)
    func failsCleanly(name: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        guard case .object(let entry) = try AvroJSON(parsing: [UInt8](data)) else {
            throw InteropFailure("\(name) is not an object")
        }
        let schema = try AvroSchema(json: try entry.json("schema"))
        let input = bytes(hex: try entry.string("hex"))
        let code = try entry.string("code")
        let generic = try #require(throws: AvroError.self) { try AvroDatumReader(schema: schema).decode(input) }
        #expect(generic.code.description == code, "\(name): \(generic)")
        let typed = try #require(throws: AvroError.self) {
            try AvroDecoder(schema: schema).decode(AnyDatum.self, from: input)
        }
        #expect(typed.code.description == code, "\(name): \(typed)")
    }
}
