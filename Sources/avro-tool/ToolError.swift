import Avro
import Foundation

/// A failure outside the Avro module: unreadable file, bad argument value.
struct ToolError: Error {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
