import Foundation
import Logging

/// How a service process logs; every service has these settings.
public struct LoggingSettings: Sendable, Hashable {
    /// The lowest level written (`LOG_LEVEL`). Default: `info`.
    public var level: Logger.Level = .info

    public init() {}

    /// Sends every logger of the process to standard error at ``level``.
    public func bootstrap() {
        let level = level
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
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
}
