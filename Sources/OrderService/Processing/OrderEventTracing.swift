import Kafka
import OrderEvents
import ServiceSupport
import Tracing

/// The Order Service's spans, continuing the trace that each record's `traceparent` header carries.
///
/// A pass applies many records, of many traces, in one store transaction, so spans map to records and
/// transactions like this:
/// - `decode order event` (kind consumer): one per record, a child of the span that sent the record;
/// - `apply order event`: one per record and attempt (a transaction that fails is tried again without
///   what cannot go in), a child of the same span, made inside the transaction;
/// - `commit order batch`: one per store transaction, the root of a trace of its own, with a link to
///   each record's context (the first ``maximumLinks``): a commit belongs to every trace it holds.
///
/// With tracing off every method returns `nil` at once: no header is read and no span is made.
struct OrderEventTracing: Sendable {
    let isEnabled: Bool

    /// OpenTelemetry's default limit of links per span; a batch holds up to `ORDER_BATCH_SIZE` records.
    static let maximumLinks = 128

    /// The context a record's headers carry; a record without one starts a trace of its own.
    func context(of headers: [KafkaHeader]) -> ServiceContext? {
        guard isEnabled else { return nil }
        var context = ServiceContext.topLevel
        InstrumentationSystem.instrument.extract(headers, into: &context, using: KafkaHeaderExtractor())
        return context
    }

    func startDecodeSpan(_ message: KafkaConsumerMessage, in context: ServiceContext?) -> (any Span)? {
        guard let context else { return nil }
        let span = startSpan("decode order event", context: context, ofKind: .consumer)
        span.updateAttributes { attributes in
            attributes["messaging.system"] = "kafka"
            attributes["messaging.operation.type"] = "process"
            attributes["messaging.destination.name"] = message.topic
            attributes["messaging.destination.partition.id"] = String(message.partition.rawValue)
            attributes["messaging.kafka.offset"] = Int(message.offset.rawValue)
            attributes["messaging.kafka.message.key"] = message.keyString
        }
        return span
    }

    func startApplySpan(_ record: PreparedRecord) -> (any Span)? {
        guard let context = record.traceContext else { return nil }
        let span = startSpan("apply order event", context: context)
        span.updateAttributes { attributes in
            attributes["messaging.destination.partition.id"] = String(record.message.partition.rawValue)
            attributes["messaging.kafka.offset"] = Int(record.message.offset.rawValue)
            if case .event(let event) = record.content {
                attributes["order.id"] = event.orderId.rawValue
                attributes["order.event"] = event.eventType.rawValue
            }
        }
        return span
    }

    func startCommitSpan(_ records: [PreparedRecord]) -> (any Span)? {
        guard isEnabled else { return nil }
        let span = startSpan("commit order batch", context: .topLevel)
        span.attributes["messaging.batch.message_count"] = records.count
        for record in records.prefix(Self.maximumLinks) {
            guard let context = record.traceContext else { continue }
            span.addLink(SpanLink(context: context, attributes: [:]))
        }
        return span
    }
}

extension Span {
    /// Marks the span failed with `error`, for a trace view to show where a record went wrong.
    func fail(_ error: any Error, _ message: String) {
        recordError(error)
        setStatus(SpanStatus(code: .error, message: message))
    }
}
