import ArgumentParser
import Avro

/// Prints the Parsing Canonical Form.
struct CanonicalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "canonical",
        abstract: "Print the Parsing Canonical Form of a schema."
    )

    @Option(name: .customLong("schema-file"), help: "The schema (.avsc).")
    var schemaFile: String

    func run() throws {
        ToolIO.write(line: try ToolIO.readSchema(path: schemaFile).canonicalForm)
    }
}
