import Hummingbird
import ServiceSupport

/// Who may do what at the registry. Every change to what is registered (a new version, a delete, a
/// compatibility level, the mode) needs admin: a new version decides how every consumer reads the
/// topic, so a writer key that leaks cannot change it. Producers holding a reader or writer key look
/// their schema up instead (``RegistrySerializer`` does, before it would register), so the schema is
/// registered once by an admin or a deployment step.
enum RegistryAccessPolicy {
    static let realm = "schema-registry"

    static let policy = AccessPolicy { method, path in
        if path == "/" || AccessRequirement.openPaths.contains(path) { return .open }
        if method == .get || method == .head { return .anyOf([.reader, .writer]) }
        guard method == .post else { return .role(.admin) }
        let components = path.split(separator: "/")
        switch (components.first, components.count) {
        // Looking a schema up, and testing compatibility, read only.
        case ("subjects", 2), ("compatibility", _): return .anyOf([.reader, .writer])
        // Registering a version (`POST /subjects/{s}/versions`) and anything else.
        default: return .role(.admin)
        }
    }
}
