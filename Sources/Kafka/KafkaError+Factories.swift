/// Internal factories: every error captures the `#fileID` and `#line` where it was created.
extension KafkaError {
    static func unsupportedLibrary(
        found: KafkaLibraryVersion,
        required: KafkaLibraryVersion,
        file: String = #fileID,
        line: UInt = #line
    ) -> KafkaError {
        KafkaError(
            code: .unsupportedLibrary,
            reason: "librdkafka \(found) is loaded but \(required) or newer is required (older versions cannot "
                + "parse the ApiVersions answer of current brokers); run scripts/setup.sh, which installs it "
                + "into .deps/lib",
            file: file,
            line: line
        )
    }

    static func configuration(_ reason: String, file: String = #fileID, line: UInt = #line) -> KafkaError {
        KafkaError(code: .configuration, reason: reason, file: file, line: line)
    }

    static func timedOut(_ reason: String, file: String = #fileID, line: UInt = #line) -> KafkaError {
        KafkaError(code: .timedOut, reason: reason, rdKafkaCode: .timedOut, file: file, line: line)
    }

    static func shutdown(_ reason: String, file: String = #fileID, line: UInt = #line) -> KafkaError {
        KafkaError(code: .shutdown, reason: reason, file: file, line: line)
    }

    static func invalidArgument(_ reason: String, file: String = #fileID, line: UInt = #line) -> KafkaError {
        KafkaError(code: .invalidArgument, reason: reason, file: file, line: line)
    }

    static func rebalance(_ reason: String, file: String = #fileID, line: UInt = #line) -> KafkaError {
        KafkaError(code: .rebalance, reason: reason, file: file, line: line)
    }
}
