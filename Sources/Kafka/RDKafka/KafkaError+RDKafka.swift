import CRdKafka

/// Factories for failures that librdkafka reports, as an error number or as an `rd_kafka_error_t`. Like the
/// others (`KafkaError+Factories.swift`), each captures the `#fileID` and `#line` where it was called.
extension KafkaError {
    /// Wraps a librdkafka error number, choosing the ``ErrorCode`` from it.
    static func rdKafka(
        _ rawCode: rd_kafka_resp_err_t,
        context: String,
        isFatal: Bool = false,
        file: String = #fileID,
        line: UInt = #line
    ) -> KafkaError {
        let rdCode = RDKafkaCode(rawCode)
        return KafkaError(
            code: rdCode.errorCode,
            reason: "\(context): \(rdCode.message)",
            rdKafkaCode: rdCode,
            isFatal: isFatal || rdCode == .fatal,
            file: file,
            line: line
        )
    }

    /// Wraps an `rd_kafka_error_t` (which carries its own message and flags) and destroys it.
    static func rdKafka(
        consuming error: OpaquePointer,
        context: String,
        file: String = #fileID,
        line: UInt = #line
    ) -> KafkaError {
        defer { rd_kafka_error_destroy(error) }
        let rdCode = RDKafkaCode(rd_kafka_error_code(error))
        let text = rd_kafka_error_string(error).map { String(cString: $0) } ?? rdCode.message
        return KafkaError(
            code: rdCode.errorCode,
            reason: "\(context): \(text)",
            rdKafkaCode: rdCode,
            isFatal: rd_kafka_error_is_fatal(error) != 0,
            isRetriable: rd_kafka_error_is_retriable(error) != 0 ? true : nil,
            file: file,
            line: line
        )
    }

    /// Checks a librdkafka return code; throws when it is not `NO_ERROR`.
    static func check(
        _ rawCode: rd_kafka_resp_err_t,
        _ context: @autoclosure () -> String,
        file: String = #fileID,
        line: UInt = #line
    ) throws(KafkaError) {
        guard rawCode != RD_KAFKA_RESP_ERR_NO_ERROR else { return }
        throw .rdKafka(rawCode, context: context(), file: file, line: line)
    }

    /// Checks an `rd_kafka_error_t*` return; throws (and frees it) when it is not NULL.
    static func check(
        _ error: OpaquePointer?,
        _ context: @autoclosure () -> String,
        file: String = #fileID,
        line: UInt = #line
    ) throws(KafkaError) {
        guard let error else { return }
        throw .rdKafka(consuming: error, context: context(), file: file, line: line)
    }
}
