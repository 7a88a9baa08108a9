import ArgumentParser
import Avro

/// One raw binary datum in, its Avro JSON encoding out, resolved to a reader's schema if given.
struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode one raw binary datum to the Avro JSON encoding on stdout."
    )

    @Option(name: .customLong("schema-file"), help: "The writer's schema (.avsc).")
    var schemaFile: String

    @Option(name: .customLong("reader-schema-file"), help: "The reader's schema; the datum is resolved to it.")
    var readerSchemaFile: String?

    @Option(help: "The binary datum; stdin when absent.")
    var input: String?

    func run() throws {
        let writer = try ToolIO.readSchema(path: schemaFile)
        let reader = try readerSchemaFile.map { try ToolIO.readSchema(path: $0) }
        let datumReader =
            try reader.map { try AvroDatumReader(writerSchema: writer, readerSchema: $0) }
            ?? AvroDatumReader(schema: writer)
        let value = try datumReader.decode(try ToolIO.read(path: input))
        ToolIO.write(line: try AvroJSONEncoding(schema: reader ?? writer).text(for: value))
    }
}
