import Hummingbird
import Logging
import NIOCore
import SchemaRegistry
import ServiceSupport

/// Turns every error into a Confluent error body, so that nothing reaches Hummingbird's bare 500 and an
/// unknown route or an oversized body answers like the rest of the API.
struct RegistryErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return try Self.answer(for: error, logger: context.logger).response(from: request, context: context)
        }
    }

    static func answer(for error: any Error, logger: Logger) -> RegistryHTTPError {
        switch error {
        case let error as RegistryError:
            if error.isTransient { logger.warning("Store failure answered", error: error) }
            return RegistryHTTPError(error)
        case is NIOTooManyBytesError:
            return RegistryHTTPError(errorCode: 413, message: "Request body is too large")
        case let error as APIError:
            // Refusals of the access middleware: Confluent's codes (401, 40301, 429) and its headers
            // (`WWW-Authenticate`, `Retry-After`, `RateLimit-*`).
            let code = error.status == .forbidden ? 40301 : error.status.code
            return RegistryHTTPError(errorCode: code, message: error.errors.joined(separator: "; "), headers: error.headers)
        case let error as HTTPError where error.status == .notFound:
            return RegistryHTTPError(.routeNotFound())
        case let error as any HTTPResponseError:
            let code = error.status.code
            return RegistryHTTPError(errorCode: code, message: "HTTP \(code) \(error.status.reasonPhrase)")
        case is CancellationError:
            return RegistryHTTPError(.notWriter("The registry is shutting down"))
        default:
            logger.error("Unexpected error answered with 500", error: error)
            return RegistryHTTPError(errorCode: 50001, message: "Internal error: \(error)")
        }
    }
}
