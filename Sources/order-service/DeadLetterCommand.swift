import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// `order-service dlq list|show|replay`: the operator's form of the `/dlq/*` API, over HTTP, so that
/// it works against any running instance and goes through the same access control (an admin key to
/// replay, a reader key to look).
struct DeadLetterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dlq", abstract: "Look at and replay dead letters of a running Order Service.",
        subcommands: [List.self, Show.self, Replay.self])

    struct Connection: ParsableArguments {
        @Option(help: "Order Service base URL (env ORDER_SERVICE_URL).")
        var url = ProcessInfo.processInfo.environment["ORDER_SERVICE_URL"] ?? "http://127.0.0.1:8001"
        @Option(name: .customLong("api-key"), help: "API key sent as X-API-Key (env ORDER_SERVICE_API_KEY).")
        var apiKey: String?

        /// Sends the request and returns the JSON body; a non-2xx answer fails with the service's errors.
        func call(_ method: HTTPMethod, _ path: String, body: Data? = nil) async throws -> Any {
            var request = HTTPClientRequest(url: url.trimmingCharacters(in: ["/"]) + path)
            request.method = method
            if let key = apiKey ?? ProcessInfo.processInfo.environment["ORDER_SERVICE_API_KEY"] {
                request.headers.add(name: "X-API-Key", value: key)
            }
            if let body {
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(bytes: body))
            }
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(120))
            let bytes = try await response.body.collect(upTo: 64 << 20)
            let json = try? JSONSerialization.jsonObject(with: Data(buffer: bytes))
            guard (200..<300).contains(response.status.code) else {
                let errors = (json as? [String: Any])?["errors"] as? [String] ?? [String(buffer: bytes)]
                throw ValidationError("\(response.status.code) from \(path): \(errors.joined(separator: "; "))")
            }
            return json ?? [:]
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Dead letters in topic order, with their replay state.")
        @OptionGroup var connection: Connection
        @Option(help: "At most this many.") var limit = 100
        @Option(help: "Skip this many.") var offset = 0

        func run() async throws {
            printJSON(try await connection.call(.GET, "/dlq/messages?limit=\(limit)&offset=\(offset)"))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The dead letter at this offset of the dead-letter topic.")
        @OptionGroup var connection: Connection
        @Argument(help: "Its offset in the dead-letter topic (dlq_offset).") var dlqOffset: Int

        func run() async throws {
            var page = 0
            while true {
                let answer = try await connection.call(.GET, "/dlq/messages?limit=1000&offset=\(page)") as? [String: Any]
                let messages = answer?["messages"] as? [[String: Any]] ?? []
                if let letter = messages.first(where: { $0["dlq_offset"] as? Int == dlqOffset }) { return printJSON(letter) }
                guard !messages.isEmpty else { throw ValidationError("no dead letter at offset \(dlqOffset)") }
                page += messages.count
            }
        }
    }

    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replays dead letters to their original topic; each once unless --force.")
        @OptionGroup var connection: Connection
        @Option(help: "Offsets in the dead-letter topic, comma-separated.") var offsets: String?
        @Option(help: "Only letters of this category.") var category: String?
        @Option(name: .customLong("order-id"), help: "Only letters of this order.") var orderId: String?
        @Option(name: .customLong("from"), help: "From this offset of the dead-letter topic.") var fromOffset: Int?
        @Option(name: .customLong("to"), help: "To this offset, inclusive.") var toOffset: Int?
        @Flag(help: "Say what would be replayed; produce nothing.") var dryRun = false
        @Flag(help: "Replay letters replayed (or started) before.") var force = false

        func run() async throws {
            var body: [String: Any] = ["dryRun": dryRun, "force": force]
            if let offsets {
                let numbers = offsets.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard !numbers.isEmpty, numbers.allSatisfy({ $0 != nil }) else {
                    throw ValidationError("--offsets takes integers separated by commas, e.g. 1,2,5; not '\(offsets)'")
                }
                body["dlqOffsets"] = numbers.compactMap { $0 }
            }
            body["category"] = category
            body["orderId"] = orderId
            body["fromOffset"] = fromOffset
            body["toOffset"] = toOffset
            let data = try JSONSerialization.data(withJSONObject: body)
            printJSON(try await connection.call(.POST, "/dlq/replay", body: data))
        }
    }
}

private func printJSON(_ value: Any) {
    let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? JSONSerialization.data(withJSONObject: value, options: options) else { return print(value) }
    print(String(decoding: data, as: UTF8.self))
}
