import NIOSSL
import ServiceSettings

extension HTTPSecuritySettings {
    /// Whether the server answers HTTPS: `TLS_CERT_FILE` and `TLS_KEY_FILE` are both set.
    public var isTLSConfigured: Bool { !tlsCertificateFile.isEmpty && !tlsKeyFile.isEmpty }

    /// The server's TLS configuration from `TLS_CERT_FILE` and `TLS_KEY_FILE`, read now; `nil` when
    /// neither is set (plain HTTP).
    ///
    /// The TLS context is made here once, so that a key that does not belong to the certificate stops
    /// the process at start-up instead of failing every handshake. TLS 1.2 is the oldest version
    /// offered: 1.0 and 1.1 are deprecated (RFC 8996).
    ///
    /// - Throws: ``SettingError`` when only one of the two is set, or a file cannot be used.
    public func makeTLSConfiguration() throws(SettingError) -> TLSConfiguration? {
        switch (tlsCertificateFile.isEmpty, tlsKeyFile.isEmpty) {
        case (true, true):
            return nil
        case (false, true):
            throw SettingError("TLS_CERT_FILE is set but TLS_KEY_FILE is not: HTTPS needs the certificate's private key too")
        case (true, false):
            throw SettingError("TLS_KEY_FILE is set but TLS_CERT_FILE is not: HTTPS needs the certificate (chain) too")
        case (false, false):
            let chain = try PEMFile.certificates(at: tlsCertificateFile, variable: "TLS_CERT_FILE")
            let key = try PEMFile.privateKey(at: tlsKeyFile, variable: "TLS_KEY_FILE")
            var configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
            configuration.minimumTLSVersion = .tlsv12
            do {
                _ = try NIOSSLContext(configuration: configuration)
            } catch {
                throw SettingError(
                    "TLS_KEY_FILE=\(tlsKeyFile) cannot serve TLS_CERT_FILE=\(tlsCertificateFile) (is it that certificate's key?): \(error)")
            }
            return configuration
        }
    }
}
