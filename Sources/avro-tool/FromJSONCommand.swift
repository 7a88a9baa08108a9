import ArgumentParser
import Avro

/// JSON datums, one a line, into an object container file on stdout.
struct FromJSONCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fromjson",
        abstract: "Write JSON datums (one a line) as an object container file to stdout."
    )

    @Option(name: .customLong("schema-file"), help: "The schema (.avsc).")
    var schemaFile: String

    @Option(help: "null, deflate or snappy.")
    var codec: String = "null"

    @Argument(help: "The JSON datums, one a line ('-' for stdin).")
    var input: String

    func run() throws {
        guard let codec = AvroContainerCodec(rawValue: codec) else {
            throw ToolError("unknown codec '\(codec)'; use null, deflate or snappy")
        }
        let schema = try ToolIO.readSchema(path: schemaFile)
        let encoding = try AvroJSONEncoding(schema: schema)
        var writer = try AvroContainerWriter(schema: schema, codec: codec)
        let text = String(decoding: try ToolIO.read(path: input), as: UTF8.self)
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            do {
                try writer.append(try encoding.value(fromText: String(line)))
            } catch {
                throw ToolError("line \(number + 1): \(error.message)")
            }
        }
        ToolIO.write(try writer.finish())
    }
}
