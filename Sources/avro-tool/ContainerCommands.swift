import ArgumentParser
import Avro

/// JSON datums, one a line, into an object container file on stdout.
struct FromJSONCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fromjson", abstract: "Write JSON datums (one a line) as an object container file to stdout.")

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

/// An object container file's datums as JSON, one a line.
struct ToJSONCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tojson", abstract: "Print a container file's datums as JSON, one a line.")

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

/// An object container file's writer schema.
struct GetSchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "getschema", abstract: "Print a container file's writer schema.")

    @Argument(help: "The container file ('-' for stdin).")
    var input: String

    func run() throws {
        ToolIO.write(line: try AvroContainerReader(bytes: try ToolIO.read(path: input)).schemaText)
    }
}
