import ArgumentParser
import Foundation

/// `avro-tool`: schemas and data from the command line. A contract for tests outside this repository:
/// any failure exits non-zero with exactly one line on stderr.
@main
struct AvroTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "avro-tool",
        abstract: "Avro schemas and data from the command line.",
        subcommands: [
            EncodeCommand.self, DecodeCommand.self, CanonicalCommand.self, FingerprintCommand.self,
            FromJSONCommand.self, ToJSONCommand.self, GetSchemaCommand.self, CompatibilityCommand.self,
        ]
    )

    /// Replaces ArgumentParser's multi-line usage dump with one line on stderr, as the contract says;
    /// `--help` still prints the full help.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            ToolIO.fail(ToolIO.oneLine(for: error) ?? message(for: error))
        }
    }
}
