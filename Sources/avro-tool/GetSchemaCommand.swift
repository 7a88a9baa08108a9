import ArgumentParser
import Avro

/// An object container file's writer schema.
struct GetSchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "getschema",
        abstract: "Print a container file's writer schema."
    )

    @Argument(help: "The container file ('-' for stdin).")
    var input: String

    func run() throws {
        ToolIO.write(line: try AvroContainerReader(bytes: try ToolIO.read(path: input)).schemaText)
    }
}
