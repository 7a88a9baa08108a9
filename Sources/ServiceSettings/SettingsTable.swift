/// All the settings of one service: read from the environment and the command line, validated, and
/// described for `--help`, from the one list.
///
/// A flag wins over its environment variable. Blank variables count as absent (`CART_PORT=` keeps the
/// default), so a shell script can pass a variable through whether it is set or not.
public struct SettingsTable<Target>: Sendable {
    public let settings: [Setting<Target>]
    /// Pass-through properties, when the service has them (its Kafka client's).
    public let properties: PropertySettings<Target>?

    public init(_ settings: [Setting<Target>], properties: PropertySettings<Target>? = nil) {
        self.settings = settings
        self.properties = properties
    }

    /// `defaults` with the environment's settings, then the command line's, applied.
    ///
    /// - Throws: ``SettingError`` naming the first variable or flag whose value is refused, or an
    ///   unknown flag.
    public func read(
        environment: [String: String], arguments: [String] = [], over defaults: Target
    ) throws(SettingError) -> Target {
        var target = defaults
        for setting in settings {
            guard let text = environment[setting.variable]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                continue
            }
            try setting.apply(text, to: &target, as: setting.variable) { "\($0)='\($1)'" }
        }
        properties?.applyEnvironment(environment, to: &target)
        for (setting, text) in try flagValues(arguments) {
            guard let setting else {
                try properties?.applyFlag(text, to: &target)
                continue
            }
            try setting.apply(text, to: &target, as: "--\(setting.flag) (\(setting.variable))") { "\($0) '\($1)'" }
        }
        return target
    }

    /// `--name value` and `--name=value` pairs, in order; a `nil` setting is the properties' flag.
    private func flagValues(_ arguments: [String]) throws(SettingError) -> [(Setting<Target>?, String)] {
        var pairs: [(Setting<Target>?, String)] = []
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            guard argument.hasPrefix("--") else { throw SettingError("unexpected argument '\(argument)'; see --help") }
            let (name, inlineValue) = Self.split(argument.dropFirst(2))
            if let properties, name == properties.flag {
                guard let value = inlineValue ?? remaining.popFirst() else {
                    throw SettingError("--\(name) needs a value (property=value)")
                }
                pairs.append((nil, value))
                continue
            }
            guard let setting = settings.first(where: { $0.flag == name }) else {
                throw SettingError("unknown option '--\(name)'; see --help")
            }
            guard let value = inlineValue ?? remaining.popFirst() else {
                throw SettingError("--\(name) needs a value (\(setting.valueName))")
            }
            pairs.append((setting, value))
        }
        return pairs
    }

    private static func split(_ flag: Substring) -> (name: String, value: String?) {
        // `--kafka-config=a.b=c`: the first `=` ends the name, the value keeps the rest.
        guard let equals = flag.firstIndex(of: "=") else { return (String(flag), nil) }
        return (String(flag[..<equals]), String(flag[flag.index(after: equals)...]))
    }

    /// One paragraph per setting: flag, variable, value form, meaning and the value in `defaults`.
    public func help(defaults: Target) -> String {
        let lines = settings.map { setting in
            "--\(setting.flag) <\(setting.valueName)>  [\(setting.variable)]\n      \(setting.help) (default: \(setting.show(defaults)))"
        }
        return (lines + [properties?.helpParagraph].compactMap { $0 }).joined(separator: "\n")
    }

    /// The value each setting has in `target`, by variable: what a service logs at start-up.
    public func values(of target: Target) -> [(variable: String, value: String)] {
        settings.map { ($0.variable, $0.show(target)) }
    }
}
