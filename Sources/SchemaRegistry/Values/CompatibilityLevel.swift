/// How a new schema of a subject must relate to the ones registered before it.
///
/// The names and meanings are Confluent's. BACKWARD means consumers using the new schema can read data
/// written with the previous one; FORWARD the reverse; FULL both. The transitive forms check against every
/// earlier live version instead of only the latest. An enum, not a code struct: this set is fixed by the
/// protocol that clients already speak.
public enum CompatibilityLevel: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    case backward = "BACKWARD"
    case backwardTransitive = "BACKWARD_TRANSITIVE"
    case forward = "FORWARD"
    case forwardTransitive = "FORWARD_TRANSITIVE"
    case full = "FULL"
    case fullTransitive = "FULL_TRANSITIVE"
    case none = "NONE"

    /// Confluent's default, and the registry's when no level was set.
    public static let `default` = CompatibilityLevel.backward

    /// Accepts the names in any case (`backward`, `Full_Transitive`), as Confluent does.
    public init?(caseInsensitive text: String) {
        self.init(rawValue: text.uppercased())
    }

    /// Whether every earlier live version is checked, not only the latest.
    public var isTransitive: Bool {
        switch self {
        case .backwardTransitive, .forwardTransitive, .fullTransitive: true
        case .backward, .forward, .full, .none: false
        }
    }

    /// Whether the new schema must read data written with the old ones.
    public var checksBackward: Bool {
        switch self {
        case .backward, .backwardTransitive, .full, .fullTransitive: true
        case .forward, .forwardTransitive, .none: false
        }
    }

    /// Whether the old schemas must read data written with the new one.
    public var checksForward: Bool {
        switch self {
        case .forward, .forwardTransitive, .full, .fullTransitive: true
        case .backward, .backwardTransitive, .none: false
        }
    }

    public var description: String { rawValue }
}
