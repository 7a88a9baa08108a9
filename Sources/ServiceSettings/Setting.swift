import Foundation

/// One setting of a service: the environment variable and the flag that set it, what it means, and
/// how its text becomes part of the configuration `Target`.
///
/// A service describes all its settings once, in a ``SettingsTable``; the table then reads the
/// environment and the command line, validates, and writes `--help`, so a setting cannot be
/// documented in one place and read differently in another.
public struct Setting<Target>: Sendable {
    /// The environment variable, e.g. `CART_PORT`.
    public let variable: String
    /// The command-line flag without its dashes, e.g. `port` for `--port`.
    public let flag: String
    /// What the setting does, for `--help` and README.
    public let help: String
    /// The form of an accepted value, e.g. `seconds` or `stop|reset-store`.
    public let valueName: String
    /// A value that must never be printed (a key, a password): an error about it names only the
    /// variable, since the process's output goes to log collectors.
    public let isSecret: Bool
    let apply: @Sendable (String, inout Target) throws(SettingProblem) -> Void
    let show: @Sendable (Target) -> String

    /// A setting stored at `keyPath`, converted by `parse` (which answers `nil` for text it refuses)
    /// and shown by `format`.
    public init<Value>(
        _ variable: String,
        flag: String,
        _ keyPath: WritableKeyPath<Target, Value> & Sendable,
        help: String,
        valueName: String,
        parse: @escaping @Sendable (String) -> Value?,
        format: @escaping @Sendable (Value) -> String
    ) {
        self.init(
            variable, flag: flag, keyPath, help: help, valueName: valueName,
            read: { (text: String) throws(SettingProblem) in
                guard let value = parse(text) else { throw SettingProblem("expected \(valueName)") }
                return value
            },
            format: format)
    }

    /// A setting stored at `keyPath`, converted by `read`, which says what is wrong with text it refuses
    /// (`entry 2: unknown role 'writr'`), and shown by `format`; a secret one is never echoed.
    public init<Value>(
        _ variable: String,
        flag: String,
        _ keyPath: WritableKeyPath<Target, Value> & Sendable,
        help: String,
        valueName: String,
        isSecret: Bool = false,
        read: @escaping @Sendable (String) throws(SettingProblem) -> Value,
        format: @escaping @Sendable (Value) -> String
    ) {
        self.variable = variable
        self.flag = flag
        self.help = help
        self.valueName = valueName
        self.isSecret = isSecret
        self.apply = { (text: String, target: inout Target) throws(SettingProblem) in
            target[keyPath: keyPath] = try read(text)
        }
        self.show = { format($0[keyPath: keyPath]) }
    }

    /// Applies `text`, given as `name` (the variable, or the flag with its variable).
    func apply(_ text: String, to target: inout Target, as name: String, quoted: (String, String) -> String) throws(SettingError) {
        do {
            try apply(text, &target)
        } catch {
            throw SettingError("\(isSecret ? name : quoted(name, text)) is not valid: \(error.reason)")
        }
    }
}

extension Setting {
    /// Free text, e.g. a host name or a topic.
    public static func text(
        _ variable: String, flag: String, _ keyPath: WritableKeyPath<Target, String> & Sendable, help: String
    ) -> Setting {
        Setting(variable, flag: flag, keyPath, help: help, valueName: "text", parse: { $0 }, format: { $0 })
    }

    /// A whole number within `range`.
    public static func integer(
        _ variable: String, flag: String, _ keyPath: WritableKeyPath<Target, Int> & Sendable, in range: ClosedRange<Int>,
        help: String
    ) -> Setting {
        Setting(
            variable, flag: flag, keyPath, help: help, valueName: "integer \(range.lowerBound)…\(range.upperBound)",
            parse: { Int($0).flatMap { range.contains($0) ? $0 : nil } }, format: { String($0) })
    }

    /// A TCP port, 1…65535.
    public static func port(
        _ variable: String, flag: String, _ keyPath: WritableKeyPath<Target, Int> & Sendable, help: String
    ) -> Setting {
        integer(variable, flag: flag, keyPath, in: 1...65_535, help: help)
    }

    /// A positive duration below a day, in seconds with fractions allowed (`0.2`).
    public static func seconds(
        _ variable: String, flag: String, _ keyPath: WritableKeyPath<Target, Duration> & Sendable, help: String
    ) -> Setting {
        Setting(
            variable, flag: flag, keyPath, help: help, valueName: "seconds",
            parse: { Double($0).flatMap { $0 > 0 && $0 < 86_400 ? .milliseconds(Int64($0 * 1000)) : nil } },
            format: SettingFormat.seconds)
    }

    /// One of a few named values, e.g. `stop` or `reset-store`.
    public static func choice<Value: Equatable & Sendable>(
        _ variable: String, flag: String, _ keyPath: WritableKeyPath<Target, Value> & Sendable,
        _ choices: KeyValuePairs<String, Value>, help: String
    ) -> Setting {
        let named = choices.map { (name: $0.key, value: $0.value) }
        return Setting(
            variable, flag: flag, keyPath, help: help, valueName: named.map(\.name).joined(separator: "|"),
            parse: { text in named.first { $0.name == text.lowercased() }?.value },
            format: { value in named.first { $0.value == value }?.name ?? "?" })
    }
}

/// How settings show their values in `--help` and error messages.
public enum SettingFormat {
    /// `0`, `12.5`: a number without a needless `.0`.
    @Sendable public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// `5`, `0.02`: seconds as a user writes them.
    @Sendable public static func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        guard attoseconds != 0 else { return String(whole) }
        let millis = Double(whole) * 1000 + Double(attoseconds / 1_000_000_000_000_000)
        return String(millis / 1000)
    }
}
