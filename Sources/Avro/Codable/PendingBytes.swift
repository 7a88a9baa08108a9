/// Bytes waiting for their place in the output: already encoded, or a nested container or super
/// encoder that finishes when its parent does.
enum PendingBytes {
    case bytes([UInt8])
    case nested(AvroEncodingContext)

    func append(to output: inout [UInt8]) throws {
        switch self {
        case .bytes(let bytes): output.append(contentsOf: bytes)
        case .nested(let child):
            try child.finishContainer()
            output.append(contentsOf: child.output)
        }
    }
}
