import GRDB
import PostgresNIO

/// Why the store could not do what was asked.
///
/// The code decides what the consumer does with the record at hand: `unavailable` is an
/// infrastructure failure (retried for as long as it takes, the partition held); `failed` is a
/// processing failure (retried a few times, then dead-lettered).
public struct OrderStoreError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Backing: String, Sendable { case unavailable, failed }
        fileprivate let backing: Backing

        /// The database cannot be reached or written right now: locked, disk full, I/O error,
        /// read-only, cannot open. Nothing about the record is wrong.
        public static let unavailable = Code(backing: .unavailable)
        /// Applying this record failed (a constraint, a row that does not read back).
        public static let failed = Code(backing: .failed)

        public var description: String { backing.rawValue }
    }

    public let code: Code
    public let reason: String
    private let file: String
    private let line: UInt

    public init(_ code: Code, _ reason: String, file: String = #fileID, line: UInt = #line) {
        self.code = code
        self.reason = reason
        self.file = file
        self.line = line
    }

    public static func unavailable(_ reason: String, file: String = #fileID, line: UInt = #line) -> OrderStoreError {
        OrderStoreError(.unavailable, reason, file: file, line: line)
    }

    public static func failed(_ reason: String, file: String = #fileID, line: UInt = #line) -> OrderStoreError {
        OrderStoreError(.failed, reason, file: file, line: line)
    }

    public var description: String { "OrderStoreError.\(code): \(reason) \(file):\(line)" }

    /// Classifies an error out of GRDB by its SQLite result code, or out of PostgresNIO.
    static func wrapping(_ error: any Error, file: String = #fileID, line: UInt = #line) -> OrderStoreError {
        if let error = error as? OrderStoreError { return error }
        if let error = error as? PSQLError { return .wrapping(postgres: error, file: file, line: line) }
        guard let error = error as? DatabaseError else {
            return OrderStoreError(.failed, "\(error)", file: file, line: line)
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_IOERR, .SQLITE_FULL, .SQLITE_CANTOPEN, .SQLITE_READONLY,
            .SQLITE_NOMEM, .SQLITE_PROTOCOL, .SQLITE_INTERRUPT:
            return OrderStoreError(.unavailable, "\(error)", file: file, line: line)
        default:
            return OrderStoreError(.failed, "\(error)", file: file, line: line)
        }
    }
}
