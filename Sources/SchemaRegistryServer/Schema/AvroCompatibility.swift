import Avro

/// Bridges to the Avro module's schema resolution rules (``AvroSchemaCompatibility``), the same rules
/// its decoders apply, so that "compatible" here means "decodes" there.
enum AvroCompatibility {
    /// Why data written with `writer` cannot be read with `reader`; empty when it can. Messages follow
    /// Confluent's verbose style: the kind, where, and the reason.
    static func problems(reader: AvroSchema, writer: AvroSchema) -> [String] {
        do {
            return try AvroSchemaCompatibility.check(reader: reader, writer: writer).map(\.description)
        } catch {
            return ["schemas cannot be compared: \(error.message)"]
        }
    }
}
