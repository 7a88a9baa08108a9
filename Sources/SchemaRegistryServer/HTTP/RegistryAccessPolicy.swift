import Hummingbird
import ServiceSupport

/// Who may do what at the registry. Producers register their schemas (Confluent's
/// `auto.register.schemas`), so registering a version needs only the writer role, and a Cart Service
/// holding a writer key cannot delete anything; deletes, config and mode changes need admin.
enum RegistryAccessPolicy {
    static let realm = "schema-registry"

    static let policy = AccessPolicy { method, path in
        if path == "/" || AccessRequirement.openPaths.contains(path) { return .open }
        if method == .get || method == .head { return .anyOf([.reader, .writer]) }
        guard method == .post else { return .role(.admin) }
        let components = path.split(separator: "/")
        switch (components.first, components.count, components.last) {
        // Registering a version adds to the subject, and nothing else changes.
        case ("subjects", 3, "versions"): return .role(.writer)
        // Looking a schema up, and testing compatibility, read only.
        case ("subjects", 2, _), ("compatibility", _, _): return .anyOf([.reader, .writer])
        default: return .role(.admin)
        }
    }
}
