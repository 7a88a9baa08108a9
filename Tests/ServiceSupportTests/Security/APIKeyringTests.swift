import ServiceSettings
import Testing

@testable import ServiceSupport

/// `API_KEYS` and `API_KEYS_FILE` are read into a keyring that knows each key's roles, refuses what an
/// operator got wrong with the place of the mistake, and never repeats a key in its messages.
@Suite struct APIKeyringTests {
    static let writerKey = "w-0123456789abcdef"
    static let readerKey = "r-0123456789abcdef"

    @Test func pairsGrantTheirRoles() throws {
        let keyring = try APIKeyring(pairs: "writer=\(Self.writerKey), reader=\(Self.readerKey)")
        #expect(keyring.count == 2)
        #expect(keyring.match(Self.writerKey)?.roles == .writer)
        #expect(keyring.match(Self.readerKey)?.roles == .reader)
        #expect(keyring.match("x-0123456789abcdef") == nil)
        #expect(keyring.match(Self.writerKey.dropLast()) == nil)
        #expect(keyring.match("") == nil)
    }

    @Test func aKeyListedUnderTwoRolesGrantsBoth() throws {
        let keyring = try APIKeyring(pairs: "writer=\(Self.writerKey),READER=\(Self.writerKey)")
        #expect(keyring.count == 1)
        #expect(keyring.match(Self.writerKey)?.roles == [.writer, .reader])
    }

    @Test func keysMayHoldEqualsSigns() throws {
        let key = "YWJjZGVmZ2hpamtsbW5vcA=="
        #expect(try APIKeyring(pairs: "admin=\(key)").match(key)?.roles == .admin)
    }

    @Test func labelsNameKeysWithoutHoldingThem() throws {
        let keyring = try APIKeyring(pairs: "writer=\(Self.writerKey),reader=\(Self.readerKey)")
        #expect(keyring.match(Self.readerKey)?.label == "key 2")
        #expect(keyring.entries.allSatisfy { !$0.label.contains(Self.readerKey) && $0.digest.count == 32 })
    }

    @Test func aFileHasOnePairPerLineAndComments() throws {
        let text = """
            # the Cart Service
            writer=\(Self.writerKey)

              reader = \(Self.readerKey)
            """
        let keyring = try APIKeyring(lines: text)
        #expect(keyring.match(Self.writerKey)?.roles == .writer)
        #expect(keyring.match(Self.readerKey)?.roles == .reader)
        let merged = try APIKeyring(pairs: "admin=a-0123456789abcdef").merging(keyring)
        #expect(merged.count == 3)
        #expect(merged.match("a-0123456789abcdef")?.roles == .admin)
    }

    @Test(arguments: [
        ("writer=\(writerKey),\(readerKey)", "entry 2 is not role=key (roles: reader, writer, admin)"),
        ("owner=\(writerKey)", "entry 1 has an unknown role 'owner'; expected reader, writer or admin"),
        ("writer=short", "entry 1: the writer key is shorter than 16 characters"),
        ("writer=", "entry 1: the writer key is shorter than 16 characters"),
        ("writer=0123456789 abcdef", "entry 1: the writer key holds a character other than printable ASCII (no spaces or commas)"),
        ("writer=\(writerKey),", "entry 2 is not role=key (roles: reader, writer, admin)"),
    ])
    func mistakesAreNamedByPlace(text: String, reason: String) {
        #expect(throws: SettingProblem.self) { try APIKeyring(pairs: text) }
        do {
            _ = try APIKeyring(pairs: text)
        } catch {
            #expect(error.reason == reason)
        }
    }

    @Test func aFileMistakeNamesItsLine() {
        do {
            _ = try APIKeyring(lines: "# keys\nwriter=\(Self.writerKey)\nreader=tiny\n")
            Issue.record("a short key was accepted")
        } catch {
            #expect(error.reason == "line 3: the reader key is shorter than 16 characters")
        }
    }
}
