import Hummingbird
import Prometheus

/// Counts and times every request by method, route template and status (see ``HTTPServerMetrics``).
///
/// Add it to the router before anything else: Hummingbird gives a route only the middleware added
/// before the route, and the not-found answer every middleware. It reads the route after the request
/// has been routed, and the status of a thrown error from the error itself, as Hummingbird will answer it.
public struct HTTPMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    private let metrics: HTTPServerMetrics

    public init(registry: PrometheusCollectorRegistry) {
        self.metrics = HTTPServerMetrics(registry: registry)
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            metrics.record(
                method: request.method, endpoint: context.endpointPath, status: response.status.code, duration: .now - start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? HTTPResponse.Status.internalServerError.code
            metrics.record(method: request.method, endpoint: context.endpointPath, status: status, duration: .now - start)
            throw error
        }
    }
}
