extension String {
    @inline(__always)
    mutating func withAvroUTF8<R>(_ body: (UnsafeRawBufferPointer) throws(AvroError) -> R) throws(AvroError) -> R {
        try withUTF8 { utf8 in Result { () throws(AvroError) in try body(UnsafeRawBufferPointer(utf8)) } }.get()
    }
}
