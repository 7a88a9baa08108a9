import Hummingbird
import JSONOutput

/// An answer that is not a success, in the seed's shape: `{"errors": ["…", …]}`.
///
/// Every failure of the Cart and Order services reaches the client as one of these, with a status
/// that tells whether to fix the request (4xx) or retry later (503). Lists every problem at once, so a
/// client fixes its request in one round.
public struct APIError: HTTPResponseError, CustomStringConvertible {
    public let status: HTTPResponse.Status
    public let errors: [String]
    public let headers: HTTPFields
    /// Members after `errors` that a client can act on without parsing the messages.
    public let details: [(String, JSONText)]

    public init(_ status: HTTPResponse.Status, errors: [String], headers: HTTPFields = [:], details: [(String, JSONText)] = []) {
        self.status = status
        self.errors = errors
        self.headers = headers
        self.details = details
    }

    /// 400: the request is invalid; the client should fix it and not retry as is.
    public static func badRequest(_ errors: [String]) -> APIError { APIError(.badRequest, errors: errors) }

    /// 404: nothing has that identity.
    public static func notFound(_ message: String) -> APIError { APIError(.notFound, errors: [message]) }

    /// 503 with `Retry-After`: a dependency (broker, registry, store) cannot be reached right now.
    public static func unavailable(_ message: String, retryAfterSeconds: Int = 5, details: [(String, JSONText)] = []) -> APIError {
        var headers = HTTPFields()
        headers[.retryAfter] = String(retryAfterSeconds)
        return APIError(.serviceUnavailable, errors: [message], headers: headers, details: details)
    }

    public var description: String { "\(status.code) \(errors.joined(separator: "; "))" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        .json(.object([("errors", .array(errors.map(JSONText.string)))] + details), status: status, headers: headers)
    }
}

extension Response {
    /// A JSON answer whose text is exactly `body` (money keeps its two decimals).
    public static func json(_ body: JSONText, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body.serialized())))
    }
}
