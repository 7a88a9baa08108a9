import Tracing
import Kafka

/// The W3C Trace Context header names (`traceparent`, `tracestate`), as a record carries them.
///
/// The Kafka module knows nothing of tracing: it moves generic headers. These names are what the
/// services write through ``KafkaHeaderInjector`` and what a dead letter copies from its original, so
/// that a failure can be followed back to the request that caused it.
public enum TraceContextHeader {
    public static let traceParent = "traceparent"
    public static let traceState = "tracestate"
    public static let names: Set<String> = [traceParent, traceState]
}

/// Writes a propagated value into record headers, replacing a header of the same key: a record
/// carries one trace context, and Kafka's readers take the last of repeated keys anyway.
public struct KafkaHeaderInjector: Injector {
    public init() {}

    public func inject(_ value: String, forKey key: String, into headers: inout [KafkaHeader]) {
        headers.removeAll { $0.key == key }
        headers.append(KafkaHeader(key: key, value: value))
    }
}

/// Reads a propagated value from record headers. Headers come off the wire: a value that is not UTF-8
/// reads as absent, and the propagator then ignores it rather than failing the record.
public struct KafkaHeaderExtractor: Extractor {
    public init() {}

    public func extract(key: String, from headers: [KafkaHeader]) -> String? {
        headers.last(named: key)?.stringValue
    }
}

extension Array where Element == KafkaHeader {
    /// The trace context headers among these, unchanged and in order (none when the producer traced nothing).
    public var traceContextHeaders: [KafkaHeader] {
        filter { TraceContextHeader.names.contains($0.key) }
    }
}
