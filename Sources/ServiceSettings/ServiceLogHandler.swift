#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#else
    import Darwin
#endif
import Foundation
import JSONOutput
import Logging

/// Writes each log line to standard error with one `write(2)`, in text or JSON, optionally naming
/// the process (in front of a text line, as a `process` member of a JSON one).
///
/// Built for the per-request lines of a busy service: the line is formatted into one buffer and
/// written whole, with no lock held across the write (a line below the pipe buffer size is written
/// atomically, so lines of concurrent tasks never interleave), and no `FILE*` buffering to flush.
/// The prefix lets `make run` show which process wrote a line without a shell loop reading the pipe.
public struct ServiceLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let format: LogFormat
    private let process: String

    /// - Parameters:
    ///   - label: the logger's label (swift-log's), e.g. `cart-service`.
    ///   - process: the name `make run` shows for the process (`LOG_LABEL`); empty for none.
    public init(label: String, level: Logger.Level, format: LogFormat, process: String = "") {
        self.label = label
        self.logLevel = level
        self.format = format
        self.process = process
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { _, new in new } }
        if let own = event.metadata { all.merge(own) { _, new in new } }
        if let error = event.error { all["error"] = "\(error)" }
        var line = ""
        switch format {
        case .text:
            LogLine.appendText(
                process: process, level: event.level, label: label, message: event.message.description, metadata: all, to: &line)
        case .json:
            LogLine.appendJSON(
                process: process, level: event.level, label: label, message: event.message.description, metadata: all, to: &line)
        }
        line.append("\n")
        Self.writeToStandardError(line)
    }

    private static func writeToStandardError(_ line: String) {
        var line = line
        line.withUTF8 { bytes in
            var remaining = UnsafeRawBufferPointer(bytes)
            while !remaining.isEmpty {
                let written = write(STDERR_FILENO, remaining.baseAddress, remaining.count)
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // Nowhere to report a failing log write; dropping the line beats blocking.
                }
                remaining = UnsafeRawBufferPointer(rebasing: remaining[written...])
            }
        }
    }
}

/// How log lines are written (`LOG_FORMAT`).
public enum LogFormat: String, Sendable, Hashable {
    /// `2026-12-05T08:00:00.123Z info cart-service: published order event order.id=A kafka.offset=7`
    case text
    /// One JSON object per line: `{"time":"…","level":"info","logger":"cart-service","message":"…",…}`,
    /// for log collectors.
    case json
}

/// The formatting of one line, separate from the handler so that it can be tested without stderr.
enum LogLine {
    static func appendText(
        process: String, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata, to line: inout String
    ) {
        if !process.isEmpty {
            // Padded to a column, so that the lines of several processes in one terminal align.
            line += process + String(repeating: " ", count: max(0, 8 - process.count)) + " | "
        }
        appendTimestamp(to: &line)
        line += " \(level) \(label): \(message)"
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            line += " \(key)=\(value)"
        }
    }

    static func appendJSON(
        process: String, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata, to line: inout String
    ) {
        line += "{\"time\":\""
        appendTimestamp(to: &line)
        line += "\",\"level\":\"\(level)\","
        if !process.isEmpty {
            line += "\"process\":"
            JSONText.appendString(process, to: &line)
            line += ","
        }
        line += "\"logger\":"
        JSONText.appendString(label, to: &line)
        line += ",\"message\":"
        JSONText.appendString(message, to: &line)
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) where !["time", "level", "process", "logger", "message"].contains(key)
        {
            line += ","
            JSONText.appendString(key, to: &line)
            line += ":"
            JSONText.appendString("\(value)", to: &line)
        }
        line += "}"
    }

    /// UTC with milliseconds when not whole, e.g. `2026-12-05T08:00:00.123Z`.
    static func appendTimestamp(to line: inout String) {
        line += ISO8601.format(Date())
    }
}
