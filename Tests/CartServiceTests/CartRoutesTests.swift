import CartService
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import OrderEvents
import Testing

/// The HTTP contract of the Cart Service, in process, with a recording publisher instead of Kafka.
@Suite struct CartRoutesTests {
    let publisher = RecordingPublisher()
    let app: any ApplicationProtocol

    init() {
        app = buildCartApplication(
            configuration: CartServiceConfiguration(), publisher: publisher, logger: Logger(label: "test"))
    }

    private func send(
        _ method: HTTPRequest.Method, _ path: String, body: String? = nil, contentType: String = "application/json"
    ) async throws -> (status: HTTPResponse.Status, json: [String: Any], headers: HTTPFields) {
        try await app.test(.router) { client in
            var headers = HTTPFields()
            headers[.contentType] = contentType
            return try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) {
                response in
                let json = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any]
                return (response.status, json ?? [:], response.headers)
            }
        }
    }

    @Test func createOrderPublishesAGeneratedOrder() async throws {
        let (status, json, _) = try await send(.post, "/create-order", body: #"{"orderId": "ORDER-001", "itemsCount": 3}"#)
        #expect(status == .created)
        #expect(json["message"] as? String == "Order creation event published successfully")
        let order = try #require(json["order"] as? [String: Any])
        #expect(order["orderId"] as? String == "ORDER-001")
        #expect(order["status"] as? String == "new")
        #expect(order["currency"] as? String == "USD")
        let items = try #require(order["items"] as? [[String: Any]])
        #expect(items.count == 3)
        for item in items { #expect((1...5).contains(item["quantity"] as? Int ?? 0)) }
        let event = try #require(json["event"] as? [String: Any])
        #expect(event["topic"] as? String == "order-events")

        let published = try #require(publisher.events.first)
        let payload = try #require(published.createPayload, "published \(published.payload), not a CREATE")
        #expect(published.orderId.rawValue == "ORDER-001")
        // The request's id travels in the event (schema version 2), to follow it back to its log lines.
        #expect(published.requestId?.isEmpty == false)
        #expect(payload.items.count == 3)
        // Summed here, not by Order.total(of:), the code under test; the items are random, so the sum is too.
        let expectedTotal = payload.items.reduce(Decimal(0)) { $0 + Decimal(Int($1.quantity)) * $1.price }
        #expect(payload.totalAmount == expectedTotal)
        #expect(payload.status == "new")
    }

    @Test func createOrderAcceptsTheClientsOwnItems() async throws {
        let body =
            #"{"orderId": "O-2", "customerId": "CUST-9", "items": [{"itemId": "A", "quantity": 3, "price": 0.10}, {"itemId": "B", "quantity": 1, "price": 0.20}]}"#
        let (status, json, _) = try await send(.post, "/create-order", body: body)
        #expect(status == .created)
        let order = try #require(json["order"] as? [String: Any])
        #expect(order["customerId"] as? String == "CUST-9")
        let published = try #require(publisher.events.first)
        let payload = try #require(published.createPayload, "published \(published.payload), not a CREATE")
        #expect(payload.items.map(\.itemId) == ["A", "B"])
        #expect(payload.totalAmount == Decimal(string: "0.50"))  // 3 × 0.10 + 1 × 0.20, exactly
    }

    @Test(arguments: [
        (#"{"itemsCount": 3}"#, ["Missing required field: 'orderId'"]),
        (#"{"orderId": "A"}"#, ["Missing required field: 'itemsCount'"]),
        (#"{}"#, ["Missing required field: 'orderId'", "Missing required field: 'itemsCount'"]),
        (#"{"orderId": "ORDER-999", "itemsCount": -1}"#, ["itemsCount must be positive"]),
        (#"{"orderId": "ORDER-999", "itemsCount": 0}"#, ["itemsCount must be positive"]),
        (#"{"orderId": "ORDER-999", "itemsCount": 101}"#, ["itemsCount must be at most 100"]),
        (#"{"orderId": "A", "itemsCount": "3"}"#, ["Type error: Field 'itemsCount' must be an integer"]),
        (#"{"orderId": "A", "itemsCount": 2.5}"#, ["Type error: Field 'itemsCount' must be an integer"]),
        (
            #"{"orderId": 7, "itemsCount": true}"#,
            ["Type error: Field 'orderId' must be a string", "Type error: Field 'itemsCount' must be an integer"]
        ),
        (#"{"orderId": "  ", "itemsCount": 1}"#, ["orderId cannot be empty"]),
        (#"{"orderId": "A B", "itemsCount": 1}"#, ["orderId may contain only letters, digits and - _ . :"]),
        (
            #"{"orderId": "A", "itemsCount": 2, "items": [{"itemId": "X", "quantity": 1, "price": 1.00}]}"#,
            ["itemsCount (2) does not match the number of items (1)"]
        ),
        (
            #"{"orderId": "A", "items": [{"itemId": "X", "quantity": 0, "price": 1.001}]}"#,
            ["items[0].quantity must be between 1 and 1000", "items[0].price must have at most two decimals"]
        ),
        (
            #"{"orderId": "A", "items": [{"quantity": 1, "price": -1}]}"#,
            ["Missing required field: 'items[0].itemId'", "items[0].price must be greater than 0 and at most 1000000.00"]
        ),
        (#"{"orderId": "A", "items": []}"#, ["items must not be empty"]),
    ])
    func createOrderRejectsInvalidBodies(body: String, errors: [String]) async throws {
        let (status, json, _) = try await send(.post, "/create-order", body: body)
        #expect(status == .badRequest)
        #expect(json["errors"] as? [String] == errors)
        #expect(publisher.events.isEmpty)
    }

    @Test func updateOrderPublishesTheStatus() async throws {
        let (status, json, _) = try await send(.put, "/update-order", body: #"{"orderId": "ORDER-001", "status": "Confirmed"}"#)
        #expect(status == .ok)
        #expect(json["message"] as? String == "Order status update event published successfully")
        let update = try #require(json["update"] as? [String: String])
        #expect(update == ["orderId": "ORDER-001", "status": "confirmed"])
        let published = try #require(publisher.events.first)
        let payload = try #require(published.updatePayload, "published \(published.payload), not an UPDATE")
        #expect(published.orderId.rawValue == "ORDER-001")
        #expect(payload.status == "confirmed")
    }

    @Test(arguments: [
        (#"{"orderId": "ORDER-001", "status": "new"}"#, ["status='new' is reserved for creation. Use 'pending', 'confirmed', etc."]),
        (#"{"orderId": "ORDER-001", "status": ""}"#, ["status cannot be empty"]),
        (#"{"orderId": "", "status": "shipped"}"#, ["orderId cannot be empty"]),
        (
            #"{"orderId": "X", "status": "lost"}"#,
            ["Unknown status 'lost'. Allowed: pending, confirmed, processing, shipped, delivered, cancelled"]
        ),
        (#"{"status": 3}"#, ["Missing required field: 'orderId'", "Type error: Field 'status' must be a string"]),
    ])
    func updateOrderRejectsInvalidBodies(body: String, errors: [String]) async throws {
        let (status, json, _) = try await send(.put, "/update-order", body: body)
        #expect(status == .badRequest)
        #expect(json["errors"] as? [String] == errors)
        #expect(publisher.events.isEmpty)
    }

    @Test(arguments: [
        ("{", HTTPResponse.Status.badRequest, "application/json"),
        ("[1, 2]", .badRequest, "application/json"),
        ("\"text\"", .badRequest, "application/json"),
        ("orderId=A", .unsupportedMediaType, "application/x-www-form-urlencoded"),
        (String(repeating: " ", count: 70_000) + "{}", .contentTooLarge, "application/json"),
    ])
    func malformedBodiesGetAnErrorList(body: String, expected: HTTPResponse.Status, contentType: String) async throws {
        let (status, json, _) = try await send(.post, "/create-order", body: body, contentType: contentType)
        #expect(status == expected)
        #expect((json["errors"] as? [String])?.isEmpty == false)
    }

    /// Found by schemathesis: `null` members count as absent, and a number beyond `Decimal`'s range is
    /// still valid JSON (the field it is in gets its own message, or none when the field is unknown).
    @Test func nullMembersAndExtremeNumbersAreJudgedFieldByField() async throws {
        let (nullStatus, nullJSON, _) = try await send(.post, "/create-order", body: #"{"orderId": "X", "items": null}"#)
        #expect(nullStatus == .badRequest)
        #expect(nullJSON["errors"] as? [String] == ["Missing required field: 'itemsCount'"])
        let (tinyStatus, _, _) = try await send(.post, "/create-order", body: #"{"orderId": "X", "itemsCount": 1, "note": 1e-300}"#)
        #expect(tinyStatus == .created)
        #expect(publisher.events.count == 1)
    }

    @Test func unknownRoutesAnswer404WithAnErrorList() async throws {
        let (status, json, _) = try await send(.get, "/nowhere")
        #expect(status == .notFound)
        #expect(json["errors"] as? [String] == ["No route for GET /nowhere"])
    }

    @Test func unreachableBrokerAnswers503WithRetryAfter() async throws {
        publisher.fail(with: PublishError(.unavailable, "Kafka broker unreachable"))
        let (status, json, headers) = try await send(.post, "/create-order", body: #"{"orderId": "A", "itemsCount": 1}"#)
        #expect(status == .serviceUnavailable)
        #expect(headers[.retryAfter] == "5")
        #expect((json["errors"] as? [String])?.first?.contains("Kafka broker unreachable") == true)
        #expect(json["eventStored"] as? String == "no")
    }

    /// No acknowledgement came in time, but the broker may have stored the event: the client is told, so
    /// that it checks before repeating a CREATE.
    @Test func unacknowledgedEventAnswers503SayingItMayBeStored() async throws {
        publisher.fail(with: PublishError(.unavailable, "Kafka: Local: Message timed out", mayHaveBeenStored: true))
        let (status, json, headers) = try await send(.post, "/create-order", body: #"{"orderId": "A", "itemsCount": 1}"#)
        #expect(status == .serviceUnavailable)
        #expect(headers[.retryAfter] == "5")
        #expect(json["eventStored"] as? String == "unknown")
        #expect((json["errors"] as? [String])?.first?.contains("check GET /order-details") == true)
    }

    @Test func rejectedEventAnswers500() async throws {
        publisher.fail(with: PublishError(.rejected, "record too large"))
        let (status, json, _) = try await send(.put, "/update-order", body: #"{"orderId": "A", "status": "shipped"}"#)
        #expect(status == .internalServerError)
        #expect(json["errors"] as? [String] == ["Internal error: record too large"])
    }

    @Test func healthFollowsTheBroker() async throws {
        let (okStatus, okJSON, _) = try await send(.get, "/health")
        #expect(okStatus == .ok)
        #expect(okJSON["status"] as? String == "healthy")
        #expect(okJSON["kafka"] as? String == "connected")
        publisher.setReachable(false)
        let (downStatus, downJSON, _) = try await send(.get, "/health")
        #expect(downStatus == .serviceUnavailable)
        #expect(downJSON["kafka"] as? String == "disconnected")
        publisher.setReachable(true)
        publisher.setReady(false)
        let (pendingStatus, pendingJSON, _) = try await send(.get, "/health")
        #expect(pendingStatus == .serviceUnavailable)
        #expect(pendingJSON["kafka"] as? String == "connected")
        #expect(pendingJSON["schema"] as? String == "pending")
    }
}
