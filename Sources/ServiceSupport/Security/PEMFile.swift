import Foundation
import NIOSSL
import ServiceSettings

/// Certificates and keys read from PEM files named by settings, at start-up, so that a file that is
/// missing, unreadable or not what it should be stops the process with one line naming the variable
/// and the file, rather than failing every connection later (or crashing in the TLS library).
public enum PEMFile {
    /// The certificates of `path` (a chain: the server's first, then its intermediates; or CA certificates).
    ///
    /// - Throws: ``SettingError`` when the file cannot be read or holds no PEM certificate.
    public static func certificates(at path: String, variable: String) throws(SettingError) -> [NIOSSLCertificate] {
        let bytes = try read(path, variable: variable)
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMBytes(bytes)
        } catch {
            throw SettingError("\(variable)=\(path) is not a PEM certificate file: \(error)")
        }
        guard !certificates.isEmpty else { throw SettingError("\(variable)=\(path) holds no PEM certificate") }
        return certificates
    }

    /// The private key of `path`, unencrypted (a process that starts unattended has no one to type a
    /// passphrase).
    ///
    /// - Throws: ``SettingError`` when the file cannot be read or holds no usable PEM private key.
    public static func privateKey(at path: String, variable: String) throws(SettingError) -> NIOSSLPrivateKey {
        let bytes = try read(path, variable: variable)
        do {
            return try NIOSSLPrivateKey(bytes: bytes, format: .pem)
        } catch {
            throw SettingError("\(variable)=\(path) is not an unencrypted PEM private key: \(error)")
        }
    }

    /// A client's TLS configuration that trusts only the CA certificates of `path` (as
    /// `KAFKA_SSL_CA_LOCATION` does for the brokers), or `nil` for an empty path: the system's trust roots.
    ///
    /// - Throws: ``SettingError`` when the file cannot be read or holds no PEM certificate.
    public static func clientConfiguration(trusting path: String, variable: String) throws(SettingError) -> TLSConfiguration? {
        guard !path.isEmpty else { return nil }
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .certificates(try certificates(at: path, variable: variable))
        configuration.minimumTLSVersion = .tlsv12
        return configuration
    }

    private static func read(_ path: String, variable: String) throws(SettingError) -> [UInt8] {
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw SettingError("\(variable)=\(path) cannot be read: \(error.localizedDescription)")
        }
    }
}
