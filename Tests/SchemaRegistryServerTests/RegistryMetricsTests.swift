import Testing
import TestSupport

/// The registry's `/metrics`: registrations and lookups by result, the schemas and subjects it serves,
/// and its requests under the router's templates.
@Suite struct RegistryMetricsTests {
    private static func scrape(_ registry: RegistryTestClient) async throws -> PrometheusText {
        let answer = try await registry.call(.get, "/metrics")
        #expect(answer.status == 200)
        return try PrometheusText(answer.text)
    }

    @Test func registrationsAndLookupsCountByResult() async throws {
        let metrics = try await withRegistry { registry in
            #expect(try await registry.register(Schemas.v1, subject: "orders-value").status == 200)
            #expect(try await registry.register(Schemas.v1, subject: "orders-value").status == 200)
            #expect(try await registry.register("not a schema", subject: "orders-value").status == 422)
            #expect(try await registry.register(Schemas.v2NoDefault, subject: "orders-value").status == 409)
            #expect(try await registry.call(.get, "/schemas/ids/1").status == 200)
            #expect(try await registry.call(.get, "/schemas/ids/99").status == 404)
            let body = RegistryTestClient.schemaBody(Schemas.v1)
            #expect(try await registry.call(.post, "/subjects/orders-value", body: body).status == 200)
            #expect(try await registry.call(.post, "/subjects/unknown-value", body: body).status == 404)
            return try await Self.scrape(registry)
        }
        #expect(metrics.value("schema_registry_registrations_total", ["result": "created"]) == 1)
        #expect(metrics.value("schema_registry_registrations_total", ["result": "existing"]) == 1)
        #expect(metrics.value("schema_registry_registrations_total", ["result": "rejected"]) == 2)
        #expect(metrics.value("schema_registry_registrations_total", ["result": "failed"]) == 0)
        #expect(metrics.value("schema_registry_lookups_total", ["result": "found"]) == 2)
        #expect(metrics.value("schema_registry_lookups_total", ["result": "not_found"]) == 2)
        #expect(metrics.value("schema_registry_schemas") == 1)
        #expect(metrics.value("schema_registry_subjects") == 1)
        let versions = ["method": "POST", "route": "/subjects/{subject}/versions"]
        #expect(metrics.value("http_server_requests_total", versions.merging(["status": "200"]) { $1 }) == 2)
        #expect(metrics.value("http_server_requests_total", versions.merging(["status": "422"]) { $1 }) == 1)
        #expect(metrics.value("http_server_requests_total", versions.merging(["status": "409"]) { $1 }) == 1)
        #expect(metrics.value("http_server_requests_total", ["method": "GET", "route": "/schemas/ids/{id}", "status": "404"]) == 1)
        for (name, type) in [
            ("schema_registry_registrations_total", "counter"), ("schema_registry_lookups_total", "counter"),
            ("schema_registry_schemas", "gauge"), ("schema_registry_subjects", "gauge"),
            ("http_server_requests_total", "counter"), ("http_server_request_duration_seconds", "histogram"),
        ] {
            #expect(metrics.types[name] == type, "\(name)")
        }
    }

    @Test func gaugesFollowTheLiveSubjects() async throws {
        let (before, after) = try await withRegistry { registry in
            _ = try await registry.register(Schemas.v1, subject: "a-value")
            _ = try await registry.register(Schemas.v1, subject: "b-value")
            _ = try await registry.register(Schemas.v2WithDefault, subject: "b-value")
            let before = try await Self.scrape(registry)
            #expect(try await registry.call(.delete, "/subjects/b-value").status == 200)
            return (before, try await Self.scrape(registry))
        }
        #expect(before.value("schema_registry_subjects") == 2)
        #expect(before.value("schema_registry_schemas") == 2)
        #expect(after.value("schema_registry_subjects") == 1)
        #expect(after.value("schema_registry_schemas") == 1)
    }
}
