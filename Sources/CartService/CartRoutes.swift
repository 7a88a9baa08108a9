import Foundation
import Hummingbird
import JSONOutput
import Logging
import OrderEvents
import ServiceSupport

/// The Cart Service's HTTP API (seed section 8): validate, build the event, publish, answer once the
/// broker has acknowledged.
struct CartRoutes<Context: RequestContext>: Sendable {
    let publisher: any OrderEventPublisher
    let limits: CartLimits
    let generator: OrderGenerator
    let clock: @Sendable () -> Date
    let metrics: CartMetrics

    /// Publishing needs the writer role; health and the API description stay open; any other path
    /// (a 404 or 405 to come) needs some credential, so a stranger learns nothing from probing.
    static var accessPolicy: AccessPolicy {
        AccessPolicy { _, path in
            if AccessRequirement.openPaths.contains(path) { return .open }
            if path == "/create-order" || path == "/update-order" { return .role(.writer) }
            return .anyOf([.reader, .writer])
        }
    }

    func register(on router: Router<Context>) {
        router.post("/create-order", use: createOrder)
        router.put("/update-order", use: updateOrder)
        router.get("/health", use: health)
        router.get("/openapi.json", use: openAPI)
    }

    @Sendable func createOrder(_ request: Request, context: Context) async throws -> Response {
        let body = try await request.jsonObject(maximumSize: limits.maximumBodySize)
        let valid = try CreateOrderRequest.validate(body, limits: limits)
        let now = clock()
        var random = OrderDataRandom()
        let order = generator.order(for: valid, at: now, using: &random)
        let published = try await publish(.create(order, at: now, requestId: Self.requestID(context)), logger: context.logger)
        return .json(
            .object([
                ("message", .string("Order creation event published successfully")),
                ("order", order.json()),
                ("event", published.json),
            ]),
            status: .created)
    }

    @Sendable func updateOrder(_ request: Request, context: Context) async throws -> Response {
        let body = try await request.jsonObject(maximumSize: limits.maximumBodySize)
        let valid = try UpdateOrderRequest.validate(body)
        let published = try await publish(
            .update(valid.orderId, to: valid.status, at: clock(), requestId: Self.requestID(context)), logger: context.logger)
        return .json(
            .object([
                ("message", .string("Order status update event published successfully")),
                ("update", .object([("orderId", .string(valid.orderId.rawValue)), ("status", .string(valid.status.rawValue))])),
                ("event", published.json),
            ]))
    }

    /// Healthy when an order could be published now: the broker is reachable and the event schema is
    /// registered, so that a load balancer (or `make run`) sends traffic only then.
    @Sendable func health(_ request: Request, context: Context) async throws -> Response {
        let reachable = publisher.isBrokerReachable
        let ready = publisher.isReadyToPublish
        return .json(
            .object([
                ("status", .string(reachable && ready ? "healthy" : "unhealthy")),
                ("kafka", .string(reachable ? "connected" : "disconnected")),
                ("schema", .string(ready ? "registered" : "pending")),
            ]),
            status: reachable && ready ? .ok : .serviceUnavailable)
    }

    @Sendable func openAPI(_ request: Request, context: Context) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: CartOpenAPI.document)))
    }

    /// Hummingbird's id of the request (`hb.request.id` in its log lines), carried in the event so that
    /// an order's events lead back to the requests that made them. Read from the logger without
    /// `context.id`'s force-unwrap: a context built without Hummingbird's logger gives `nil`.
    private static func requestID(_ context: Context) -> String? {
        context.logger[metadataKey: "hb.request.id"]?.description
    }

    private func publish(_ event: OrderEvent, logger: Logger) async throws(APIError) -> PublishedEvent {
        var logger = logger
        logger[metadataKey: "order.id"] = "\(event.orderId)"
        logger[metadataKey: "order.event"] = "\(event.eventType.rawValue)"
        let start = ContinuousClock.now
        do {
            let published = try await publisher.publish(event)
            metrics.record(event.eventType, .acked, duration: .now - start)
            logger.info(
                "published order event",
                metadata: ["kafka.partition": "\(published.partition)", "kafka.offset": "\(published.offset)"])
            return published
        } catch {
            metrics.record(event.eventType, error.kind == .rejected ? .rejected : .unavailable, duration: .now - start)
            logger.warning("could not publish order event", error: error, metadata: ["publish.failure": "\(error.kind)"])
            switch error.kind {
            case .unavailable where error.mayHaveBeenStored:
                throw .unavailable(
                    "Service Unavailable: \(error.message). The broker may still have stored the event: before repeating a "
                        + "CREATE, check GET /order-details on the Order Service (a repeated CREATE of a stored order is "
                        + "dead-lettered as a duplicate, never applied twice); repeating an UPDATE is harmless.",
                    details: [("eventStored", .string("unknown"))])
            case .unavailable:
                throw .unavailable(
                    "Service Unavailable: \(error.message). The event was not stored. Retry later.",
                    details: [("eventStored", .string("no"))])
            case .rejected: throw APIError(.internalServerError, errors: ["Internal error: \(error.message)"])
            }
        }
    }
}

extension PublishedEvent {
    var json: JSONText {
        .object([("topic", .string(topic)), ("partition", .int(partition)), ("offset", .int(offset))])
    }
}
