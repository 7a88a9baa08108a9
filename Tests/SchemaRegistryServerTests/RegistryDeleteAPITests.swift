import Testing

@testable import SchemaRegistryServer

/// Soft and hard deletes with Confluent's two-step rule.
@Suite struct RegistryDeleteAPITests {
    @Test func subjectSoftThenHardDelete() async throws {
        try await withRegistry { api in
            _ = try await api.register(Schemas.v1, subject: "s")
            _ = try await api.register(Schemas.v2WithDefault, subject: "s")
            let early = try await api.call(.delete, "/subjects/s?permanent=true")
            #expect(early.status == 404)
            #expect(early.errorCode == 40405)
            #expect(try await api.call(.delete, "/subjects/s").ints == [1, 2])
            #expect(try await api.call(.get, "/subjects").strings == [])
            #expect(try await api.call(.get, "/subjects?deleted=true").strings == ["s"])
            #expect(try await api.call(.get, "/subjects/s/versions").errorCode == 40401)
            #expect(try await api.call(.get, "/subjects/s/versions?deleted=true").ints == [1, 2])
            #expect(try await api.call(.delete, "/subjects/s").errorCode == 40404)
            // Soft-deleted schemas stay readable by id: old records must still decode.
            #expect(try await api.call(.get, "/schemas/ids/1").status == 200)
            #expect(try await api.call(.delete, "/subjects/s?permanent=true").ints == [1, 2])
            #expect(try await api.call(.get, "/subjects?deleted=true").strings == [])
            #expect(try await api.call(.get, "/schemas/ids/1").errorCode == 40403)
            #expect(try await api.call(.delete, "/subjects/s").errorCode == 40401)
        }
    }

    @Test func versionSoftThenHardDelete() async throws {
        try await withRegistry { api in
            _ = try await api.register(Schemas.v1, subject: "s")
            _ = try await api.register(Schemas.v2WithDefault, subject: "s")
            #expect(try await api.call(.delete, "/subjects/s/versions/1?permanent=true").errorCode == 40407)
            #expect(try await api.call(.delete, "/subjects/s/versions/1").intValue == 1)
            #expect(try await api.call(.delete, "/subjects/s/versions/1").errorCode == 40406)
            #expect(try await api.call(.get, "/subjects/s/versions").ints == [2])
            #expect(try await api.call(.get, "/subjects/s/versions/1?deleted=true").status == 200)
            #expect(try await api.call(.delete, "/subjects/s/versions/1?permanent=true").intValue == 1)
            #expect(try await api.call(.get, "/subjects/s/versions?deleted=true").ints == [2])
            #expect(try await api.call(.delete, "/subjects/s/versions/9").errorCode == 40402)
            #expect(try await api.call(.delete, "/subjects/s/versions/x").errorCode == 42202)
        }
    }

    @Test func idsAreNeverReusedAfterHardDeletes() async throws {
        try await withRegistry { api in
            _ = try await api.register(Schemas.v1, subject: "s")
            _ = try await api.register(Schemas.intField, subject: "t")
            _ = try await api.call(.delete, "/subjects/t")
            _ = try await api.call(.delete, "/subjects/t?permanent=true")
            let next = try await api.register(Schemas.enum2, subject: "u")
            #expect(next.int("id") == 3)
            // A new version number continues after soft-deleted ones.
            _ = try await api.call(.delete, "/subjects/s")
            let again = try await api.register(Schemas.v2WithDefault, subject: "s")
            #expect(again.int("id") == 4)
            #expect(try await api.call(.get, "/subjects/s/versions").ints == [2])
        }
    }
}
