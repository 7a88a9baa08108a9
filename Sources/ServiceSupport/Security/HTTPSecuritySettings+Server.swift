import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import ServiceSettings

extension HTTPSecuritySettings {
    /// The HTTP/1.1 server with these settings' idle timeout and header limits: a client cannot keep a
    /// connection open forever doing nothing, nor make the server buffer an endless head. Plain HTTP:
    /// tests that build an application in process use it; the executables use ``makeServer()``.
    public var server: HTTPServerBuilder {
        .http1(
            configuration: HTTP1Channel.Configuration(
                idleTimeout: TimeAmount(idleTimeout),
                httpDecoderConfiguration: .init(
                    maxHeaderFieldSize: maximumHeaderBytes, maxHeaderListSize: maximumHeaderBytes, maxHeaderFieldCount: 100)))
    }

    /// ``server``, wrapped in TLS when `TLS_CERT_FILE` and `TLS_KEY_FILE` are set, with both files read
    /// now. A TLS server answers only TLS: a plain HTTP request fails its handshake and is closed.
    ///
    /// - Throws: ``SettingError`` as ``makeTLSConfiguration()`` does.
    public func makeServer() throws(SettingError) -> HTTPServerBuilder {
        guard let tls = try makeTLSConfiguration() else { return server }
        // `.tls` only wraps the builder; the TLS context it makes per server was tried above.
        do {
            return try .tls(server, tlsConfiguration: tls)
        } catch {
            throw SettingError("TLS_CERT_FILE=\(tlsCertificateFile) cannot be served: \(error)")
        }
    }

    /// The application's address and name, with the connection cap: past it, new connections wait in
    /// the listen backlog until one closes.
    public func applicationConfiguration(host: String, port: Int, serverName: String, logger: Logger) -> ApplicationConfiguration {
        ApplicationConfiguration(
            address: .hostname(host, port: port), serverName: serverName,
            availableConnectionsDelegate: .maximum(maximumConnections, logger: logger))
    }
}
