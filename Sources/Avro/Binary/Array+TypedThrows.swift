/// The standard library's `withUnsafeBytes` and `withUTF8` are `rethrows`, which loses a typed error;
/// these carry `AvroError` through them (a `Result` on the stack, no allocation).
extension Array where Element == UInt8 {
    @inline(__always)
    func withAvroBytes<R>(_ body: (UnsafeRawBufferPointer) throws(AvroError) -> R) throws(AvroError) -> R {
        try withUnsafeBytes { buffer in Result { () throws(AvroError) in try body(buffer) } }.get()
    }
}
