import GRDB

/// Why SQLite refused a write, in words a user can act on. GRDB's own description quotes the SQL
/// statement and its arguments, which say nothing to a user and may carry a whole prompt.
enum HistoryDatabaseProblem {
    static func describe(_ error: DatabaseError) -> String {
        switch error.resultCode {
        case .SQLITE_FULL:
            "the disk is full; free some space"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            "the file is damaged; move it aside (a new history starts) or restore it from a backup"
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            "it is read-only or its folder cannot be written"
        case .SQLITE_IOERR:
            "the disk reported an input/output error"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            "another Sparkler or program kept it locked for more than 5 seconds; try again once it has finished"
        default:
            "SQLite says \(error.message ?? "error \(error.resultCode.rawValue)")"
        }
    }
}
