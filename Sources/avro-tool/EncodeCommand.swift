import ArgumentParser
import Avro

/// One datum in the Avro JSON encoding in, its raw binary encoding out.
struct EncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Encode one JSON datum (Avro JSON encoding) to raw binary on stdout."
    )

    @Option(name: .customLong("schema-file"), help: "The schema (.avsc).")
    var schemaFile: String

    @Option(help: "The JSON datum; stdin when absent.")
    var input: String?

    func run() throws {
        let schema = try ToolIO.readSchema(path: schemaFile)
        let json = try AvroJSON(parsing: try ToolIO.read(path: input))
        let value = try AvroJSONEncoding(schema: schema).value(from: json)
        ToolIO.write(try AvroDatumWriter(schema: schema).encode(value))
    }
}
