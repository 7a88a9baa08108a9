import Avro

/// Bridges to the Avro module's schema resolution rules.
enum AvroCompatibility {
    /// Why data written with `writer` cannot be read with `reader`; empty when it can.
    static func problems(reader: AvroSchema, writer: AvroSchema) -> [String] {
        []
    }
}
