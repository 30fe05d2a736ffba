import Foundation

/// What the test server's FLUX Kontext workflow does with each task submitted from now on: the answers its
/// `get_result` polls get, in order (the last one repeats), and what happens to the picture's URL.
public struct KontextScript: Sendable {
    /// One `get_result` answer.
    public enum Poll: Sendable, Equatable {
        /// `Pending`, with the progress fraction when given.
        case pending(progress: Double? = nil)
        /// `Ready`, with `result.sample` pointing at the picture.
        case ready
        /// `Request Moderated` or `Content Moderated`, with these details.
        case requestModerated(details: String)
        case contentModerated(details: String)
        /// `Error`, with these details.
        case error(details: String)
        /// `Task not found`.
        case taskNotFound
    }

    /// What the signed picture URL answers.
    public enum Sample: Sendable, Equatable {
        /// The picture, until `expiresAfter` has passed since `Ready` (then 403 "Request has expired").
        case serve(expiresAfter: Duration = .seconds(600))
        /// 403 at once: a URL that expired before the client came.
        case expired
    }

    public var polls: [Poll]
    public var sample: Sample
    /// Every task stays Pending until this many tasks have been submitted: a client that waits for one
    /// before submitting the next never gets a picture (a test of concurrency that no machine's speed can fool).
    public var pendingUntilSubmitted: Int

    public init(polls: [Poll] = [.pending(progress: 0.5), .ready], sample: Sample = .serve(), pendingUntilSubmitted: Int = 1) {
        self.polls = polls
        self.sample = sample
        self.pendingUntilSubmitted = pendingUntilSubmitted
    }

    /// `Pending` for ever: a server that never becomes Ready.
    public static let neverReady = KontextScript(polls: [.pending(progress: 0.1)])
}

extension KontextScript.Poll: Hashable {
    var status: String {
        switch self {
        case .pending: "Pending"
        case .ready: "Ready"
        case .requestModerated: "Request Moderated"
        case .contentModerated: "Content Moderated"
        case .error: "Error"
        case .taskNotFound: "Task not found"
        }
    }
}
