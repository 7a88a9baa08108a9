/// A setting whose value cannot be used, or a command line that cannot be read.
///
/// The description is the one line a process prints before it stops, so it names the environment
/// variable (or flag), the value it was given and what would be accepted.
public struct SettingError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// What is wrong with one value, without naming the setting: ``Setting`` adds the variable or flag.
public struct SettingProblem: Error, Sendable {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }
}
