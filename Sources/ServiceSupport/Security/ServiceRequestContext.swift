import Hummingbird
import NIOCore

/// The request context of every service: Hummingbird's basic one plus the client's address, which
/// rate limiting counts requests by when authentication is off.
public struct ServiceRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    private let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        channel = source.channel
    }

    /// Read from the channel only when asked: most requests never need it.
    public var remoteAddress: SocketAddress? { channel.remoteAddress }
}
