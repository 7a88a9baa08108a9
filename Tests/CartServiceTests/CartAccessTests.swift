import CartService
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PlatformTestSupport
import ServiceSupport
import Testing

/// Who may publish: with API keys and tokens configured, the Cart Service publishes for the writer
/// and admin roles only, answers 401 or 403 otherwise, and publishes nothing for a refused request.
@Suite struct CartAccessTests {
    let publisher = RecordingPublisher()
    static let createBody = #"{"orderId": "ORDER-001", "itemsCount": 1}"#

    func app(rateLimiter: RateLimiter? = nil, authenticated: Bool = true) async throws -> some ApplicationProtocol {
        buildCartApplication(
            configuration: CartServiceConfiguration(), publisher: publisher,
            access: authenticated
                ? try await TestCredentials.accessControl(realm: CartService.realm) : AccessControl(realm: CartService.realm),
            rateLimiter: rateLimiter, logger: Logger(label: "test"))
    }

    struct Answer {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let errors: [String]

        func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { headers[$0] } }
    }

    static func send(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method = .post, _ path: String = "/create-order",
        body: String? = createBody, headers: [(String, String)] = []
    ) async throws -> Answer {
        var fields: HTTPFields = [.contentType: "application/json"]
        for (name, value) in headers { fields.append(HTTPField(name: try #require(HTTPField.Name(name)), value: value)) }
        return try await client.execute(uri: path, method: method, headers: fields, body: body.map { ByteBuffer(string: $0) }) { response in
            let json = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any]
            return Answer(status: response.status, headers: response.headers, errors: json?["errors"] as? [String] ?? [])
        }
    }

    @Test(arguments: [
        [("Authorization", "Bearer \(TestCredentials.writerKey)")],
        [("X-API-Key", TestCredentials.writerKey)],
        [("authorization", "bearer \(TestCredentials.adminKey)")],
    ])
    func writersAndAdminsPublish(headers: [(String, String)]) async throws {
        let answers = try await app().test(.router) { client in
            [
                try await Self.send(client, headers: headers),
                try await Self.send(
                    client, .put, "/update-order", body: #"{"orderId": "ORDER-001", "status": "confirmed"}"#, headers: headers),
            ]
        }
        #expect(answers.map(\.status) == [.created, .ok])
        #expect(publisher.events.count == 2)
    }

    @Test func aTokenWithTheWriteScopePublishes() async throws {
        let token = try await TestTokens.hs256(.valid(scope: "orders:write"))
        let answer = try await app().test(.router) { client in try await Self.send(client, headers: [("Authorization", "Bearer \(token)")])
        }
        #expect(answer.status == .created)
        #expect(publisher.events.count == 1)
    }

    @Test func noCredentialsAnswer401WithAChallengeAndPublishNothing() async throws {
        let answer = try await app().test(.router) { client in try await Self.send(client) }
        #expect(answer.status == .unauthorized)
        #expect(answer.headers[values: .wwwAuthenticate] == [#"Bearer realm="cart-service""#])
        #expect(answer.errors == ["Authentication required: send an API key or a bearer token"])
        #expect(publisher.events.isEmpty)
    }

    @Test func aReaderIsForbiddenToPublish() async throws {
        let answer = try await app().test(.router) { client in
            try await Self.send(client, headers: [("X-API-Key", TestCredentials.readerKey)])
        }
        #expect(answer.status == .forbidden)
        #expect(answer.errors == ["Forbidden: POST /create-order needs the writer role; these credentials grant reader"])
        #expect(answer.headers[values: .wwwAuthenticate].isEmpty)
        #expect(publisher.events.isEmpty)
    }

    @Test(arguments: [
        ("Bearer", "Malformed credentials: Authorization: Bearer needs a token"),
        ("Bearer ", "Malformed credentials: Authorization: Bearer needs a token"),
        ("Basic %%%", "Malformed credentials: Authorization: Basic is not base64 of UTF-8 text"),
        (
            "Basic \(Data("cart:\(TestCredentials.writerKey)".utf8).base64EncodedString())",
            "Malformed credentials: Basic is not accepted here; use Bearer"
        ),
        ("Token abc", "Malformed credentials: Authorization has a scheme that is not supported; use Bearer"),
        ("Bearer not-a-known-key-0123", "Invalid credentials: unknown API key"),
        ("Bearer \(TestCredentials.writerKey)x", "Invalid credentials: unknown API key"),
    ])
    func badCredentialsAnswer401AndPublishNothing(authorization: String, message: String) async throws {
        let answer = try await app().test(.router) { client in
            try await Self.send(client, headers: [("Authorization", authorization)])
        }
        #expect(answer.status == .unauthorized)
        #expect(answer.errors == [message])
        let error = message.hasPrefix("Malformed") ? "invalid_request" : "invalid_token"
        #expect(answer.headers[values: .wwwAuthenticate] == [#"Bearer realm="cart-service", error="\#(error)""#])
        #expect(publisher.events.isEmpty)
    }

    @Test(arguments: [
        ("expired", "Invalid token: the token has expired"),
        ("wrong signature", "Invalid token: the token's signature does not verify"),
        ("wrong audience", "Invalid token: the token is not intended for this service (aud)"),
        ("reader scope", "Forbidden: POST /create-order needs the writer role; these credentials grant reader"),
    ])
    func badTokensAreRefusedAndPublishNothing(variant: String, message: String) async throws {
        let token: String
        switch variant {
        case "expired": token = try await TestTokens.hs256(.expired())
        case "wrong signature": token = try await TestTokens.hs256(.valid(), secret: "another-secret-of-at-least-32-bytes!")
        case "wrong audience":
            var claims = TestTokenClaims.valid()
            claims.aud = "billing-api"
            token = try await TestTokens.hs256(claims)
        default: token = try await TestTokens.hs256(.valid(scope: "orders:read"))
        }
        let answer = try await app().test(.router) { client in try await Self.send(client, headers: [("Authorization", "Bearer \(token)")])
        }
        #expect(answer.status == (variant == "reader scope" ? .forbidden : .unauthorized))
        #expect(answer.errors == [message])
        #expect(publisher.events.isEmpty)
    }

    @Test(arguments: ["/health", "/openapi.json"])
    func healthAndTheAPIDescriptionStayOpen(path: String) async throws {
        let answer = try await app().test(.router) { client in try await Self.send(client, .get, path, body: nil) }
        #expect(answer.status == .ok)
    }

    @Test func strangersCannotProbeForRoutes() async throws {
        let (stranger, writer) = try await app().test(.router) { client in
            (
                try await Self.send(client, .get, "/admin", body: nil),
                try await Self.send(client, .get, "/admin", body: nil, headers: [("X-API-Key", TestCredentials.writerKey)])
            )
        }
        #expect(stranger.status == .unauthorized)
        #expect(writer.status == .notFound)
    }

    @Test func aBurstOfTenTimesTheLimitPublishesOnlyTheBurst() async throws {
        let clock = ManualClock()
        let limiter = RateLimiter(rate: 1, burst: 3, clock: clock.read)
        let answers = try await app(rateLimiter: limiter).test(.router) { client in
            var answers: [Answer] = []
            for index in 0..<30 {
                answers.append(
                    try await Self.send(
                        client, body: #"{"orderId": "BURST-\#(index)", "itemsCount": 1}"#,
                        headers: [("X-API-Key", TestCredentials.writerKey)]))
            }
            return answers
        }
        #expect(answers.prefix(3).allSatisfy { $0.status == .created })
        #expect(answers.dropFirst(3).allSatisfy { $0.status == .tooManyRequests })
        #expect(publisher.events.count == 3)
        #expect(answers[0].header("RateLimit-Limit") == "3")
        let last = try #require(answers.last)
        #expect(last.headers[.retryAfter] == "1")
        #expect(last.header("RateLimit-Remaining") == "0")
        #expect(last.header("RateLimit-Reset") == "3")
        #expect(last.errors == ["Too many requests: at most 1 per second, 3 at once; retry after 1 s"])
    }

    @Test func eachCredentialHasItsOwnBucketAndTimeRefillsIt() async throws {
        let clock = ManualClock()
        let limiter = RateLimiter(rate: 1, burst: 1, clock: clock.read)
        let statuses = try await app(rateLimiter: limiter).test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for key in [TestCredentials.writerKey, TestCredentials.writerKey, TestCredentials.adminKey] {
                statuses.append(try await Self.send(client, headers: [("X-API-Key", key)]).status)
            }
            clock.advance(by: .seconds(1))
            statuses.append(try await Self.send(client, headers: [("X-API-Key", TestCredentials.writerKey)]).status)
            return statuses
        }
        #expect(statuses == [.created, .tooManyRequests, .created, .created])
    }

    @Test func refusedCredentialsAreRateLimitedToo() async throws {
        let clock = ManualClock()
        let limiter = RateLimiter(rate: 1, burst: 2, clock: clock.read)
        let statuses = try await app(rateLimiter: limiter).test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<4 { statuses.append(try await Self.send(client, headers: [("X-API-Key", "guess-0123456789abcdef")]).status) }
            return statuses
        }
        #expect(statuses == [.unauthorized, .unauthorized, .tooManyRequests, .tooManyRequests])
    }

    @Test func withoutAuthenticationTheLimitCountsPerAddress() async throws {
        let clock = ManualClock()
        let limiter = RateLimiter(rate: 1, burst: 2, clock: clock.read)
        let statuses = try await app(rateLimiter: limiter, authenticated: false).test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<3 { statuses.append(try await Self.send(client).status) }
            statuses.append(try await Self.send(client, .get, "/health", body: nil).status)
            return statuses
        }
        #expect(statuses == [.created, .created, .tooManyRequests, .ok])
        #expect(publisher.events.count == 2)
    }
}

