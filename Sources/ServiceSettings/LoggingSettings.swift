import Logging

/// How a service process logs; every service has these settings.
public struct LoggingSettings: Sendable, Hashable {
    /// The lowest level written (`LOG_LEVEL`). Default: `info`.
    public var level: Logger.Level = .info
    /// Text or one JSON object per line (`LOG_FORMAT`). Default: `text`.
    public var format: LogFormat = .text
    /// The process's name on every line, so that `make run` shows which process wrote it (`LOG_LABEL`):
    /// in front of a text line, as `process` in a JSON one. Default: none.
    public var label: String = ""

    public init() {}

    /// Sends every logger of the process to standard error through ``ServiceLogHandler``.
    ///
    /// - Parameter metadataProvider: metadata added to every line, e.g. the active span's `trace_id` and
    ///   `span_id` when traces are exported; none by default, so that a line costs nothing more.
    public func bootstrap(metadataProvider: Logger.MetadataProvider? = nil) {
        let settings = self
        LoggingSystem.bootstrap(
            { label, provider in
                var handler = ServiceLogHandler(
                    label: label, level: settings.level, format: settings.format, process: settings.label)
                handler.metadataProvider = provider
                return handler
            }, metadataProvider: metadataProvider)
    }
}

extension Setting {
    /// `LOG_LEVEL`: the lowest level a service writes.
    public static func logLevel(_ keyPath: WritableKeyPath<Target, Logger.Level> & Sendable) -> Setting {
        .choice(
            "LOG_LEVEL", flag: "log-level", keyPath,
            [
                "trace": .trace, "debug": .debug, "info": .info, "notice": .notice, "warning": .warning, "error": .error,
                "critical": .critical,
            ],
            help: "lowest level written to standard error")
    }

    /// `LOG_FORMAT`: text lines, or one JSON object per line for a log collector.
    public static func logFormat(_ keyPath: WritableKeyPath<Target, LogFormat> & Sendable) -> Setting {
        .choice("LOG_FORMAT", flag: "log-format", keyPath, ["text": .text, "json": .json], help: "text, or one JSON object per line")
    }

    /// `LOG_LABEL`: a name in front of every line (`make run` sets it per process).
    public static func logLabel(_ keyPath: WritableKeyPath<Target, String> & Sendable) -> Setting {
        .text("LOG_LABEL", flag: "log-label", keyPath, help: "name put in front of every log line; none when empty")
    }
}
