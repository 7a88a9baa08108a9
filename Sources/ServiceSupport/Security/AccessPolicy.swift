import Hummingbird

/// Which requirement each request of a service has, decided from its method and path before routing,
/// so that an unknown path or method is refused to a stranger like any other (401, not 404 or 405).
public struct AccessPolicy: Sendable {
    let requirement: @Sendable (HTTPRequest.Method, String) -> AccessRequirement

    public init(_ requirement: @escaping @Sendable (_ method: HTTPRequest.Method, _ path: String) -> AccessRequirement) {
        self.requirement = requirement
    }

    public func requirement(for method: HTTPRequest.Method, path: String) -> AccessRequirement {
        requirement(method, path)
    }
}
