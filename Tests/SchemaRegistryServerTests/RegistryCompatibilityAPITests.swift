import Foundation
import Testing
import TestSupport

@testable import SchemaRegistryServer

/// Compatibility levels decided by the Avro module's resolution rules.
@Suite struct RegistryCompatibilityAPITests {
    /// (level, first schema, second schema, accepted)
    @Test(arguments: [
        ("BACKWARD", Schemas.v1, Schemas.v2WithDefault, true),
        ("BACKWARD", Schemas.v1, Schemas.v2NoDefault, false),
        ("FORWARD", Schemas.v1, Schemas.v2NoDefault, true),
        ("FULL", Schemas.v1, Schemas.v2NoDefault, false),
        ("FULL", Schemas.v1, Schemas.v2WithDefault, true),
        ("BACKWARD", Schemas.v2WithDefault, Schemas.v1, true),
        ("FORWARD", Schemas.v2NoDefault, Schemas.v1, false),
        ("BACKWARD", Schemas.intField, Schemas.longField, true),
        ("BACKWARD", Schemas.longField, Schemas.intField, false),
        ("FORWARD", Schemas.intField, Schemas.longField, false),
        ("BACKWARD", Schemas.enum2, Schemas.enum3, true),
        ("FORWARD", Schemas.enum2, Schemas.enum3, false),
        ("NONE", Schemas.intField, Schemas.enum2, true),
    ])
    func secondVersionUnderLevel(level: String, first: String, second: String, isAccepted: Bool) async throws {
        try await withRegistry { api in
            _ = try await api.call(.put, "/config/s", body: #"{"compatibility":"\#(level)"}"#)
            #expect(try await api.register(first, subject: "s").status == 200)
            let check = try await api.call(
                .post,
                "/compatibility/subjects/s/versions/latest?verbose=true",
                body: RegistryTestClient.schemaBody(second)
            )
            #expect(check.bool("is_compatible") == isAccepted)
            #expect((check.object["messages"] as? [String])?.isEmpty == isAccepted)
            let answer = try await api.register(second, subject: "s")
            #expect(answer.status == (isAccepted ? 200 : 409))
            if !isAccepted { #expect(answer.errorCode == 409) }
        }
    }

    /// v1 {id}, v2 {id, qty default 0}, v3 {id} with qty dropped but a `note` without default added:
    /// v3 reads v2 data (qty ignored, note missing → needs default → fails) — use a removal instead.
    @Test(arguments: [("BACKWARD", true), ("BACKWARD_TRANSITIVE", false)])
    func transitiveLevelsCheckEveryVersion(level: String, isAccepted: Bool) async throws {
        let v1 = #"{"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}"#
        let v2 = #"{"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"b","type":"int","default":0}]}"#
        let v3 = #"{"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"b","type":"int"}]}"#
        try await withRegistry { api in
            _ = try await api.call(.put, "/config/s", body: #"{"compatibility":"\#(level)"}"#)
            #expect(try await api.register(v1, subject: "s").status == 200)
            #expect(try await api.register(v2, subject: "s").status == 200)
            // v3 reads v2 data (b is there) but not v1 data (b is missing and has no default).
            let answer = try await api.register(v3, subject: "s")
            #expect(answer.status == (isAccepted ? 200 : 409))
            let check = try await api.call(.post, "/compatibility/subjects/s/versions", body: RegistryTestClient.schemaBody(v3))
            #expect(check.bool("is_compatible") == (isAccepted || level == "BACKWARD"))
        }
    }

    /// The order event as released: version 2 is accepted over version 1 at the default level, and a
    /// version 3 that adds a field without a default is refused, leaving the subject at version 2.
    @Test func theOrderEventsVersionsUnderTheDefaultLevel() async throws {
        let released = ProjectPaths.root.appendingPathComponent("schemas/released/order-event")
        let v1 = try String(contentsOf: released.appendingPathComponent("v1.avsc"), encoding: .utf8)
        let v2 = try String(contentsOf: released.appendingPathComponent("v2.avsc"), encoding: .utf8)
        let v3 = v2.replacingOccurrences(
            of: #"{"name": "orderId", "type": "string""#,
            with: #"{"name": "tenant", "type": "string"}, {"name": "orderId", "type": "string""#)
        #expect(v3 != v2)
        try await withRegistry { api in
            #expect(try await api.register(v1, subject: "order-events-value").status == 200)
            #expect(try await api.register(v2, subject: "order-events-value").status == 200)
            let refused = try await api.register(v3, subject: "order-events-value")
            #expect(refused.status == 409)
            let versions = try await api.call(.get, "/subjects/order-events-value/versions")
            #expect(versions.ints == [1, 2], "\(versions.text)")
        }
    }

    @Test func checkingAnUnknownSubjectOrVersionFails() async throws {
        try await withRegistry { api in
            let body = RegistryTestClient.schemaBody(Schemas.v1)
            #expect(try await api.call(.post, "/compatibility/subjects/x/versions/latest", body: body).errorCode == 40401)
            _ = try await api.register(Schemas.v1, subject: "s")
            #expect(try await api.call(.post, "/compatibility/subjects/s/versions/5", body: body).errorCode == 40402)
            #expect(try await api.call(.post, "/compatibility/subjects/s/versions/x", body: body).errorCode == 42202)
            let invalid = RegistryTestClient.schemaBody(#"{"type":"nope"}"#)
            #expect(try await api.call(.post, "/compatibility/subjects/s/versions/1", body: invalid).errorCode == 42201)
        }
    }
}
