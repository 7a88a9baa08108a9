import Testing

import AvroFixtures
@testable import Avro

@Suite struct CanonicalFormTests {
    /// The specification's transformations, one per row: [PRIMITIVES], [FULLNAMES], [STRIP], [ORDER],
    /// [STRINGS], [INTEGERS], [WHITESPACE].
    @Test(arguments: [
        (#"{"type": "int"}"#, #""int""#),
        (#"{"type": "long", "logicalType": "timestamp-millis"}"#, #""long""#),
        (#"{"type": "string", "connect.name": "x"}"#, #""string""#),
        (
            #"{"type": "fixed", "size": 16, "name": "F", "namespace": "n", "aliases": ["G"], "doc": "d"}"#,
            #"{"name":"n.F","type":"fixed","size":16}"#
        ),
        (
            #"{"symbols": ["A", "B"], "type": "enum", "name": "E", "default": "A"}"#,
            #"{"name":"E","type":"enum","symbols":["A","B"]}"#
        ),
        (
            #"{"type": "array", "items": {"type": "map", "values": "bytes"}}"#,
            #"{"type":"array","items":{"type":"map","values":"bytes"}}"#
        ),
        (#"[ "null" , { "type" : "string" } ]"#, #"["null","string"]"#),
        (
            #"{"type": "record", "name": "R", "namespace": "a.b", "doc": "x", "fields": [{"name": "f", "type": {"type": "enum", "name": "E", "symbols": ["X", "Y"]}, "default": "X"}, {"name": "g", "type": ["null", "E"]}]}"#,
            #"{"name":"a.b.R","type":"record","fields":[{"name":"f","type":{"name":"a.b.E","type":"enum","symbols":["X","Y"]}},{"name":"g","type":["null","a.b.E"]}]}"#
        ),
        (
            #"{"type": "record", "name": "L", "fields": [{"name": "next", "type": ["null", "L"]}]}"#,
            #"{"name":"L","type":"record","fields":[{"name":"next","type":["null","L"]}]}"#
        ),
    ])
    func canonicalForm(json: String, canonical: String) throws {
        #expect(try AvroSchema(parsing: json).canonicalForm == canonical)
    }

    /// Fingerprints computed by fastavro 1.13.1 (Rabin as the 64-bit value, most significant first).
    @Test(arguments: [
        (
            #""int""#, "7275d51a3f395c8f", "ef524ea1b91e73173d938ade36c1db32",
            "3f2b87a9fe7cc9b13835598c3981cd45e3e355309e5090aa0933d7becb6fba45"
        ),
        (
            #""null""#, "63dd24e7cc258f8a", "9b41ef67651c18488a8b08bb67c75699",
            "f072cbec3bf8841871d4284230c5e983dc211a56837aed862487148f947d1a1f"
        ),
        (
            #"{"type":"record","name":"R","namespace":"a.b","doc":"x","fields":[{"name":"f","type":{"type":"enum","name":"E","symbols":["X","Y"]},"default":"X"},{"name":"g","type":["null","E"]}]}"#,
            "1100a7b1da60973c", "1929bb17f03ae8819e94173237ad4294",
            "cb1b00a2dffc48e4bbf7a7716152e7425ca1b5b0e25654472626270e69363113"
        ),
    ])
    func fingerprints(json: String, rabin: String, md5: String, sha256: String) throws {
        let schema = try AvroSchema(parsing: json)
        #expect(String(schema.rabinFingerprint, radix: 16).leftPadded(to: 16) == rabin)
        #expect(hex(schema.fingerprint(.rabin).reversed()) == rabin)
        #expect(hex(schema.fingerprint(.md5)) == md5)
        #expect(hex(schema.fingerprint(.sha256)) == sha256)
    }

    /// `schemas/order-event.avsc`'s fingerprint as fastavro 1.13.1 computes it.
    @Test func orderEventFingerprintMatchesFastavro() throws {
        #expect(String(try OrderEventFixture.schema.rabinFingerprint, radix: 16) == "17e6bcc15a1fe977")
    }
}
