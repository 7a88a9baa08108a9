extension AvroEncoder {
    /// `value` in single-object encoding.
    public func encodeSingleObject<T: Encodable>(_ value: T) throws -> [UInt8] {
        var output = AvroSingleObject.header(for: schema)
        try encode(value, into: &output)
        return output
    }
}
