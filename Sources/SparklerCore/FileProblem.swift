import Foundation

/// A failed file operation in words ("Permission denied", "No space left on device"): the system's own
/// reason, without the error domain and user-info dump Foundation's description carries.
public enum FileProblem {
    public static func words(for error: any Error) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        // On Linux the underlying error is a Swift `POSIXError`, which `as? NSError` does not match.
        if let underlying = (error.userInfo[NSUnderlyingErrorKey] as? any Error).map({ $0 as NSError }), underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedDescription
    }
}
