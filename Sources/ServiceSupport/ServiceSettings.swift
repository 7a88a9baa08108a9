import Foundation
import Logging

/// A setting with a value that cannot be used; the description names the setting and the value.
public struct ServiceSettingsError: Error, CustomStringConvertible {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}

/// Reads typed values from a service's settings (environment-variable names to text), naming the
/// setting when a value is unusable. Blank values count as absent, so `CART_PORT=` keeps the default.
public struct SettingsReader: Sendable {
    public let settings: [String: String]

    public init(settings: [String: String]) {
        self.settings = settings
    }

    public func text(_ name: String) -> String? {
        guard let value = settings[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    public func number<T: LosslessStringConvertible>(_ name: String, _ valid: (T) -> Bool) throws(ServiceSettingsError) -> T? {
        guard let value = text(name) else { return nil }
        guard let number = T(value), valid(number) else {
            throw ServiceSettingsError(description: "\(name)='\(value)' is not a valid value")
        }
        return number
    }

    /// A positive number of seconds below a day, fractions allowed (`0.2`).
    public func seconds(_ name: String) throws(ServiceSettingsError) -> Duration? {
        try number(name, { (value: Double) in value > 0 && value < 86_400 }).map { .milliseconds(Int64($0 * 1000)) }
    }
}

/// What both service executables do before they build their configuration.
public enum ServiceCommandSupport {
    /// The process environment with the command-line flags over it: each flag has the meaning of the
    /// environment variable it is keyed by, and wins over it.
    public static func settings(flags: [String: String?]) -> [String: String] {
        var settings = ProcessInfo.processInfo.environment
        for case let (name, value?) in flags { settings[name] = value }
        return settings
    }

    /// Logs to standard error at `LOG_LEVEL` (default info), the same for every label.
    public static func bootstrapLogging(settings: [String: String]) {
        let level = settings["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
