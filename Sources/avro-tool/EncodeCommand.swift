import ArgumentParser
import Avro

/// One datum in the Avro JSON encoding in, its raw binary encoding out.
struct EncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode", abstract: "Encode one JSON datum (Avro JSON encoding) to raw binary on stdout.")

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

/// One raw binary datum in, its Avro JSON encoding out, resolved to a reader's schema if given.
struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode", abstract: "Decode one raw binary datum to the Avro JSON encoding on stdout.")

    @Option(name: .customLong("schema-file"), help: "The writer's schema (.avsc).")
    var schemaFile: String

    @Option(name: .customLong("reader-schema-file"), help: "The reader's schema; the datum is resolved to it.")
    var readerSchemaFile: String?

    @Option(help: "The binary datum; stdin when absent.")
    var input: String?

    func run() throws {
        let writer = try ToolIO.readSchema(path: schemaFile)
        let reader = try readerSchemaFile.map { try ToolIO.readSchema(path: $0) }
        let datumReader = try reader.map { try AvroDatumReader(writerSchema: writer, readerSchema: $0) } ?? AvroDatumReader(schema: writer)
        let value = try datumReader.decode(try ToolIO.read(path: input))
        ToolIO.write(line: try AvroJSONEncoding(schema: reader ?? writer).text(for: value))
    }
}
