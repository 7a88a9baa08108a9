import ArgumentParser

@main
struct AvroTool: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "avro-tool", abstract: "Avro schemas and data from the command line.")
}
