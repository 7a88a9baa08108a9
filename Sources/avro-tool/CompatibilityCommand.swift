import ArgumentParser
import Avro

/// Checks a new version of a schema against the versions already released, as a Schema Registry
/// would at a compatibility level, so that an incompatible change fails in CI rather than at the
/// first `POST` to a production registry.
struct CompatibilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compatibility",
        abstract: "Check a schema against earlier versions at a registry compatibility level; exit 1 with the reasons if not compatible."
    )

    @Option(help: "NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE.")
    var level: String = "BACKWARD"

    @Option(name: .customLong("schema-file"), help: "The new schema (.avsc).")
    var schemaFile: String

    @Argument(help: "The earlier versions (.avsc), oldest first.")
    var previous: [String] = []

    func run() throws {
        guard let level = AvroCompatibilityLevel(rawValue: level.uppercased()) else {
            throw ToolError(
                "unknown level '\(level)'; use one of \(AvroCompatibilityLevel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let schema = try ToolIO.readSchema(path: schemaFile)
        let earlier = try previous.map { path in try ToolIO.readSchema(path: path) }
        let problems = try AvroSchemaCompatibility.check(level, newSchema: schema, previousSchemas: earlier)
        guard problems.isEmpty else {
            throw ToolError(
                "\(schemaFile) is not \(level) compatible with \(previous.joined(separator: ", ")): "
                    + problems.map(\.description).joined(separator: "; "))
        }
        ToolIO.write(line: "\(schemaFile): \(level) compatible with \(earlier.count) earlier version(s)")
    }
}
