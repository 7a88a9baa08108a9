final class RecordPlan: Sendable {
    enum WriterField: Sendable {
        case read(readerField: Int, step: Int)
        case skip(writerNode: Int)
    }

    enum ReaderField: Sendable {
        case fromWriter(position: Int, step: Int)
        /// The default as a value, and in binary form for the typed decoder.
        case fromDefault(AvroValue, bytes: [UInt8])
    }

    let record: RecordNode
    /// In the order the writer wrote them.
    let writerFields: [WriterField]
    /// In the reader's order.
    let readerFields: [ReaderField]
    /// The writer's fields are exactly the reader's, in the same order: decoders can read straight through.
    let isIdentity: Bool
    /// The steps of the writer fields when ``isIdentity``.
    let identitySteps: [Int]
    /// Per reader field: the writer field it comes from and the step reading it, or −1 for a default.
    let writerPositions: [Int]
    let readerSteps: [Int]

    init(record: RecordNode, writerFields: [WriterField], readerFields: [ReaderField]) {
        self.record = record
        self.writerFields = writerFields
        self.readerFields = readerFields
        var identity = writerFields.count == readerFields.count
        var steps: [Int] = []
        for (position, field) in writerFields.enumerated() {
            guard case .read(let readerField, let step) = field, readerField == position else {
                identity = false
                break
            }
            steps.append(step)
        }
        self.isIdentity = identity
        self.identitySteps = identity ? steps : []
        self.writerPositions = readerFields.map { if case .fromWriter(let position, _) = $0 { position } else { -1 } }
        self.readerSteps = readerFields.map { if case .fromWriter(_, let step) = $0 { step } else { -1 } }
    }
}
