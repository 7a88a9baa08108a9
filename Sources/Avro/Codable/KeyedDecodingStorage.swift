/// What a keyed container reads from. Declared outside the generic container so that using it costs
/// no generic-metadata lookup per field.
enum KeyedDecodingStorage {
    case record(RecordDecodingState)
    case map(MapDecodingState)
}
