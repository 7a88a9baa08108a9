extension AvroDatumWriter {
    /// `value` in single-object encoding.
    public func encodeSingleObject(_ value: AvroValue) throws(AvroError) -> [UInt8] {
        var output = AvroSingleObject.header(for: schema)
        try encode(value, into: &output)
        return output
    }
}
