import Hummingbird
import SchemaRegistry

/// `/subjects`, `/subjects/{s}` and `/subjects/{s}/versions`.
extension RegistryController {
    func addSubjectRoutes(to router: Router<Context>) {
        let store = self.store
        router.get("subjects") { request, _ in
            let subjects = await store.state.subjectNames(includeDeleted: request.flag("deleted"))
            return try Response.registryJSON(subjects)
        }
        router.post("subjects/:subject") { request, context in
            var request = request
            let body = try await schemaBody(&request)
            let subject = try context.parameters.subject()
            let found = try await store.lookup(body.schema, subject: subject, includeDeleted: request.flag("deleted"))
            return try Response.registryJSON(found)
        }
        router.delete("subjects/:subject") { request, context in
            let subject = try context.parameters.subject()
            let versions = try await store.deleteSubject(subject, permanent: request.flag("permanent"))
            return try Response.registryJSON(versions)
        }
        router.get("subjects/:subject/versions") { request, context in
            let subject = try context.parameters.subject()
            let versions = try await store.state.versions(of: subject, includeDeleted: request.flag("deleted"))
            return try Response.registryJSON(versions)
        }
        router.post("subjects/:subject/versions") { request, context in
            var request = request
            let body = try await schemaBody(&request)
            let id = try await store.register(body.schema, subject: try context.parameters.subject())
            return try Response.registryJSON(SchemaIDBody(id: id))
        }
    }

    /// `/subjects/{s}/versions/{v}` and its `/schema`.
    func addSubjectVersionRoutes(to router: Router<Context>) {
        let store = self.store
        router.get("subjects/:subject/versions/:version") { request, context in
            let version = try context.parameters.version()
            let subject = try context.parameters.subject()
            let found = try await store.state.registered(
                subject,
                version: version,
                includeDeleted: request.flag("deleted")
            )
            return try Response.registryJSON(found)
        }
        router.get("subjects/:subject/versions/:version/schema") { _, context in
            let version = try context.parameters.version()
            let found = try await store.state.registered(try context.parameters.subject(), version: version)
            return Response.rawSchema(found.schema)
        }
        router.delete("subjects/:subject/versions/:version") { request, context in
            let version = try context.parameters.version()
            let subject = try context.parameters.subject()
            let deleted = try await store.deleteVersion(version, of: subject, permanent: request.flag("permanent"))
            return try Response.registryJSON(deleted)
        }
    }
}

extension Response {
    /// A schema's own JSON text as the body, as `/versions/{v}/schema` answers.
    static func rawSchema(_ text: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: RegistryMediaType.v1],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text))
        )
    }
}
