import Hummingbird
import SchemaRegistry

/// `/compatibility/subjects/{s}/versions[/{v}]` and `/mode`.
extension RegistryController {
    func addCompatibilityRoutes(to router: Router<Context>) {
        router.post("compatibility/subjects/:subject/versions/:version") { request, context in
            let version = try context.parameters.version()
            return try await check(request, subject: try context.parameters.subject(), version: version)
        }
        router.post("compatibility/subjects/:subject/versions") { request, context in
            try await check(request, subject: try context.parameters.subject(), version: nil)
        }
    }

    private func check(_ request: Request, subject: Subject, version: SchemaVersion?) async throws -> Response {
        var request = request
        let body = try await schemaBody(&request)
        let result = try await store.checkCompatibility(body.schema, subject: subject, version: version)
        let messages = request.flag("verbose") ? result.messages : nil
        return try Response.registryJSON(CompatibilityCheckBody(isCompatible: result.isCompatible, messages: messages))
    }

    /// This registry always accepts writes; `IMPORT` and `READONLY` modes are not implemented.
    func addModeRoutes(to router: Router<Context>) {
        let store = self.store
        router.get("mode") { _, _ in try Response.registryJSON(ModeBody(mode: "READWRITE")) }
        router.get("mode/:subject") { _, context in
            let subject = try context.parameters.subject()
            guard await store.state.hasVersions(subject) else { throw RegistryError.subjectNotFound(subject) }
            return try Response.registryJSON(ModeBody(mode: "READWRITE"))
        }
    }
}
