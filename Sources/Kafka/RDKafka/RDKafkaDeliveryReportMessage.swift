import CRdKafka

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One message of a delivery-report event (`RD_KAFKA_EVENT_DR`): delivered, or failed with ``failure``.
///
/// - Important: It points into the event, which the poller destroys once the handler returns: read it
///   during ``RDKafkaEventHandler/handleDeliveryReports(_:)`` and keep only what it decodes to.
struct RDKafkaDeliveryReportMessage {
    private let message: UnsafePointer<rd_kafka_message_t>

    /// Calls `body` with the messages of `event`, unless it has none. One array, no copy of a message.
    static func withMessages(of event: OpaquePointer, _ body: ([RDKafkaDeliveryReportMessage]) -> Void) {
        let count = rd_kafka_event_message_count(event)
        guard count > 0 else { return }
        withUnsafeTemporaryAllocation(of: UnsafePointer<rd_kafka_message_t>?.self, capacity: count) { buffer in
            let filled = rd_kafka_event_message_array(event, buffer.baseAddress, count)
            body(buffer.prefix(filled).compactMap { $0.map(RDKafkaDeliveryReportMessage.init(message:)) })
        }
    }

    /// The ID given to `produce`, which librdkafka hands back as the message's opaque.
    var id: KafkaProducerMessageID {
        KafkaProducerMessageID(rawValue: UInt64(UInt(bitPattern: message.pointee._private)))
    }

    /// Why the message was not delivered; `nil` when it was.
    var failure: KafkaError? {
        let code = message.pointee.err
        guard code != RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }
        let topic = message.pointee.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? "?"
        var error = KafkaError.rdKafka(code, context: "delivery to \(topic)[\(message.pointee.partition)] failed")
        error.deliveryStatus = KafkaDeliveryStatus(rd_kafka_message_status(message))
        return error
    }

    /// Where the message was written; read it only when ``failure`` is `nil`.
    func report(id: KafkaProducerMessageID) -> KafkaDeliveryReport {
        let topic = message.pointee.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? ""
        let millis = rd_kafka_message_timestamp(message, nil)
        return KafkaDeliveryReport(
            messageID: id,
            topic: topic,
            partition: KafkaPartition(unchecked: message.pointee.partition),
            offset: KafkaOffset(rawValue: message.pointee.offset),
            timestamp: millis >= 0 ? Date(timeIntervalSince1970: Double(millis) / 1000) : nil
        )
    }
}

extension KafkaDeliveryStatus {
    /// librdkafka's `rd_kafka_msg_status_t`; an unknown value counts as possibly persisted, the
    /// answer that promises nothing.
    init(_ status: rd_kafka_msg_status_t) {
        switch status {
        case RD_KAFKA_MSG_STATUS_NOT_PERSISTED: self = .notPersisted
        case RD_KAFKA_MSG_STATUS_PERSISTED: self = .persisted
        default: self = .possiblyPersisted
        }
    }
}
