import Foundation
import Testing

@testable import SchemaRegistry
@testable import SchemaRegistryServer

/// The state machine alone: records in, state out, the same on every replay.
@Suite struct RegistryStateTests {
    private func schema(_ subject: Subject, _ version: SchemaVersion, _ id: SchemaID, _ text: String) -> RegistryRecord {
        .schema(SchemaRecordValue(subject: subject, version: version, id: id, schema: text))
    }

    @Test func recordsRoundTripThroughConfluentsFormat() throws {
        let records: [RegistryRecord] = [
            schema("s", 1, 1, "\"string\""),
            .schemaTombstone(subject: "s", version: 1),
            .config(subject: nil, level: .full),
            .config(subject: "s", level: .none),
            .configTombstone(subject: "s"),
            .deleteSubject(subject: "s", upTo: 3),
            .idWatermark(9),
        ]
        for record in records {
            let (key, value) = try record.encoded()
            #expect(RegistryRecord(key: key, value: value) == record)
        }
        let (key, value) = try schema("orders-value", 2, 7, "\"int\"").encoded()
        #expect(String(decoding: key, as: UTF8.self) == #"{"keytype":"SCHEMA","magic":1,"subject":"orders-value","version":2}"#)
        let json = try JSONSerialization.jsonObject(with: Data(value ?? [])) as? [String: Any]
        #expect(json?["id"] as? Int == 7)
        #expect(json?["deleted"] as? Bool == false)
        let (globalKey, _) = try RegistryRecord.config(subject: nil, level: .full).encoded()
        #expect(String(decoding: globalKey, as: UTF8.self) == #"{"keytype":"CONFIG","magic":0,"subject":null}"#)
    }

    @Test func unreadableRecordsAreSkippedNotFatal() {
        #expect(RegistryRecord(key: Array("garbage".utf8), value: nil) == .ignored(reason: "unreadable key garbage"))
        let mode = RegistryRecord(key: Array(#"{"keytype":"MODE","magic":0}"#.utf8), value: Array("{}".utf8))
        #expect(mode == .ignored(reason: "keytype MODE"))
    }

    @Test func theFirstRecordWinsAConflict() {
        var state = RegistryState()
        #expect(state.apply(schema("a", 1, 1, "\"string\"")) == .applied)
        // Another writer gave id 1 to another schema, and version 1 of `a` to another id.
        #expect(state.apply(schema("b", 1, 1, "\"int\"")) != .applied)
        #expect(state.apply(schema("a", 1, 2, "\"int\"")) != .applied)
        #expect(state.subjectNames(includeDeleted: true) == ["a"])
        #expect(state.id(for: "\"int\"") == 2)
    }

    @Test func softDeletesHideAndWatermarksKeepIDs() throws {
        var state = RegistryState()
        state.apply(schema("a", 1, 1, "\"string\""))
        state.apply(schema("a", 2, 2, "\"int\""))
        state.apply(.deleteSubject(subject: "a", upTo: 1))
        #expect(try state.versions(of: "a", includeDeleted: false) == [2])
        state.apply(.idWatermark(5))
        state.apply(.schemaTombstone(subject: "a", version: 1))
        state.apply(.schemaTombstone(subject: "a", version: 2))
        #expect(state.subjectNames(includeDeleted: true).isEmpty)
        #expect(state.id(for: "\"long\"") == 6)
        #expect(state.nextVersion(of: "a") == 1)
    }
}