/// Request heads past `HTTP_MAX_HEADER_BYTES`, over a real socket: the server answers 400 and closes the
/// connection before any handler runs; a head within the limit is served.
@Suite struct CartHeaderLimitTests {
    let publisher = RecordingPublisher()

    func send(headerBytes: Int) async throws -> HTTPResponse.Status {
        var configuration = CartServiceConfiguration()
        configuration.port = 0
        configuration.http.maximumHeaderBytes = 4096
        let app = buildCartApplication(configuration: configuration, publisher: publisher, logger: Logger(label: "test"))
        return try await app.test(.live) { client in
            var headers: HTTPFields = [.contentType: "application/json"]
            headers.append(HTTPField(name: try #require(HTTPField.Name("X-Padding")), value: String(repeating: "a", count: headerBytes)))
            return try await client.execute(
                uri: "/create-order", method: .post, headers: headers, body: ByteBuffer(string: CartAccessTests.createBody)
            ) { $0.status }
        }
    }

    @Test func aHeadWithinTheLimitIsServed() async throws {
        #expect(try await send(headerBytes: 3000) == .created)
        #expect(publisher.events.count == 1)
    }

    @Test func aHeadPastTheLimitAnswers400AndPublishesNothing() async throws {
        #expect(try await send(headerBytes: 5000) == .badRequest)
        #expect(publisher.events.isEmpty)
    }
}
