import Avro
import Foundation

/// Input and output of the commands: whole files or stdin in, bytes to stdout, one-line errors.
enum ToolIO {
    static func read(path: String?) throws -> [UInt8] {
        guard let path, path != "-" else { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        guard let data = FileManager.default.contents(atPath: path) else { throw ToolError("cannot read '\(path)'") }
        return [UInt8](data)
    }

    static func readSchema(path: String) throws -> AvroSchema {
        let bytes = try read(path: path)
        do {
            return try AvroSchema(parsing: bytes)
        } catch {
            throw ToolError("schema '\(path)': \(error.message)")
        }
    }

    static func write(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    static func write(line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Prints `message` as one line on stderr and exits with status 1.
    static func fail(_ message: String) -> Never {
        let line = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        FileHandle.standardError.write(Data("avro-tool: \(line)\n".utf8))
        exit(1)
    }

    /// The user-facing line for our own errors; `nil` for ArgumentParser's, which it words itself.
    static func oneLine(for error: any Error) -> String? {
        switch error {
        case let error as AvroError: error.message
        case let error as ToolError: error.message
        default: nil
        }
    }
}
