import Foundation
import Testing

@testable import SchemaRegistryServer

/// Registration, lookup, listing and reading of subjects and versions.
@Suite struct RegistrySubjectsAPITests {
    @Test func registeringTheSameSchemaTwiceReturnsTheSameID() async throws {
        try await withRegistry { api in
            let first = try await api.register(Schemas.v1, subject: "orders-value")
            #expect(first.status == 200)
            #expect(first.int("id") == 1)
            let spaced = Schemas.v1.replacingOccurrences(of: ",", with: ", ")
            let again = try await api.register(spaced, subject: "orders-value")
            #expect(again.int("id") == 1)
            #expect(try await api.call(.get, "/subjects/orders-value/versions").ints == [1])
        }
    }

    @Test func idsAreGlobalAcrossSubjects() async throws {
        try await withRegistry { api in
            let a = try await api.register(Schemas.v1, subject: "a")
            let b = try await api.register(Schemas.v1, subject: "b")
            let other = try await api.register(Schemas.intField, subject: "c")
            #expect(a.int("id") == 1)
            #expect(b.int("id") == 1)
            #expect(other.int("id") == 2)
            #expect(try await api.call(.get, "/subjects").strings == ["a", "b", "c"])
            let usages = try await api.call(.get, "/schemas/ids/1/versions").json as? [[String: Any]]
            #expect(usages?.count == 2)
            #expect(try await api.call(.get, "/schemas/ids/1/subjects").strings == ["a", "b"])
        }
    }

    @Test func readsVersionsLatestAndRawSchema() async throws {
        try await withRegistry { api in
            _ = try await api.register(Schemas.v1, subject: "s")
            _ = try await api.register(Schemas.v2WithDefault, subject: "s")
            let latest = try await api.call(.get, "/subjects/s/versions/latest")
            #expect(latest.status == 200)
            #expect(latest.int("version") == 2)
            #expect(latest.int("id") == 2)
            #expect(latest.string("subject") == "s")
            #expect(try await api.call(.get, "/subjects/s/versions/-1").int("version") == 2)
            let first = try await api.call(.get, "/subjects/s/versions/1/schema")
            #expect((first.json as? [String: Any])?["name"] as? String == "Order")
            let byID = try await api.call(.get, "/schemas/ids/2")
            #expect((byID.string("schema"))?.contains("note") == true)
            #expect(byID.object["schemaType"] == nil)
            #expect(try await api.call(.get, "/schemas/types").strings == ["AVRO"])
        }
    }

    @Test func lookupFindsARegisteredSchemaOrSaysWhy() async throws {
        try await withRegistry { api in
            _ = try await api.register(Schemas.v1, subject: "s")
            let found = try await api.call(.post, "/subjects/s", body: RegistryTestClient.schemaBody(Schemas.v1))
            #expect(found.status == 200)
            #expect(found.int("id") == 1)
            #expect(found.int("version") == 1)
            let missing = try await api.call(.post, "/subjects/s", body: RegistryTestClient.schemaBody(Schemas.intField))
            #expect(missing.status == 404)
            #expect(missing.errorCode == 40403)
            let noSubject = try await api.call(.post, "/subjects/x", body: RegistryTestClient.schemaBody(Schemas.v1))
            #expect(noSubject.errorCode == 40401)
        }
    }

    @Test(arguments: [
        ("/subjects/nope/versions", 404, 40401),
        ("/subjects/nope/versions/1", 404, 40401),
        ("/subjects/s/versions/7", 404, 40402),
        ("/subjects/s/versions/zero", 422, 42202),
        ("/subjects/s/versions/0", 422, 42202),
        ("/schemas/ids/99", 404, 40403),
        ("/schemas/ids/abc", 404, 40403),
        ("/schemas/ids/99/versions", 404, 40403),
        ("/no/such/route", 404, 404),
        ("/config/nope", 404, 40401),
    ])
    func missingThingsAnswerConfluentErrors(path: String, status: Int, errorCode: Int) async throws {
        try await withRegistry { api in
            _ = try await api.register(Schemas.v1, subject: "s")
            let answer = try await api.call(.get, path)
            #expect(answer.status == status)
            #expect(answer.errorCode == errorCode)
            #expect(answer.object["message"] is String)
        }
    }
}
