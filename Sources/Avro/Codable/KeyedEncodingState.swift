enum KeyedEncodingState {
    case record(RecordEncodingState)
    case map(MapEncodingState)

    func finish(in context: AvroEncodingContext) throws {
        switch self {
        case .record(let state): try state.finish(in: context)
        case .map(let state): try state.finish(in: context)
        }
    }
}
