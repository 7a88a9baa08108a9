/// Schema compatibility without data: can a reader with one schema read everything written with another?
///
/// This is the schema resolution that decoding performs, run over the schemas alone. A Schema Registry
/// uses it for its compatibility levels: BACKWARD means the new schema reads data written with the
/// previous one (`reader: new, writer: old`), FORWARD the reverse, FULL both.
public enum AvroSchemaCompatibility {
    /// Every reason why `reader` cannot read all data written with `writer`; empty when it can.
    ///
    /// A writer's union branch that the reader cannot take, or an enum symbol the reader lacks without
    /// a default, counts as an incompatibility even though data that never uses it would decode.
    public static func check(reader: AvroSchema, writer: AvroSchema) throws(AvroError) -> [AvroIncompatibility] {
        let plan = ReadPlan(writer: try SchemaGraph(writer), reader: try SchemaGraph(reader))
        return plan.incompatibilities
    }

    /// Whether `reader` can read everything written with `writer`.
    public static func isCompatible(reader: AvroSchema, writer: AvroSchema) throws(AvroError) -> Bool {
        try check(reader: reader, writer: writer).isEmpty
    }

    /// Checks `newSchema` against earlier schemas (oldest first) at a registry compatibility level. The
    /// non-transitive levels look at the last schema only.
    public static func check(
        _ level: AvroCompatibilityLevel,
        newSchema: AvroSchema,
        previousSchemas: [AvroSchema]
    ) throws(AvroError) -> [AvroIncompatibility] {
        let targets: ArraySlice<AvroSchema> = level.isTransitive ? previousSchemas[...] : previousSchemas.suffix(1)
        var result: [AvroIncompatibility] = []
        for previous in targets.reversed() {
            if level.checksBackward { result += try check(reader: newSchema, writer: previous) }
            if level.checksForward { result += try check(reader: previous, writer: newSchema) }
        }
        return result
    }
}
