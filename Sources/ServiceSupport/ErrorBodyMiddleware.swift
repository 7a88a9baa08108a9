import Hummingbird
import Logging

/// Gives every failure the `{"errors": [...]}` body, including those that Hummingbird produces
/// itself (unknown route, wrong method, body too large), and turns an unexpected error into a
/// logged 500 instead of Hummingbird's silent one.
public struct ErrorBodyMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as HTTPError {
            throw APIError(error.status, errors: [Self.message(for: error, request: request)], headers: error.headers)
        } catch let error as any HTTPResponseError {
            throw APIError(error.status, errors: ["\(error.status.reasonPhrase)"])
        } catch {
            context.logger.error("unexpected error", error: error, metadata: ["http.path": "\(request.uri.path)"])
            throw APIError(.internalServerError, errors: ["Internal error: \(error)"])
        }
    }

    private static func message(for error: HTTPError, request: Request) -> String {
        if let body = error.body { return body }
        switch error.status {
        case .notFound: return "No route for \(request.method) \(request.uri.path)"
        case .contentTooLarge: return "Request body is too large"
        default: return error.status.reasonPhrase
        }
    }
}
