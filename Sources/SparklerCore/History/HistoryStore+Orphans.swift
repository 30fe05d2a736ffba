import Foundation
import GRDB

/// Pictures no row names. A process killed (kill -9) after storing its pictures and before their rows
/// committed leaves them behind; they are swept when history opens for writing, at most once a day.
extension HistoryStore {
    /// A file younger than this may belong to a writer still on its way to its commit.
    public static let orphanMinimumAge: TimeInterval = 60 * 60
    static let sweepInterval: TimeInterval = 24 * 60 * 60

    /// Removes the stored pictures and input images that no row names and that are older than
    /// `minimumAge`; returns their paths.
    @discardableResult
    public func sweepOrphanedPictures(minimumAge: TimeInterval = orphanMinimumAge, now: Date = Date()) throws -> [String] {
        try requireWritable()
        let referenced = try database.read(Self.referencedHashes)
        let candidates = images.storedFiles().filter { stored in
            !referenced.contains(stored.file.hash) && stored.modified < now.addingTimeInterval(-minimumAge)
        }
        guard !candidates.isEmpty else { return [] }
        // Checked again under the write lock: a writer that reuses one of these files commits its row
        // first (and keeps it), or finds it gone and writes it again.
        return try database.write { db in
            let stillReferenced = try Self.referencedHashes(db)
            return candidates.filter { !stillReferenced.contains($0.file.hash) }.map { stored in
                images.remove(stored.file)
                return images.url(for: stored.file).path
            }
        }
    }

    /// Sweeps when the last sweep is a day old (or never happened), remembered by `orphan-sweep`'s time.
    func sweepOrphanedPicturesIfDue(now: Date = Date()) {
        let marker = directory.appending(path: "orphan-sweep")
        let last = FileStat.modificationDate(of: marker.path)
        if let last, last <= now, now.timeIntervalSince(last) < Self.sweepInterval { return }
        // Best effort: history that cannot be swept today still opens, and the next day tries again.
        guard (try? sweepOrphanedPictures(now: now)) != nil else { return }
        // A marker that cannot be written only means another sweep at the next open.
        _ = FileManager.default.createFile(atPath: marker.path, contents: nil)
    }

    private static func referencedHashes(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: """
            SELECT imageHash FROM historyEntry WHERE imageHash IS NOT NULL
            UNION SELECT inputImageHash FROM historyEntry WHERE inputImageHash IS NOT NULL
            """))
    }
}
