import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A test fixture that could not do its job (a port, a process, a missing tool).
public struct TestSupportError: Error, CustomStringConvertible {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}

/// A TCP port on 127.0.0.1 that nothing listens on right now.
///
/// Picked at random below the kernel's ephemeral range (32768–60999 by default), where the kernel never
/// hands out ports on its own: a port from that range (what binding to port 0 gives) can be taken by
/// any outgoing connection, a Kafka client's included, in the seconds before a server binds it (a
/// registry waiting for its broker lost its port that way). The socket is closed before returning, so
/// another test could still pick the same port; callers that start a server retry on failure.
public func freePort() throws -> Int {
    for _ in 0..<200 {
        let port = Int.random(in: 20_000..<32_768)
        if try canBind(port: port) { return port }
    }
    throw TestSupportError(description: "no free port found between 20000 and 32767")
}

/// Whether a listening socket could bind 127.0.0.1:`port` now.
private func canBind(port: Int) throws -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw TestSupportError(description: "socket() failed: errno \(errno)") }
    defer { close(fd) }
    var address = loopbackAddress(port: port)
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    return bound == 0
}

/// Whether something accepts TCP connections on 127.0.0.1:`port`.
public func isListening(port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = loopbackAddress(port: port)
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    return connected == 0
}

private func loopbackAddress(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
}
