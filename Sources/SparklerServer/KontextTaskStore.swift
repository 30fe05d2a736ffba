import Foundation
import SparklerCore

/// The FLUX Kontext requests `sparkler serve` is working on or has finished, and the pictures waiting at
/// their signed URLs until they expire (FIREWORKS_API.md: download at once). Tasks are forgotten an hour
/// after they settle, as a real server forgets them (`Task not found`).
actor KontextTaskStore {
    enum Status: Sendable, Equatable {
        case pending(fraction: Double?)
        case ready(Picture)
        case failed(details: String)
    }

    struct Picture: Sendable, Equatable {
        var data: Data
        var format: ImageFormat
        var seed: Int
        /// The unguessable part of the picture's URL: knowing it is the permission to fetch the picture.
        var token: String
        var readyAt: ContinuousClock.Instant
    }

    private var tasks: [String: (status: Status, settledAt: ContinuousClock.Instant?)] = [:]
    let sampleLifetime: Duration
    private static let memory = Duration.seconds(3600)

    init(sampleLifetime: Duration) {
        self.sampleLifetime = sampleLifetime
    }

    func start() -> String {
        forgetOld()
        let id = UUID().uuidString.lowercased()
        tasks[id] = (.pending(fraction: nil), nil)
        return id
    }

    func progress(_ id: String, fraction: Double) {
        guard case .pending = tasks[id]?.status else { return }
        tasks[id]?.status = .pending(fraction: fraction)
    }

    func finish(_ id: String, with status: Status) {
        tasks[id] = (status, .now)
    }

    func status(of id: String) -> Status? {
        forgetOld()
        return tasks[id]?.status
    }

    /// The picture behind `token`: nil when there is none, `.expired` once its lifetime has passed (its
    /// bytes are dropped then).
    func sample(token: String) -> SampleLookup {
        guard let (id, entry) = tasks.first(where: { if case .ready(let picture) = $0.value.status { picture.token == token } else { false } }),
              case .ready(let picture) = entry.status
        else { return .unknown }
        guard ContinuousClock.now - picture.readyAt <= sampleLifetime else {
            var expired = picture
            expired.data = Data()
            tasks[id]?.status = .ready(expired)
            return .expired
        }
        return .picture(picture)
    }

    enum SampleLookup: Sendable {
        case picture(Picture)
        case expired
        case unknown
    }

    private func forgetOld() {
        let now = ContinuousClock.now
        tasks = tasks.filter { $0.value.settledAt.map { now - $0 < Self.memory } ?? true }
    }
}
