import Foundation
import TestSupport

@testable import Avro

/// The cases `scripts/avro/interop_cases.py` generates with fastavro and the Apache `avro` package,
/// loaded once per test run (the script takes about half a second).
enum InteropCases {
    static let document = Task<AvroJSONObject, any Error> {
        let script = ProjectPaths.root.appendingPathComponent("scripts/avro/interop_cases.py").path
        let result = try await runCommand(ProjectPaths.python, [script], timeout: .seconds(60))
        guard result.status == 0 else {
            throw InteropFailure("interop_cases.py failed (run scripts/setup.sh for the venv): \(result.stderrText)")
        }
        guard case .object(let object) = try AvroJSON(parsing: [UInt8](result.stdout)) else {
            throw InteropFailure("interop_cases.py printed no JSON object")
        }
        return object
    }

    static func section(_ name: String) async throws -> [AvroJSONObject] {
        guard case .array(let cases)? = try await document.value[name] else {
            throw InteropFailure("no section \(name)")
        }
        return cases.compactMap(\.objectValue)
    }

    /// Runs `interop_verify.py` on data written by Swift and returns the failures it reports.
    static func verify(_ document: AvroJSON) async throws -> (checked: Int, failures: [AvroJSON]) {
        let script = ProjectPaths.root.appendingPathComponent("scripts/avro/interop_verify.py").path
        let result = try await runCommand(
            ProjectPaths.python,
            [script],
            stdin: Data(document.jsonText.utf8),
            timeout: .seconds(60)
        )
        guard result.status == 0, case .object(let report) = try AvroJSON(parsing: [UInt8](result.stdout)) else {
            throw InteropFailure("interop_verify.py failed: \(result.stderrText)")
        }
        return (Int(report["checked"]?.exactInteger ?? 0), report["failures"]?.arrayValue ?? [])
    }
}

struct InteropFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

extension AvroJSONObject {
    func string(_ key: String) throws -> String {
        guard case .string(let value)? = self[key] else { throw InteropFailure("missing string '\(key)'") }
        return value
    }

    func json(_ key: String) throws -> AvroJSON {
        guard let value = self[key] else { throw InteropFailure("missing '\(key)'") }
        return value
    }
}

func bytes(hex: String) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(hex.utf8.count / 2)
    var high: UInt8?
    for character in hex.utf8 {
        let digit = character <= UInt8(ascii: "9") ? character - UInt8(ascii: "0") : character - UInt8(ascii: "a") + 10
        if let value = high {
            result.append(value << 4 | digit)
            high = nil
        } else {
            high = digit
        }
    }
    return result
}
