import Foundation
import PlatformTestSupport
import Testing
import TestSupport

/// One order followed through the real binaries with traces exported to an OTLP/HTTP receiver, as a
/// collector would get them: the Cart Service's request span, its producer span, and the Order Service's
/// spans of the same trace; the record and its dead letter carrying the W3C `traceparent` that
/// confluent-kafka-python reads; the log lines carrying `trace_id`.
@Suite(.serialized, .timeLimit(.minutes(3))) struct TracingTests {
    static var traceParent: Regex<(Substring, Substring, Substring)> { #/^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/# }

    @Test func oneOrderIsOneTraceFromTheRequestToTheStore() async throws {
        let receiver = try await OTLPReceiver.start()
        var options = RunningSystem.Options()
        // Export each batch after 100 ms rather than swift-otel's default 5 s.
        options.sharedSettings = ["OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint, "OTEL_BSP_SCHEDULE_DELAY": "100"]
        let system: RunningSystem
        do {
            system = try await RunningSystem.start(options)
        } catch {
            await receiver.stop()
            throw error
        }
        do {
            try await checkOneOrder(system, receiver)
        } catch {
            Issue.record("logs:\n\(system.logs())")
            await system.stop()
            await receiver.stop()
            throw error
        }
        await system.stop()
        await receiver.stop()
    }

    private func checkOneOrder(_ system: RunningSystem, _ receiver: OTLPReceiver) async throws {
        let created = try await system.cart.post("/create-order", json: #"{"orderId": "TRACE-1", "itemsCount": 2}"#)
        #expect(created.status == 201, "\(created.body)")
        let event = try #require(created.json["event"] as? [String: Any])
        let offset = try #require(event["offset"] as? Int)
        _ = try await system.waitForOrder("TRACE-1")

        let (request, send) = try await receiver.waitFor("the Cart Service's spans of TRACE-1") { spans in
            spans.lazy.compactMap { send -> (ReceivedSpan, ReceivedSpan)? in
                guard send.service == "cart-service", send.name == "send order-events",
                    send.attributes["order.id"] == "TRACE-1", send.attributes["messaging.kafka.offset"] == "\(offset)",
                    let request = spans.first(where: { $0.spanID == send.parentSpanID })
                else { return nil }
                return (request, send)
            }.first
        }
        #expect(request.name == "/create-order")
        #expect(request.kind == .server)
        #expect(request.attributes["http.response.status_code"] == "201")
        #expect(send.kind == .producer)
        #expect(send.traceID == request.traceID)

        let orderSpans = try await receiver.waitFor("the Order Service's spans of TRACE-1's trace") { spans in
            let mine = spans.filter { $0.service == "order-service" && $0.traceID == send.traceID }
            let names = Set(mine.map(\.name))
            return names.isSuperset(of: ["decode order event", "apply order event"]) ? mine : nil
        }
        for span in orderSpans {
            #expect(span.parentSpanID == send.spanID, "\(span.name) continues the producer's span")
        }
        #expect(orderSpans.first { $0.name == "decode order event" }?.kind == .consumer)
        #expect(orderSpans.first { $0.name == "apply order event" }?.attributes["order.result"] == "applied")
        let commit = try await receiver.waitFor("a commit span linked to TRACE-1's record") { spans in
            spans.first { span in
                span.service == "order-service" && span.name == "commit order batch"
                    && span.links.contains { $0.traceID == send.traceID && $0.spanID == send.spanID }
            }
        }
        #expect(commit.traceID != send.traceID, "a commit is a trace of its own, linked to each record's")

        try await checkHeadersAndDeadLetter(system, receiver, send: send, offset: offset)
    }

    /// The record carries the producer span's context; a duplicate CREATE's dead letter carries its own
    /// record's `traceparent` unchanged; the log lines of both services name the traces.
    private func checkHeadersAndDeadLetter(
        _ system: RunningSystem, _ receiver: OTLPReceiver, send: ReceivedSpan, offset: Int
    ) async throws {
        let duplicate = try await system.cart.post("/create-order", json: #"{"orderId": "TRACE-1", "itemsCount": 3}"#)
        #expect(duplicate.status == 201, "\(duplicate.body)")
        _ = try await system.waitForDeadLetter(about: "TRACE-1")

        let records = try await Self.readRecords(bootstrap: system.broker.bootstrapServers)
        let original = try #require(records.first { $0.topic == "order-events" && $0.key == "TRACE-1" && $0.offset == offset })
        let header = try #require(original.headers["traceparent"], "the record has a traceparent header")
        let match = try #require(header.wholeMatch(of: Self.traceParent), "a valid W3C traceparent: \(header)")
        #expect(String(match.1) == send.traceID)
        #expect(String(match.2) == send.spanID)

        let second = try #require(records.first { $0.topic == "order-events" && $0.key == "TRACE-1" && $0.offset != offset })
        let letter = try #require(records.first { $0.topic == "order-events-dlq" && $0.key == "TRACE-1" })
        let secondHeader = try #require(second.headers["traceparent"])
        #expect(letter.headers["traceparent"] == secondHeader, "the dead letter keeps its record's traceparent")
        #expect(letter.headers["error_category"] == "NO_RETRY_DLQ")
        #expect(secondHeader != header, "each request is a trace of its own")

        let secondTrace = String(try #require(secondHeader.wholeMatch(of: Self.traceParent)).1)
        try await waitUntil("log lines with the traces' ids", timeout: .seconds(30), pollEvery: .milliseconds(100)) {
            let cartLog = (try? String(contentsOf: system.cartService.logFile, encoding: .utf8)) ?? ""
            let orderLog = (try? String(contentsOf: system.orderService.logFile, encoding: .utf8)) ?? ""
            return cartLog.split(separator: "\n").contains {
                $0.contains("published order event") && $0.contains("trace_id=\(send.traceID)")
            }
                && orderLog.split(separator: "\n").contains {
                    $0.contains("record dead-lettered") && $0.contains("trace_id=\(secondTrace)")
                }
        }
    }

    struct Record: Sendable {
        var topic: String
        var offset: Int
        var key: String
        var headers: [String: String]
    }

    /// Every record of `order-events` and `order-events-dlq` with its headers, as confluent-kafka-python reads them.
    static func readRecords(bootstrap: String) async throws -> [Record] {
        let script = """
            import json, sys
            from confluent_kafka import Consumer, TopicPartition
            consumer = Consumer({"bootstrap.servers": sys.argv[1], "group.id": "trace-check", "enable.auto.commit": False})
            consumer.assign([TopicPartition("order-events", p, 0) for p in range(3)] + [TopicPartition("order-events-dlq", 0, 0)])
            records, idle = [], 0
            while idle < 10:
                message = consumer.poll(0.2)
                if message is None or message.error():
                    idle += 1
                    continue
                idle = 0
                headers = {k: v.decode() for k, v in (message.headers() or []) if v is not None}
                records.append({"topic": message.topic(), "offset": message.offset(),
                    "key": (message.key() or b"").decode(), "headers": headers})
            print(json.dumps(records))
            """
        let result = try await runPython(script: script, arguments: [bootstrap], timeout: .seconds(90))
        guard result.status == 0 else { throw TestSupportError(description: "python failed: \(result.stderrText)") }
        let objects = (try JSONSerialization.jsonObject(with: result.stdout) as? [[String: Any]]) ?? []
        return objects.map {
            Record(
                topic: $0["topic"] as? String ?? "", offset: $0["offset"] as? Int ?? -1, key: $0["key"] as? String ?? "",
                headers: $0["headers"] as? [String: String] ?? [:])
        }
    }
}
