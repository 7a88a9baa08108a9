/// A family of settings that pass properties through to a library, one environment variable (or flag)
/// per property: `KAFKA_CONFIG_SOCKET_KEEPALIVE_ENABLE=true` or `--kafka-config socket.keepalive.enable=true`
/// sets librdkafka's `socket.keepalive.enable`.
///
/// A family rather than one setting per property because the library has hundreds of them (security,
/// timeouts, buffers) and an operator needs the one this table did not foresee. The properties are
/// applied last, so they override what the typed settings chose; the library refuses unknown names.
public struct PropertySettings<Target>: Sendable {
    /// The variables' common prefix, e.g. `KAFKA_CONFIG_`.
    public let prefix: String
    /// The repeatable flag without its dashes, e.g. `kafka-config`.
    public let flag: String
    /// What the properties configure, for `--help` and README.
    public let help: String
    let keyPath: WritableKeyPath<Target, [String: String]> & Sendable

    public init(prefix: String, flag: String, _ keyPath: WritableKeyPath<Target, [String: String]> & Sendable, help: String) {
        self.prefix = prefix
        self.flag = flag
        self.keyPath = keyPath
        self.help = help
    }

    /// The property a variable names: what follows the prefix, lowercased, `_` read as `.`
    /// (`KAFKA_CONFIG_SOCKET_KEEPALIVE_ENABLE` → `socket.keepalive.enable`); `nil` for other variables.
    public func property(forVariable variable: String) -> String? {
        guard variable.hasPrefix(prefix), variable.count > prefix.count else { return nil }
        return String(variable.dropFirst(prefix.count)).lowercased().replacingOccurrences(of: "_", with: ".")
    }

    func applyEnvironment(_ environment: [String: String], to target: inout Target) {
        for (variable, value) in environment.sorted(by: { $0.key < $1.key }) {
            guard let property = property(forVariable: variable) else { continue }
            target[keyPath: keyPath][property] = value
        }
    }

    /// Applies one `--flag name=value`.
    func applyFlag(_ text: String, to target: inout Target) throws(SettingError) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw SettingError("--\(flag) '\(text)' is not valid: expected property=value, e.g. socket.keepalive.enable=true")
        }
        target[keyPath: keyPath][String(text[..<equals])] = String(text[text.index(after: equals)...])
    }

    var helpParagraph: String {
        "--\(flag) <property=value>  [\(prefix)<PROPERTY>]  (repeatable)\n      \(help)"
    }
}

extension PropertySettings {
    /// `KAFKA_CONFIG_<PROPERTY>` / `--kafka-config property=value`: any librdkafka property
    /// (its CONFIGURATION.md), for every Kafka client of the process.
    public static func kafka(_ keyPath: WritableKeyPath<Target, [String: String]> & Sendable) -> PropertySettings {
        PropertySettings(
            prefix: "KAFKA_CONFIG_", flag: "kafka-config", keyPath,
            help: "any librdkafka property, applied last to every Kafka client: KAFKA_CONFIG_SOCKET_KEEPALIVE_ENABLE=true "
                + "sets socket.keepalive.enable (the name lowercased, _ read as .)")
    }
}
