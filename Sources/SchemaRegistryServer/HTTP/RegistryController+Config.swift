import Hummingbird
import SchemaRegistry

/// `/config` and `/config/{s}`. Confluent answers a GET with `compatibilityLevel` and a PUT with
/// `compatibility`; clients depend on both spellings.
extension RegistryController {
    func addConfigRoutes(to router: Router<Context>) {
        let store = self.store
        router.get("config") { _, _ in
            let level = await store.state.effectiveGlobalLevel
            return try Response.registryJSON(CompatibilityLevelBody(compatibilityLevel: level.rawValue))
        }
        router.put("config") { request, _ in
            var request = request
            let level = try await levelBody(&request)
            try await store.setLevel(level, subject: nil)
            return try Response.registryJSON(CompatibilityBody(compatibility: level.rawValue))
        }
        router.delete("config") { _, _ in
            let previous = try await store.deleteLevel(subject: nil)
            return try Response.registryJSON(CompatibilityLevelBody(compatibilityLevel: previous.rawValue))
        }
        router.get("config/:subject") { request, context in
            let subject = try context.parameters.subject()
            let level = try await store.level(of: subject, defaultToGlobal: request.flag("defaultToGlobal"))
            return try Response.registryJSON(CompatibilityLevelBody(compatibilityLevel: level.rawValue))
        }
        router.put("config/:subject") { request, context in
            var request = request
            let level = try await levelBody(&request)
            try await store.setLevel(level, subject: try context.parameters.subject())
            return try Response.registryJSON(CompatibilityBody(compatibility: level.rawValue))
        }
        router.delete("config/:subject") { _, context in
            let previous = try await store.deleteLevel(subject: try context.parameters.subject())
            return try Response.registryJSON(CompatibilityLevelBody(compatibilityLevel: previous.rawValue))
        }
    }

    /// Reads `{"compatibility": "FULL"}`; an unknown or missing level is 42203.
    private func levelBody(_ request: inout Request) async throws -> CompatibilityLevel {
        let body = try await request.decodeRegistryBody(as: CompatibilityBody.self, limit: maximumBodySize) {
            RegistryError.invalidCompatibilityLevel($0)
        }
        guard let level = CompatibilityLevel(caseInsensitive: body.compatibility) else {
            throw RegistryError.invalidCompatibilityLevel(body.compatibility)
        }
        return level
    }
}
