import Hummingbird
import SchemaRegistry

/// `/schemas/ids/{id}` and `/schemas/types`.
extension RegistryController {
    func addSchemaRoutes(to router: Router<Context>) {
        let store = self.store
        router.get("schemas/ids/:id") { _, context in
            let text = try await store.schemaText(id: try context.parameters.schemaID())
            return try Response.registryJSON(SchemaTextBody(schema: text))
        }
        router.get("schemas/ids/:id/schema") { _, context in
            Response.rawSchema(try await store.schemaText(id: try context.parameters.schemaID()))
        }
        router.get("schemas/ids/:id/versions") { request, context in
            let id = try context.parameters.schemaID()
            let usages = try await store.state.usages(of: id, includeDeleted: request.flag("deleted"))
            return try Response.registryJSON(usages)
        }
        router.get("schemas/ids/:id/subjects") { request, context in
            let id = try context.parameters.schemaID()
            let usages = try await store.state.usages(of: id, includeDeleted: request.flag("deleted"))
            var subjects: [Subject] = []
            for usage in usages where subjects.last != usage.subject { subjects.append(usage.subject) }
            return try Response.registryJSON(subjects)
        }
        router.get("schemas/types") { _, _ in
            try Response.registryJSON([store.format.typeName])
        }
    }
}
