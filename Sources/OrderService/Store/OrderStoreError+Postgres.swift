import PostgresNIO

extension OrderStoreError {
    /// Classifies an error out of PostgresNIO by its kind and SQLSTATE.
    ///
    /// PSQLError's own `description` hides everything (it may hold query values); the message here
    /// is built from the server's message and SQLSTATE, which name no value, or the socket error.
    static func wrapping(postgres error: PSQLError, file: String = #fileID, line: UInt = #line) -> OrderStoreError {
        guard let info = error.serverInfo, let state = info[.sqlState] else {
            let cause = error.underlying.map { "\($0)" } ?? "\(error.code)"
            return OrderStoreError(.unavailable, "PostgreSQL connection: \(cause)", file: file, line: line)
        }
        let reason = "PostgreSQL: \(info[.message] ?? "error") (SQLSTATE \(state))"
        return OrderStoreError(isUnavailable(sqlState: state) ? .unavailable : .failed, reason, file: file, line: line)
    }

    /// Connection problems (08), serialization failures and deadlocks (40), too many connections or a full
    /// disk (53), a server shutting down (57), system errors (58): nothing about the record is wrong.
    private static func isUnavailable(sqlState: String) -> Bool {
        ["08", "40", "53", "57", "58"].contains(String(sqlState.prefix(2)))
    }
}
