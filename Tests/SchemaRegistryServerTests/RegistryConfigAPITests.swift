import Testing

@testable import SchemaRegistryServer

/// `/config`, `/mode` and bad input.
@Suite struct RegistryConfigAPITests {
    @Test func globalAndSubjectLevels() async throws {
        try await withRegistry { api in
            #expect(try await api.call(.get, "/config").string("compatibilityLevel") == "BACKWARD")
            let set = try await api.call(.put, "/config", body: #"{"compatibility":"full"}"#)
            #expect(set.string("compatibility") == "FULL")
            #expect(try await api.call(.get, "/config").string("compatibilityLevel") == "FULL")
            _ = try await api.register(Schemas.v1, subject: "s")
            #expect(try await api.call(.get, "/config/s").errorCode == 40408)
            #expect(try await api.call(.get, "/config/s?defaultToGlobal=true").string("compatibilityLevel") == "FULL")
            _ = try await api.call(.put, "/config/s", body: #"{"compatibility":"NONE"}"#)
            #expect(try await api.call(.get, "/config/s").string("compatibilityLevel") == "NONE")
            #expect(try await api.call(.delete, "/config/s").string("compatibilityLevel") == "NONE")
            #expect(try await api.call(.delete, "/config/s").errorCode == 40408)
            #expect(try await api.call(.delete, "/config").string("compatibilityLevel") == "FULL")
            #expect(try await api.call(.get, "/config").string("compatibilityLevel") == "BACKWARD")
        }
    }

    @Test(arguments: [#"{"compatibility":"SIDEWAYS"}"#, #"{"level":"FULL"}"#, #"{"compatibility":7}"#])
    func invalidLevelsAre42203(body: String) async throws {
        try await withRegistry { api in
            let answer = try await api.call(.put, "/config", body: body)
            #expect(answer.status == 422)
            #expect(answer.errorCode == 42203)
        }
    }

    @Test func modeIsReadWrite() async throws {
        try await withRegistry { api in
            let mode = try await api.call(.get, "/mode")
            #expect(mode.string("mode") == "READWRITE")
            let unknown = try await api.call(.get, "/mode/nope")
            #expect(unknown.errorCode == 40401)
        }
    }

    @Test(arguments: [
        ("{not json", 400, 400),
        (#"{"schema":"{\"type\":\"recrod\"}"}"#, 422, 42201),
        (#"{"schema":"not json at all"}"#, 422, 42201),
        (#"{"schemaa":"\"string\""}"#, 422, 42201),
        (#"{"schema":"\"string\"","schemaType":"PROTOBUF"}"#, 422, 42201),
        (#"["schema"]"#, 422, 42201),
    ])
    func badRegistrationsAre4xxWithErrorBodies(body: String, status: Int, errorCode: Int) async throws {
        try await withRegistry { api in
            let answer = try await api.call(.post, "/subjects/s/versions", body: body)
            #expect(answer.status == status)
            #expect(answer.errorCode == errorCode)
        }
    }

    @Test func bodiesOverTheLimitAre413() async throws {
        try await withRegistry(maximumBodySize: 1024) { api in
            let huge = RegistryTestClient.schemaBody(String(repeating: " ", count: 2000) + #""string""#)
            let answer = try await api.call(.post, "/subjects/s/versions", body: huge)
            #expect(answer.status == 413)
            #expect(answer.errorCode == 413)
            let small = try await api.register(#""string""#, subject: "s")
            #expect(small.status == 200)
        }
    }
}
