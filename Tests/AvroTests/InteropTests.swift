import Foundation
import Testing

@testable import Avro

/// Interoperability in both directions with fastavro 1.13.1 and the Apache `avro` package 1.12 (the
/// reference implementation's Python port), on the cases `scripts/avro/interop_cases.py` generates.
@Suite struct InteropTests {
    @Test func encodingsMatchBothLibrariesByteForByte() async throws {
        let cases = try await InteropCases.section("encodings")
        #expect(cases.count > 100)
        for testCase in cases {
            let name = try testCase.string("name")
            let schema = try AvroSchema(json: try testCase.json("schema"))
            let value = try AvroJSONEncoding(schema: schema).value(from: try testCase.json("datum"))
            let encoded = try AvroDatumWriter(schema: schema).encode(value)
            let expected = bytes(hex: try testCase.string("fastavro"))
            #expect(encoded == expected, "\(name): Swift \(hex(encoded)) fastavro \(hex(expected))")
            if case .string(let apache)? = testCase["apache"] {
                #expect(encoded == bytes(hex: apache), "\(name): Swift differs from the Apache library")
            }
            let decoded = try AvroDatumReader(schema: schema).decode(expected)
            #expect(decoded == value, "\(name): decoding fastavro's bytes gives another value")
        }
    }

    @Test func canonicalFormsAndFingerprintsMatch() async throws {
        for testCase in try await InteropCases.section("encodings") {
            let name = try testCase.string("name")
            let schema = try AvroSchema(json: try testCase.json("schema"))
            let canonical = try testCase.string("canonical"), apacheCanonical = testCase["apacheCanonical"]?.stringValue
            let rabin = try testCase.string("rabin"), md5 = try testCase.string("md5"),
                sha256 = try testCase.string("sha256")
            #expect(schema.canonicalForm == canonical, "\(name)")
            if let apacheCanonical { #expect(schema.canonicalForm == apacheCanonical, "\(name): Apache") }
            #expect(String(format: "%016llx", schema.rabinFingerprint) == rabin, "\(name)")
            #expect(hex(schema.fingerprint(.md5)) == md5, "\(name)")
            #expect(hex(schema.fingerprint(.sha256)) == sha256, "\(name)")
            let reparsed = try AvroSchema(parsing: schema.jsonText)
            #expect(reparsed == schema, "\(name): writing and parsing the schema again changes it")
        }
    }

    @Test func swiftEncodingsAndContainersAreReadByBothLibraries() async throws {
        var encodings: [AvroJSON] = []
        for testCase in try await InteropCases.section("encodings") {
            let schema = try AvroSchema(json: try testCase.json("schema"))
            let value = try AvroJSONEncoding(schema: schema).value(from: try testCase.json("datum"))
            var entry = testCase
            entry["hex"] = .string(hex(try AvroDatumWriter(schema: schema).encode(value)))
            encodings.append(.object(entry))
        }
        var containers: [AvroJSON] = []
        for file in try await InteropCases.section("containers") {
            let schema = try AvroSchema(json: try file.json("schema"))
            let encoding = try AvroJSONEncoding(schema: schema)
            for codec in [AvroContainerCodec.null, .deflate] {
                var writer = try AvroContainerWriter(schema: schema, codec: codec)
                writer.datumsPerBlock = 7
                for datum in try file.json("datums").arrayValue ?? [] {
                    try writer.append(try encoding.value(from: datum))
                }
                containers.append(
                    .object([
                        "name": .string("swift-\(codec)"), "codec": .string(codec.rawValue),
                        "schema": try file.json("schema"),
                        "datums": try file.json("datums"), "hex": .string(hex(try writer.finish())),
                    ])
                )
            }
        }
        let report = try await InteropCases.verify(
            .object(["encodings": .array(encodings), "containers": .array(containers)])
        )
        #expect(report.checked == encodings.count + containers.count)
        #expect(report.failures.isEmpty, "\(report.failures.map(\.jsonText).joined(separator: "\n"))")
    }

    @Test func logicalTypesMatchFastavro() async throws {
        for testCase in try await InteropCases.section("logical") {
            let kind = try testCase.string("kind")
            let text = try testCase.string("value")
            let schema = try AvroSchema(json: try testCase.json("schema"))
            let data = bytes(hex: try testCase.string("hex"))
            let encoder = try AvroEncoder(schema: schema)
            let decoder = try AvroDecoder(schema: schema)
            switch kind {
            case "decimal":
                let value = try #require(Decimal(string: text))
                #expect(try decoder.decode(Decimal.self, from: data) == value, "\(text)")
                #expect(try encoder.encode(value) == data, "\(text)")
            case "uuid":
                let value = try #require(UUID(uuidString: text))
                #expect(try decoder.decode(UUID.self, from: data) == value)
                #expect(try encoder.encode(value) == data)
            default:
                let units = try #require(Int64(text))
                let perSecond: Double = kind == "date" ? 1.0 / 86_400 : kind == "timestamp-micros" ? 1e6 : 1e3
                let date = try decoder.decode(Date.self, from: data)
                #expect(Int64((date.timeIntervalSince1970 * perSecond).rounded()) == units, "\(kind) \(text)")
                #expect(
                    try encoder.encode(Date(timeIntervalSince1970: Double(units) / perSecond)) == data,
                    "\(kind) \(text)"
                )
            }
        }
    }

