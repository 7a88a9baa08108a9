import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

extension HTTPSecuritySettings {
    /// The HTTP/1.1 server with these settings' idle timeout and header limits: a client cannot keep a
    /// connection open forever doing nothing, nor make the server buffer an endless head.
    public var server: HTTPServerBuilder {
        .http1(
            configuration: HTTP1Channel.Configuration(
                idleTimeout: TimeAmount(idleTimeout),
                httpDecoderConfiguration: .init(
                    maxHeaderFieldSize: maximumHeaderBytes, maxHeaderListSize: maximumHeaderBytes, maxHeaderFieldCount: 100)))
    }

    /// The application's address and name, with the connection cap: past it, new connections wait in
    /// the listen backlog until one closes.
    public func applicationConfiguration(host: String, port: Int, serverName: String, logger: Logger) -> ApplicationConfiguration {
        ApplicationConfiguration(
            address: .hostname(host, port: port), serverName: serverName,
            availableConnectionsDelegate: .maximum(maximumConnections, logger: logger))
    }
}
