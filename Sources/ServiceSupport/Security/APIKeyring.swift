import Foundation
import Crypto
import ServiceSettings

/// The API keys a service accepts, each with the roles it grants.
///
/// Only SHA-256 digests of the keys are kept, and a presented key is compared with every digest in
/// constant time: neither a memory dump of the table nor the answers' timing gives a key away.
public struct APIKeyring: Sendable, Hashable {
    struct Entry: Sendable, Hashable {
        let digest: [UInt8]
        var roles: AccessRoles
        /// Names the key in rate limiting without holding it: `key 2` is the second key listed.
        let label: String
    }

    private(set) var entries: [Entry] = []

    /// Shorter keys are refused at start-up: a key is the whole secret, and 16 random characters are
    /// the least that no one guesses through a rate-limited API.
    public static let minimumKeyLength = 16

    public init() {}

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    /// `role=key` pairs separated by commas, as `API_KEYS` holds them: `writer=K1,reader=K2`. The same
    /// key listed under several roles grants all of them.
    public init(pairs text: String) throws(SettingProblem) {
        for (index, pair) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            try add(pair, at: "entry \(index + 1)")
        }
    }

    /// One `role=key` pair per line, blank lines and `#` comments skipped, as `API_KEYS_FILE` holds them.
    public init(lines text: String) throws(SettingProblem) {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !content.isEmpty, !content.hasPrefix("#") else { continue }
            try add(Substring(content), at: "line \(index + 1)")
        }
    }

    /// This keyring with `other`'s keys too (`API_KEYS` and `API_KEYS_FILE` together).
    public func merging(_ other: APIKeyring) -> APIKeyring {
        var merged = self
        for entry in other.entries { merged.insert(digest: entry.digest, roles: entry.roles) }
        return merged
    }

    /// The label and roles of `key`, or `nil` for a key this keyring does not hold. Takes as long for
    /// an unknown key as for any known one: every entry is compared.
    func match(_ key: some StringProtocol) -> (label: String, roles: AccessRoles)? {
        let digest = Array(SHA256.hash(data: Array(key.utf8)))
        var found: Entry?
        for entry in entries where ConstantTime.isEqual(entry.digest, digest) {
            found = entry
        }
        return found.map { ($0.label, $0.roles) }
    }

    private mutating func add(_ pair: Substring, at place: String) throws(SettingProblem) {
        let trimmed = pair.trimmingCharacters(in: .whitespaces)
        guard let equals = trimmed.firstIndex(of: "=") else {
            throw SettingProblem("\(place) is not role=key (roles: reader, writer, admin)")
        }
        let name = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
        let key = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard let role = AccessRoles(name: name) else {
            throw SettingProblem("\(place) has an unknown role '\(name)'; expected reader, writer or admin")
        }
        guard key.count >= Self.minimumKeyLength else {
            throw SettingProblem("\(place): the \(name) key is shorter than \(Self.minimumKeyLength) characters")
        }
        guard key.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "," }) else {
            throw SettingProblem("\(place): the \(name) key holds a character other than printable ASCII (no spaces or commas)")
        }
        insert(digest: Array(SHA256.hash(data: Array(key.utf8))), roles: role)
    }

    private mutating func insert(digest: [UInt8], roles: AccessRoles) {
        if let index = entries.firstIndex(where: { $0.digest == digest }) {
            entries[index].roles.formUnion(roles)
        } else {
            entries.append(Entry(digest: digest, roles: roles, label: "key \(entries.count + 1)"))
        }
    }
}
