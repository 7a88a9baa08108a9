import Foundation
import Hummingbird
import SchemaRegistry

/// A ``RegistryError`` as Confluent answers it: the status derived from the `error_code` (40401 → 404,
/// 42201 → 422, 409 → 409, 50001 → 500) and the body `{"error_code": …, "message": …}`.
///
/// Every error the registry answers goes through here, so clients (Confluent's included) always find the
/// body they parse.
struct RegistryHTTPError: HTTPResponseError {
    let errorCode: Int
    let message: String
    let headers: HTTPFields

    init(_ error: RegistryError) {
        self.errorCode = error.errorCode ?? 50001
        self.message = error.message
        self.headers = [:]
    }

    init(errorCode: Int, message: String, headers: HTTPFields = [:]) {
        self.errorCode = errorCode
        self.message = message
        self.headers = headers
    }

    var status: HTTPResponse.Status {
        let code = errorCode >= 10_000 ? errorCode / 100 : errorCode
        return (400...599).contains(code) ? HTTPResponse.Status(code: code) : .internalServerError
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try Response.registryJSON(ErrorBody(errorCode: errorCode, message: message), status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}

extension Response {
    /// A JSON answer with Confluent's content type.
    static func registryJSON(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Response(
            status: status,
            headers: [.contentType: RegistryMediaType.v1],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}
