import ArgumentParser
import Avro

/// An object container file's datums as JSON, one a line.
struct ToJSONCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tojson",
        abstract: "Print a container file's datums as JSON, one a line."
    )

    @Argument(help: "The container file ('-' for stdin).")
    var input: String

    func run() throws {
        let reader = try AvroContainerReader(bytes: try ToolIO.read(path: input))
        let encoding = try AvroJSONEncoding(schema: reader.schema)
        var output = ""
        for value in try reader.values() {
            output += try encoding.text(for: value)
            output += "\n"
        }
        ToolIO.write(Array(output.utf8))
    }
}
