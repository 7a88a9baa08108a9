import Avro
import SchemaRegistry
import Synchronization

/// Avro for the registry: the Avro module parses and checks schemas, and its schema resolution rules
/// decide compatibility.
///
/// The normalized text is the schema re-written compactly by the Avro module with docs, defaults and
/// custom attributes kept (not the Parsing Canonical Form, which drops defaults: two schemas that differ
/// only in a default must get different ids, since the default decides compatibility).
final class AvroSchemaFormat: RegistrySchemaFormat {
    let typeName = "AVRO"
    private let parsed = Mutex<[String: AvroSchema]>([:])
    private let cacheLimit = 10_000

    init() {}

    func normalize(_ text: String) throws(RegistryError) -> String {
        let schema: AvroSchema
        do {
            schema = try AvroSchema(parsing: text)
        } catch {
            throw .invalidSchema(error.message)
        }
        let normalized = schema.jsonText
        remember(schema, for: normalized)
        return normalized
    }

    func readProblems(reader: String, writer: String) -> [String] {
        guard let readerSchema = schema(for: reader), let writerSchema = schema(for: writer) else {
            return ["a stored schema no longer parses"]
        }
        return AvroCompatibility.problems(reader: readerSchema, writer: writerSchema)
    }

    private func schema(for normalized: String) -> AvroSchema? {
        if let known = parsed.withLock({ $0[normalized] }) { return known }
        guard let schema = try? AvroSchema(parsing: normalized) else { return nil }
        remember(schema, for: normalized)
        return schema
    }

    private func remember(_ schema: AvroSchema, for text: String) {
        parsed.withLock { cache in
            if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[text] = schema
        }
    }
}
