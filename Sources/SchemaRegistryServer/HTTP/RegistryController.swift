import Hummingbird
import SchemaRegistry

/// The Confluent REST API v1 over a ``RegistryStore``. Route groups live in `RegistryController+*.swift`.
struct RegistryController<Context: RequestContext>: Sendable {
    let store: RegistryStore
    /// The largest request body read; larger ones answer 413.
    let maximumBodySize: Int

    func addRoutes(to router: Router<Context>) {
        router.get("/") { _, _ in try Response.registryJSON([String: String]()) }
        addSubjectRoutes(to: router)
        addSubjectVersionRoutes(to: router)
        addSchemaRoutes(to: router)
        addConfigRoutes(to: router)
        addCompatibilityRoutes(to: router)
        addModeRoutes(to: router)
    }

    /// Reads a register/lookup/compatibility body; a body without `schema` is an invalid schema (42201).
    func schemaBody(_ request: inout Request) async throws -> RegisterSchemaBody {
        let body = try await request.decodeRegistryBody(as: RegisterSchemaBody.self, limit: maximumBodySize) {
            RegistryError.invalidSchema($0)
        }
        if let type = body.schemaType, type.uppercased() != "AVRO" {
            throw RegistryError.invalidSchema("schema type \(type) is not supported; this registry holds AVRO")
        }
        if let references = body.references, !references.isEmpty {
            throw RegistryError.invalidSchema("schema references are not supported")
        }
        return body
    }
}