    @Test func resolutionMatchesFastavro() async throws {
        for testCase in try await InteropCases.section("resolution") {
            let name = try testCase.string("name")
            let writer = try AvroSchema(json: try testCase.json("writer"))
            let reader = try AvroSchema(json: try testCase.json("reader"))
            let expected = try AvroJSONEncoding(schema: reader).value(from: try testCase.json("expected"))
            let resolved = try AvroDatumReader(writerSchema: writer, readerSchema: reader).decode(
                bytes(hex: try testCase.string("hex"))
            )
            let text = (try? AvroJSONEncoding(schema: reader).text(for: resolved)) ?? "?"
            #expect(resolved == expected, "\(name): \(text)")
            let problems = try AvroSchemaCompatibility.check(reader: reader, writer: writer)
            let compatible = try testCase.json("compatible") == .bool(true)
            #expect(problems.isEmpty == compatible, "\(name): \(problems)")
        }
    }

    @Test func compatibilityMatchesTheApacheChecker() async throws {
        for testCase in try await InteropCases.section("compatibility") {
            let name = try testCase.string("name")
            let problems = try AvroSchemaCompatibility.check(
                reader: try AvroSchema(json: try testCase.json("reader")),
                writer: try AvroSchema(json: try testCase.json("writer"))
            )
            let compatible = try testCase.json("compatible") == .bool(true)
            #expect(problems.isEmpty == compatible, "\(name): \(problems)")
            let kinds = Set((try testCase.json("kinds").arrayValue ?? []).compactMap(\.stringValue))
            #expect(Set(problems.map(\.kind.rawValue)) == kinds, "\(name): \(problems)")
            // The Apache checker starts every result at "/" and keeps it when merging; only the others count.
            var locations = Set((try testCase.json("locations").arrayValue ?? []).compactMap(\.stringValue))
            if compatible { locations = [] } else if locations.count > 1 { locations.remove("/") }
            #expect(Set(problems.map(\.location)) == locations, "\(name): \(problems.map(\.location))")
        }
    }

    @Test func containerFilesFromFastavroAreRead() async throws {
        for file in try await InteropCases.section("containers") {
            let reader = try AvroContainerReader(bytes: bytes(hex: try file.string("hex")))
            let schema = try AvroSchema(json: try file.json("schema"))
            #expect(reader.schema == schema)
            let codec = try file.string("codec")
            #expect(reader.codec.rawValue == codec)
            #expect(reader.metadata["origin"] == Array("fastavro".utf8))
            let encoding = try AvroJSONEncoding(schema: schema)
            let expected = try (try file.json("datums").arrayValue ?? []).map { try encoding.value(from: $0) }
            #expect(try reader.values() == expected)
        }
    }
}
