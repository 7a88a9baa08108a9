import SchemaRegistry

/// What the registry needs from a schema language: check and normalize a text, and tell whether data
/// written with one schema can be read with another.
///
/// Texts in, texts out: the store keeps schema texts (as the `_schemas` topic does), and an
/// implementation caches whatever parsed form it needs.
protocol RegistrySchemaFormat: Sendable {
    /// The schema type name in Confluent's API (`AVRO`).
    var typeName: String { get }

    /// Checks `text` and returns the normalized text the registry stores and compares, so that the
    /// same schema written with other whitespace or key order gets the same id.
    ///
    /// - Throws: `RegistryError.invalidSchema` (42201) with the reason.
    func normalize(_ text: String) throws(RegistryError) -> String

    /// Why data written with `writer` cannot be read with `reader`; empty when it can. Both are texts
    /// that ``normalize(_:)`` returned.
    func readProblems(reader: String, writer: String) -> [String]
}

extension RegistrySchemaFormat {
    /// The problems of registering `candidate` after `existing` under `level` (one pair of schemas).
    func problems(candidate: String, existing: RegisteredSchema, level: CompatibilityLevel) -> [String] {
        var problems: [String] = []
        if level.checksBackward {
            problems += readProblems(reader: candidate, writer: existing.schema).map {
                "\($0) (new schema cannot read data written with version \(existing.version), id \(existing.id))"
            }
        }
        if level.checksForward {
            problems += readProblems(reader: existing.schema, writer: candidate).map {
                "\($0) (version \(existing.version), id \(existing.id), cannot read data written with the new schema)"
            }
        }
        return problems
    }
}
