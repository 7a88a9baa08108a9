import CRdKafka
import Logging

/// Turns log, error and commit events into swift-log entries and ``KafkaError``s.
enum RDKafkaEventDecoder {
    /// librdkafka logs with syslog levels. A library logs at info or below (the application decides what
    /// deserves a warning), so errors and warnings become `.info` and the rest `.debug`/`.trace`.
    static func logLevel(syslog level: Int32) -> Logger.Level {
        switch level {
        case ...4: .info
        case 5...6: .debug
        default: .trace
        }
    }

    static func log(_ event: OpaquePointer, to logger: Logger) {
        var facility: UnsafePointer<CChar>?
        var text: UnsafePointer<CChar>?
        var level: Int32 = 0
        guard rd_kafka_event_log(event, &facility, &text, &level) == 0, let text else { return }
        logger.log(
            level: logLevel(syslog: level),
            "\(String(cString: text))",
            metadata: [KafkaLoggingKeys.facility: "\(facility.map { String(cString: $0) } ?? "")"]
        )
    }

    static func error(_ event: OpaquePointer, kafka: OpaquePointer, logger: Logger) -> KafkaError {
        let code = rd_kafka_event_error(event)
        let isFatal = rd_kafka_event_error_is_fatal(event) != 0
        let text = rd_kafka_event_error_string(event).map { String(cString: $0) } ?? "unknown error"
        let error: KafkaError
        if isFatal {
            // The event only says "fatal"; the underlying cause is kept by the handle.
            var reason = [CChar](repeating: 0, count: 512)
            let fatalCode = rd_kafka_fatal_error(kafka, &reason, reason.count)
            let fatalText = String(cBuffer: reason)
            error = .rdKafka(fatalCode, context: "fatal client error: \(fatalText)", isFatal: true)
        } else {
            error = .rdKafka(code, context: text)
        }
        let metadata: Logger.Metadata = [KafkaLoggingKeys.errorCode: "\(error.rdKafkaCode?.name ?? "")"]
        if let code = error.rdKafkaCode, [.authentication, .ssl, .saslAuthenticationFailed].contains(code) {
            // Retrying will not fix credentials or certificates: say it at a level operators watch.
            logger.error(
                "Kafka refused the connection's security: check the security settings (security.protocol, sasl.*, ssl.*)",
                error: error, metadata: metadata)
        } else {
            logger.info("librdkafka reported an error", error: error, metadata: metadata)
        }
        return error
    }

    static func commitResult(_ event: OpaquePointer, logger: Logger) {
        let code = rd_kafka_event_error(event)
        guard code != RD_KAFKA_RESP_ERR_NO_ERROR, code != RD_KAFKA_RESP_ERR__NO_OFFSET else { return }
        logger.info("offset commit failed", error: KafkaError.rdKafka(code, context: "offset commit"))
    }
}
