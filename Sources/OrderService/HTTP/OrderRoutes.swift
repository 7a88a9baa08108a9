import Foundation
import Hummingbird
import JSONOutput
import Logging
import NIOCore
import OrderEvents
import ServiceSupport

/// The Order Service's HTTP API (seed section 8): orders from the store, dead letters from the
/// dead-letter topic, the consumer's health.
struct OrderRoutes<Context: RequestContext>: Sendable {
    let store: any OrderStore
    let deadLetters: DeadLetterIndex
    let status: ConsumerStatusBoard
    let topic: String
    let deadLetterTopic: String
    let maximumPageSize: Int
    /// `nil` when the service runs without Kafka (route tests): replays answer 503.
    let replayer: DeadLetterReplayer?
    /// Largest `POST /dlq/replay` body.
    static var maximumReplayBodySize: Int { 64 * 1024 }

    /// Queries and dead-letter reads need the reader role; anything that is not a read (a replay or
    /// another admin endpoint to come) needs admin; health and the API description stay open.
    static var accessPolicy: AccessPolicy {
        AccessPolicy { method, path in
            if AccessRequirement.openPaths.contains(path) { return .open }
            return method == .get || method == .head ? .role(.reader) : .role(.admin)
        }
    }

    func register(on router: Router<Context>) {
        router.get("/order-details", use: orderDetails)
        router.get("/getAllOrderIdsFromTopic", use: allOrderIDs)
        router.get("/dlq/stats", use: deadLetterStatistics)
        router.get("/dlq/messages", use: deadLetterMessages)
        router.post("/dlq/replay", use: replayDeadLetters)
        router.get("/health", use: health)
        router.get("/openapi.json", use: openAPI)
    }

    @Sendable func orderDetails(_ request: Request, context: Context) async throws -> Response {
        guard let text = request.uri.queryParameters.get("orderId") else {
            throw APIError.badRequest(["Missing required field: 'orderId'"])
        }
        let problems = OrderID.problems(in: text)
        guard problems.isEmpty else { throw APIError.badRequest(problems) }
        let id = OrderID(rawValue: text)
        guard let stored = try await read({ () async throws(OrderStoreError) in try await store.order(id) }, context: context) else {
            throw APIError.notFound("Order '\(text)' not found")
        }
        return .json(stored.json)
    }

    @Sendable func allOrderIDs(_ request: Request, context: Context) async throws -> Response {
        var query = QueryReader(request)
        let topic = query.parameters.get("topic") ?? self.topic
        let limit = query.integer("limit", default: nil, range: 1...Int.max).map { min($0, maximumPageSize) }
        let offset = query.integer("offset", default: 0, range: 0...Int.max) ?? 0
        try query.check()
        let (ids, total) = try await read(
            { () async throws(OrderStoreError) in
                let ids = try await store.orderIDs(topic: topic, limit: limit ?? -1, offset: offset)
                return (ids, try await store.orderCount(topic: topic))
            }, context: context)
        var members: [(String, JSONText)] = [
            ("topic", .string(topic)),
            ("orderIds", .array(ids.map { JSONText.string($0.rawValue) })),
            ("count", .int(ids.count)),
            ("total", .int(total)),
            ("offset", .int(offset)),
        ]
        if let limit { members.append(("limit", .int(limit))) }
        return .json(.object(members))
    }

    @Sendable func deadLetterStatistics(_ request: Request, context: Context) async throws -> Response {
        let (total, categories) = deadLetters.statistics
        return .json(
            .object([
                ("total_messages", .int(total)),
                ("error_categories", .object(categories.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
                ("topic", .string(deadLetterTopic)),
            ]))
    }

    @Sendable func deadLetterMessages(_ request: Request, context: Context) async throws -> Response {
        var query = QueryReader(request)
        let limit = min(query.integer("limit", default: 10, range: 1...Int.max) ?? 10, maximumPageSize)
        let offset = query.integer("offset", default: 0, range: 0...Int.max) ?? 0
        try query.check()
        let (letters, total) = deadLetters.page(limit: limit, offset: offset)
        let replays = try await read(
            { () async throws(OrderStoreError) in try await store.replays(deadLetterTopic: deadLetterTopic) }, context: context)
        return .json(
            .object([
                ("messages", .array(letters.map { $0.json(replay: replays[$0.position]) })),
                ("count", .int(letters.count)),
                ("total", .int(total)),
                ("limit", .int(limit)),
                ("offset", .int(offset)),
            ]))
    }

    /// Replays dead letters; see ``DeadLetterReplayer`` for the at-most-once rule.
    @Sendable func replayDeadLetters(_ request: Request, context: Context) async throws -> Response {
        let replayRequest = try ReplayRequest.validate(try await request.jsonObject(maximumSize: Self.maximumReplayBodySize))
        guard let replayer else { throw APIError.unavailable("Dead-letter replay is not available in this process") }
        do {
            return .json(try await replayer.replay(replayRequest).json)
        } catch {
            context.logger.warning("dead-letter replay refused", error: error)
            throw APIError.unavailable(error.description)
        }
    }

    @Sendable func health(_ request: Request, context: Context) async throws -> Response {
        let snapshot = status.snapshot(deadLetterReaderCaughtUp: deadLetters.isCaughtUp)
        var orders: JSONText = .null
        var storeProblem: String?
        do {
            orders = .int(try await store.orderCount())
        } catch {
            storeProblem = error.reason
            context.logger.warning("health: the order store cannot be read", error: error)
        }
        let healthy = !snapshot.isStuck && storeProblem == nil
        return .json(
            HealthReport(snapshot: snapshot, orders: orders, storeProblem: storeProblem, isHealthy: healthy).json,
            status: healthy ? .ok : .serviceUnavailable)
    }

    @Sendable func openAPI(_ request: Request, context: Context) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: OrderOpenAPI.document)))
    }

    /// Runs a store read; an unavailable store answers 503, not a silent 500.
    private func read<T>(_ body: () async throws(OrderStoreError) -> T, context: Context) async throws(APIError) -> T {
        do {
            return try await body()
        } catch {
            context.logger.warning("the order store cannot be read", error: error)
            switch error.code {
            case .unavailable: throw .unavailable("Order store unavailable: \(error.reason). Retry later.")
            default: throw APIError(.internalServerError, errors: ["Internal error: \(error.reason)"])
            }
        }
    }
}
