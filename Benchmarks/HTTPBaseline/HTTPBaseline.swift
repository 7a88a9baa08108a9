import Foundation
import Hummingbird

/// `http-baseline PORT`: the HTTP ceiling of this machine for the Cart Service's create-order path.
///
/// A bare Hummingbird server whose `POST /create-order` decodes the same JSON body and answers 201
/// with a small JSON object, without validation, Avro or Kafka. `scripts/system/bench.sh` loads it
/// as it loads the Cart Service, so the ratio between the two is what the rest of the path costs.
@main
struct HTTPBaseline {
    struct CreateOrder: Decodable {
        let orderId: String
        let itemsCount: Int
    }

    static func main() async throws {
        let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 8090
        let router = Router()
        router.post("/create-order") { request, context -> Response in
            let body = try await request.decode(as: CreateOrder.self, context: context)
            let text = #"{"message":"accepted","orderId":"\#(body.orderId)","itemsCount":\#(body.itemsCount)}"#
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(status: .created, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
        try await app.runService()
    }
}
