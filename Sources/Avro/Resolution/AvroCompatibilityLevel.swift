/// The compatibility levels of Confluent's Schema Registry.
public struct AvroCompatibilityLevel: RawRepresentable, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    public let rawValue: String

    public init?(rawValue: String) {
        guard Self.allCases.contains(where: { $0.rawValue == rawValue }) else { return nil }
        self.rawValue = rawValue
    }

    private init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static let none = AvroCompatibilityLevel("NONE")
    public static let backward = AvroCompatibilityLevel("BACKWARD")
    public static let backwardTransitive = AvroCompatibilityLevel("BACKWARD_TRANSITIVE")
    public static let forward = AvroCompatibilityLevel("FORWARD")
    public static let forwardTransitive = AvroCompatibilityLevel("FORWARD_TRANSITIVE")
    public static let full = AvroCompatibilityLevel("FULL")
    public static let fullTransitive = AvroCompatibilityLevel("FULL_TRANSITIVE")

    public static let allCases: [AvroCompatibilityLevel] = [
        .none, .backward, .backwardTransitive, .forward, .forwardTransitive, .full, .fullTransitive,
    ]

    var isTransitive: Bool { rawValue.hasSuffix("_TRANSITIVE") }
    var checksBackward: Bool { rawValue.hasPrefix("BACKWARD") || rawValue.hasPrefix("FULL") }
    var checksForward: Bool { rawValue.hasPrefix("FORWARD") || rawValue.hasPrefix("FULL") }
}
