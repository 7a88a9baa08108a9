import Foundation

/// A self-signed certificate for `localhost` and 127.0.0.1 with its private key, made by `openssl` at
/// run time in a folder of its own, so that no key is committed. Self-signed, it is its own CA: a
/// client trusts it by taking ``certificateFile`` as its CA file.
public struct TestCertificate: Sendable {
    public let certificateFile: URL
    public let keyFile: URL

    /// Makes a fresh P-256 key and certificate, valid for a day.
    public static func make() async throws -> TestCertificate {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("order-platform-tests/tls-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let certificate = TestCertificate(
            certificateFile: folder.appendingPathComponent("cert.pem"), keyFile: folder.appendingPathComponent("key.pem"))
        let result = try await runCommand(
            URL(fileURLWithPath: "/usr/bin/openssl"),
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout", certificate.keyFile.path, "-out", certificate.certificateFile.path,
            ])
        guard result.status == 0 else {
            throw TestSupportError(description: "openssl could not make a test certificate: \(result.stderrText)")
        }
        return certificate
    }

    /// Removes both files.
    public func remove() {
        try? FileManager.default.removeItem(at: certificateFile.deletingLastPathComponent())
    }
}
