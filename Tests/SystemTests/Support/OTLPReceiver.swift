import Foundation
import TestSupport

/// A span as an OTLP collector received it, decoded by opentelemetry-proto (`scripts/otlp/receiver.py`).
struct ReceivedSpan: Sendable {
    /// OTLP's `Span.SpanKind` numbers.
    enum Kind: Int, Sendable {
        case unspecified = 0, `internal`, server, client, producer, consumer
    }

    var service: String
    var name: String
    var kind: Kind?
    var traceID: String
    var spanID: String
    /// Empty for a root span.
    var parentSpanID: String
    var attributes: [String: String]
    var links: [(traceID: String, spanID: String)]

    init?(json line: Substring) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let name = object["name"] as? String, let traceID = object["trace_id"] as? String,
            let spanID = object["span_id"] as? String
        else { return nil }
        self.service = object["service"] as? String ?? ""
        self.name = name
        self.kind = (object["kind"] as? Int).flatMap(Kind.init(rawValue:))
        self.traceID = traceID
        self.spanID = spanID
        self.parentSpanID = object["parent_span_id"] as? String ?? ""
        self.attributes = (object["attributes"] as? [String: Any] ?? [:]).mapValues { "\($0)" }
        self.links = (object["links"] as? [[String: String]] ?? []).map { ($0["trace_id"] ?? "", $0["span_id"] ?? "") }
    }
}

/// The OTLP/HTTP receiver of the tracing tests as a process of its own on a free port: the services
/// export to it as they would to a collector.
final class OTLPReceiver: Sendable {
    let process: ManagedProcess
    let port: Int
    let spansFile: URL

    /// What `OTEL_EXPORTER_OTLP_ENDPOINT` is set to.
    var endpoint: String { "http://127.0.0.1:\(port)" }

    private init(process: ManagedProcess, port: Int, spansFile: URL) {
        self.process = process
        self.port = port
        self.spansFile = spansFile
    }

    /// Starts the receiver and returns once it says that it listens.
    static func start() async throws -> OTLPReceiver {
        let port = try freePort()
        let spansFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("order-platform-tests/spans-\(UUID().uuidString.prefix(8)).jsonl")
        let script = ProjectPaths.root.appendingPathComponent("scripts/otlp/receiver.py")
        let process = ManagedProcess(
            executable: ProjectPaths.python, arguments: [script.path, "\(port)", spansFile.path], logName: "otlp-receiver")
        try process.start()
        do {
            try await waitUntil("the OTLP receiver on port \(port)", timeout: .seconds(30)) {
                guard process.isRunning else { throw TestSupportError(description: "otlp receiver exited:\n\(process.logTail())") }
                let log = (try? String(contentsOf: process.logFile, encoding: .utf8)) ?? ""
                return log.contains("listening on 127.0.0.1:\(port)")
            }
        } catch {
            await process.stop()
            throw error
        }
        return OTLPReceiver(process: process, port: port, spansFile: spansFile)
    }

    /// Every span received so far.
    func spans() -> [ReceivedSpan] {
        let text = (try? String(contentsOf: spansFile, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap(ReceivedSpan.init(json:))
    }

    /// Polls the received spans until `find` finds what it looks for (exports come in batches, later).
    func waitFor<T>(_ what: String, _ find: ([ReceivedSpan]) -> T?) async throws -> T {
        do {
            return try await eventually(what, timeout: .seconds(30), pollEvery: .milliseconds(100)) { find(spans()) }
        } catch {
            let names = spans().map { "\($0.service) \($0.name) \($0.traceID)/\($0.spanID) <- \($0.parentSpanID)" }
            throw TestSupportError(description: "\(error); received:\n\(names.joined(separator: "\n"))")
        }
    }

    func stop() async {
        await process.stop()
        try? FileManager.default.removeItem(at: spansFile)
    }
}
