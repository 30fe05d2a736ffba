import Foundation

/// What can go wrong with the history store, in words a user can act on.
public enum HistoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database was migrated by a newer Sparkler that this one does not understand.
    case newerSchema(path: String)
    case entryNotFound(id: Int64)
    /// An image-to-image or ControlNet entry whose input image is not in the store.
    case missingInputImage(entryID: Int64?)
    /// A row whose stored request (or another value) this Sparkler cannot read.
    case unreadableRequest(entryID: Int64?, reason: String)
    /// A picture the database names is gone from the images folder.
    case missingImageFile(path: String)
    /// An imported file carries no Sparkler metadata.
    case noProvenance(path: String)
    /// An imported file could not be read as a picture with Sparkler metadata.
    case unreadableImport(path: String, reason: String)
    /// A file-system call failed; `code` is the `errno` value.
    case fileSystem(operation: String, path: String, code: Int32)
    /// The database refused a write; `problem` says why in words (`HistoryDatabaseProblem`), never with its SQL.
    case databaseWrite(path: String, problem: String)
    /// Opening (and bringing the schema up to date) failed: locked past the busy timeout, damaged, a full disk.
    case databaseOpen(path: String, problem: String)
    /// History was opened read-only (`HistoryStore.isReadOnly`) and something tried to change it.
    case readOnly(path: String)
    /// A read-only history whose database cannot be read either.
    case readOnlyUnreadable(path: String, problem: String)
    /// A read-only history written by an older Sparkler: it would need a migration, which is a write.
    case readOnlyOutdated(path: String)

    public var description: String {
        switch self {
        case .newerSchema(let path):
            "\(path) was written by a newer Sparkler; update Sparkler to use this history."
        case .entryNotFound(let id):
            "history has no entry \(id)."
        case .missingInputImage(let id):
            "the input image of history entry \(id.map(String.init) ?? "(new)") is not in the store."
        case .unreadableRequest(let id, let reason):
            "history entry \(id.map(String.init) ?? "(new)") cannot be read: \(reason) (was the database edited by hand, or written by a newer Sparkler?)."
        case .missingImageFile(let path):
            "the stored picture \(path) is missing."
        case .noProvenance(let path):
            "\(path) carries no Sparkler metadata, so there is nothing to import."
        case .unreadableImport(let path, let reason):
            "cannot import \(path): \(reason)."
        case .fileSystem(let operation, let path, let code):
            "cannot \(operation) \(path): \(String(cString: strerror(code)))."
        case .databaseWrite(let path, let problem):
            "the history database \(path) cannot be written: \(problem)."
        case .databaseOpen(let path, let problem):
            "the history database \(path) cannot be opened: \(problem)."
        case .readOnly(let path):
            "the history in \(path) is read-only (its folder or history.sqlite cannot be written), so nothing in it can be added or changed."
        case .readOnlyUnreadable(let path, let problem):
            "the history database \(path) is read-only and cannot be read: \(problem)."
        case .readOnlyOutdated(let path):
            "\(path) was written by an older Sparkler and is read-only, so it cannot be upgraded; make it writable and run any sparkler command once."
        }
    }
}
