import Hummingbird

extension Router {
    /// Answers 405 Method Not Allowed, with the `Allow` header, for a method that a route's path does not
    /// serve; Hummingbird alone answers 404, which tells a client the resource does not exist. Call it
    /// after registering every route and after the error middleware, which then gives the answer the
    /// service's error body: Hummingbird builds its not-found answer through every middleware of the
    /// router, whenever added, and this one turns it into a 405 when another method serves the path.
    public func answerUnservedMethodsWithMethodNotAllowed() {
        add(middleware: MethodNotAllowedMiddleware(routes: routes.map { ($0.path, $0.method) }))
    }
}

/// See ``Hummingbird/Router/answerUnservedMethodsWithMethodNotAllowed()``.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: [(path: RouterPath, method: HTTPRequest.Method)]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && error.body == nil {
            let served = methods(serving: request.uri.path)
            guard !served.isEmpty, !served.contains(request.method) else { throw error }
            let allow = served.map(\.rawValue).sorted().joined(separator: ", ")
            throw HTTPError(.methodNotAllowed, headers: [.allow: allow])
        }
    }

    private func methods(serving path: String) -> Set<HTTPRequest.Method> {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        return Set(
            routes.filter { route in
                route.path.count == components.count && zip(route.path, components).allSatisfy { $0 ~= $1 }
            }.map(\.method))
    }
}
