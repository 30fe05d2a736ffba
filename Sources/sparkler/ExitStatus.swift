import SparklerCore

/// What each way a command can end exits with, so scripts can tell outcomes apart (README: "Exit status").
enum ExitStatus {
    static let failed: Int32 = 1
    static let usage: Int32 = 2
    /// FLUX Kontext's moderation refused the request or withheld the picture.
    static let moderated: Int32 = 3
    /// The picture was not ready within `--timeout`.
    static let timedOut: Int32 = 4
    /// Fireworks no longer knows the request (`Task not found`).
    static let taskNotFound: Int32 = 5
    /// The picture was ready but could not be downloaded (its link expired, or the download failed).
    static let downloadFailed: Int32 = 6
    /// The picture was made (and maybe billed) but history could not record it; it was written to `-o`
    /// and to a recovery copy, which the message names.
    static let notRecorded: Int32 = 7
    /// The safety check filtered a picture: no file was written for it (the others were).
    static let filtered: Int32 = 8
    /// Stopped with Ctrl-C (128 + SIGINT, as shells report it).
    static let interrupted: Int32 = 130

    /// The status for a failed generation, from what made it fail.
    static func of(_ error: any Error) -> Int32 {
        let underlying = (error as? GenerationFailure)?.underlying ?? error
        switch underlying as? FireworksError {
        case .moderated?: return moderated
        case .workflowTimedOut?: return timedOut
        case .taskNotFound?: return taskNotFound
        case .sampleUnavailable?: return downloadFailed
        default: return failed
        }
    }
}
