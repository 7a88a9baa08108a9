/// Where the value for a key is.
enum KeyedValueLocation {
    case absent
    /// A writer field (records) with the plan step that reads it.
    case writerField(state: RecordDecodingState, position: Int, step: Int)
    /// A map value at an offset.
    case mapValue(state: MapDecodingState, offset: Int)
    /// A reader field the writer lacks: its default, in binary form, read with the reader's node.
    case defaultValue(value: AvroValue, bytes: [UInt8], node: Int)
}
