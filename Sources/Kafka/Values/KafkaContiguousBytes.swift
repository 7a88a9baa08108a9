#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Bytes that can be handed to librdkafka without an intermediate copy: keys and values of messages.
public protocol KafkaContiguousBytes {
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R
}

extension Array: KafkaContiguousBytes where Element == UInt8 {}
extension ArraySlice: KafkaContiguousBytes where Element == UInt8 {}
extension ContiguousArray: KafkaContiguousBytes where Element == UInt8 {}
extension Data: KafkaContiguousBytes {}

extension String: KafkaContiguousBytes {
    /// The UTF-8 bytes of the string.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var copy = self
        return try copy.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    }
}
