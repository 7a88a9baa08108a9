import Foundation
import Testing
import TestSupport

import AvroFixtures
@testable import Avro

/// The `avro-tool` contract that tests outside this repository rely on: the commands, their output,
/// and for any bad input a non-zero exit with one line on stderr (not a hang: a run still going after
/// ``hangDeadline`` is killed and fails the test).
@Suite struct AvroToolTests {
    let tool = ProjectPaths.buildProducts.appendingPathComponent("avro-tool")
    let folder: URL
    let schemaFile: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("avro-tool-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        schemaFile = OrderEventFixture.schemaFile.path
    }

    static func write(_ text: String, to url: URL) throws -> String {
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func run(_ arguments: [String], stdin: Data? = nil) async throws -> CommandResult {
        guard FileManager.default.isExecutableFile(atPath: tool.path) else {
            throw InteropFailure("\(tool.path) is missing: build the avro-tool product")
        }
        return try await runCommand(tool, arguments, stdin: stdin, timeout: hangDeadline)
    }

    static let updateJSON =
        #"{"eventType":"UPDATE","orderId":"ORDER-001","timestamp":1769788800000,"payload":{"io.orderplatform.events.UpdateOrderPayload":{"status":"shipped"}}}"#

    @Test func encodeAndDecode() async throws {
        let encoded = try await run(["encode", "--schema-file", schemaFile], stdin: Data(Self.updateJSON.utf8))
        #expect(encoded.status == 0, "\(encoded.stderrText)")
        #expect(hex([UInt8](encoded.stdout)) == "02124f524445522d30303180f08ffa8167020e73686970706564")  // fastavro 1.13.1
        let input = try Self.write("", to: folder.appendingPathComponent("update.bin"))
        try encoded.stdout.write(to: URL(fileURLWithPath: input))
        let decoded = try await run(["decode", "--schema-file", schemaFile, "--input", input])
        #expect(decoded.status == 0)
        #expect(decoded.stdoutText == Self.updateJSON + "\n")
    }

    @Test func decodeResolvesToTheReaderSchema() async throws {
        let reader = try Self.write(
            #"{"type": "record", "name": "OrderEvent", "namespace": "io.orderplatform.events", "fields": [{"name": "orderId", "type": "string"}, {"name": "v", "type": "int", "default": 2}]}"#,
            to: folder.appendingPathComponent("reader.avsc")
        )
        let bytes = try AvroEncoder(schema: OrderEventFixture.schema).encode(OrderEventFixture.create)
        let decoded = try await run(
            ["decode", "--schema-file", schemaFile, "--reader-schema-file", reader],
            stdin: Data(bytes)
        )
        #expect(decoded.stdoutText == #"{"orderId":"ORDER-001","v":2}"# + "\n")
    }

    /// The fingerprints are fastavro 1.13.1's; the canonical form is the library's, which CanonicalFormTests
    /// check against the specification and fastavro.
    @Test func canonicalFormAndFingerprints() async throws {
        let schema = try OrderEventFixture.schema
        #expect(try await run(["canonical", "--schema-file", schemaFile]).stdoutText == schema.canonicalForm + "\n")
        #expect(try await run(["fingerprint", "--schema-file", schemaFile]).stdoutText == "17e6bcc15a1fe977\n")
        let md5 = try await run(["fingerprint", "--schema-file", schemaFile, "--algorithm", "md5"]).stdoutText
        #expect(md5 == "eff08f9eb37151185cd36414786d4c3c\n")
        let sha = try await run(["fingerprint", "--schema-file", schemaFile, "--algorithm", "sha256"]).stdoutText
        #expect(sha == "bfbea956416706367018dcbebc5d3932a8623f1bd3bcf73752965eeea8eba2b3\n")
    }

    @Test(arguments: ["null", "deflate", "snappy"])
    func containerFiles(codec: String) async throws {
        let lines = try Self.write(
            Self.updateJSON + "\n\n" + Self.updateJSON + "\n",
            to: folder.appendingPathComponent("lines-\(codec).json")
        )
        let file = try await run(["fromjson", "--schema-file", schemaFile, "--codec", codec, lines])
        #expect(file.status == 0, "\(file.stderrText)")
        let path = try Self.write("", to: folder.appendingPathComponent("events-\(codec).avro"))
        try file.stdout.write(to: URL(fileURLWithPath: path))
        #expect(try await run(["tojson", path]).stdoutText == Self.updateJSON + "\n" + Self.updateJSON + "\n")
        let written = try await run(["getschema", path]).stdoutText
        #expect(try AvroSchema(parsing: written) == OrderEventFixture.schema)
    }

    @Test(arguments: [
        ["encode", "--schema-file", "/nonexistent/schema.avsc"],
        ["encode", "--schema-file", "SCHEMA", "--input", "/nonexistent/datum.json"],
        ["encode", "--schema-file", "BADSCHEMA"],
        ["encode", "--schema-file", "SCHEMA"],
        ["decode", "--schema-file", "SCHEMA"],
        ["canonical", "--schema-file", "BADSCHEMA"],
        ["fingerprint", "--schema-file", "SCHEMA", "--algorithm", "crc32"],
        ["fromjson", "--schema-file", "SCHEMA", "--codec", "zstd", "-"],
        ["fromjson", "--schema-file", "SCHEMA", "-"],
        ["tojson", "-"],
        ["getschema", "-"],
        ["frobnicate"],
        ["encode"],
        ["compatibility", "--level", "SIDEWAYS", "--schema-file", "SCHEMA", "SCHEMA"],
        ["compatibility", "--schema-file", "SCHEMA", "BADSCHEMA"],
    ])
    func badInputFailsWithOneLine(arguments: [String]) async throws {
        let badSchema = try Self.write(
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "Nope"}]}"#,
            to: folder.appendingPathComponent("bad.avsc")
        )
        let resolved = arguments.map { $0 == "SCHEMA" ? schemaFile : $0 == "BADSCHEMA" ? badSchema : $0 }
        let result = try await run(resolved, stdin: Data("{\"eventType\": \"NOPE\"}\n garbage".utf8))
        #expect(result.status != 0)
        let lines = result.stderrText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "stderr: \(result.stderrText)")
        #expect(result.stderrText.hasPrefix("avro-tool: "))
    }

    /// What `make schema-check` relies on: 0 for a compatible version, one line naming the field and
    /// a non-zero exit for an incompatible one.
    @Test func compatibilityAcceptsADefaultedFieldAndRefusesOneWithout() async throws {
        let v1 = try Self.write(
            #"{"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}"#, to: folder.appendingPathComponent("v1.avsc"))
        let withDefault = try Self.write(
            #"{"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"b","type":["null","string"],"default":null}]}"#,
            to: folder.appendingPathComponent("v2.avsc"))
        let withoutDefault = try Self.write(
            #"{"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"b","type":"string"}]}"#,
            to: folder.appendingPathComponent("v2-bad.avsc"))
        let accepted = try await run(["compatibility", "--level", "FULL_TRANSITIVE", "--schema-file", withDefault, v1])
        #expect(accepted.status == 0, "\(accepted.stderrText)")
        let refused = try await run(["compatibility", "--level", "BACKWARD", "--schema-file", withoutDefault, v1])
        #expect(refused.status != 0)
        #expect(refused.stderrText.contains("R.b"), "\(refused.stderrText)")
        // FORWARD only: old readers ignore the new field, so the same change passes.
        let forward = try await run(["compatibility", "--level", "FORWARD", "--schema-file", withoutDefault, v1])
        #expect(forward.status == 0, "\(forward.stderrText)")
    }
}
