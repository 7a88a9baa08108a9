import CRdKafka

/// The version of the librdkafka that this process actually loaded (not the headers it was built with).
///
/// Debian's librdkafka 2.0.2 cannot parse the ApiVersions v3 answer of newer brokers such as Tansu,
/// so every client checks the loaded version before it talks to a broker.
public struct KafkaLibraryVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The version encoded as librdkafka does: `0xMMmmrrpp` (major, minor, revision, pre-release).
    public let rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    public init(major: Int, minor: Int, revision: Int = 0) {
        self.rawValue = Int32(major << 24 | minor << 16 | revision << 8 | 0xff)
    }

    public var major: Int { Int(rawValue >> 24) & 0xff }
    public var minor: Int { Int(rawValue >> 16) & 0xff }
    public var revision: Int { Int(rawValue >> 8) & 0xff }

    public var description: String { "\(major).\(minor).\(revision)" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.major, lhs.minor, lhs.revision) < (rhs.major, rhs.minor, rhs.revision)
    }

    /// The librdkafka loaded into this process.
    public static var loaded: KafkaLibraryVersion { KafkaLibraryVersion(rawValue: rd_kafka_version()) }

    /// The oldest librdkafka known to work with the brokers this project targets.
    public static let minimumSupported = KafkaLibraryVersion(major: 2, minor: 10)

    /// Throws a ``KafkaError`` with code `.unsupportedLibrary` naming the found and required versions
    /// when the loaded librdkafka is too old.
    public static func checkLoaded() throws(KafkaError) {
        let loaded = Self.loaded
        guard loaded >= minimumSupported else {
            throw KafkaError.unsupportedLibrary(found: loaded, required: minimumSupported)
        }
    }
}
