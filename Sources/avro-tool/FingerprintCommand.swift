import ArgumentParser
import Avro

/// Prints a fingerprint of the canonical form in lowercase hex.
struct FingerprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fingerprint",
        abstract:
            "Print a schema's fingerprint in lowercase hex (rabin: the 64-bit value, most significant digit first)."
    )

    @Option(name: .customLong("schema-file"), help: "The schema (.avsc).")
    var schemaFile: String

    @Option(help: "rabin, md5 or sha256.")
    var algorithm: String = "rabin"

    func run() throws {
        guard let algorithm = AvroFingerprintAlgorithm(rawValue: algorithm) else {
            throw ToolError("unknown algorithm '\(algorithm)'; use rabin, md5 or sha256")
        }
        let schema = try ToolIO.readSchema(path: schemaFile)
        let hex: String
        if algorithm == .rabin {
            let text = String(schema.rabinFingerprint, radix: 16)
            hex = String(repeating: "0", count: 16 - text.count) + text
        } else {
            hex = schema.fingerprint(algorithm).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
        ToolIO.write(line: hex)
    }
}
