import Foundation

/// Keeps the pictures of a request that history could not record: they were made (and maybe billed), so
/// they go to a folder of their own, parameters embedded, for `sparkler history import` to add later.
public struct PictureRecovery: Sendable {
    /// Tried in order; the first one that takes every picture is used.
    public let directories: [URL]
    let appVersion: String

    public init(directories: [URL], appVersion: String) {
        self.directories = directories
        self.appVersion = appVersion
    }

    /// `recovered/` in the history's own folder, else one in the temporary folder (the history's folder
    /// may be the very thing that cannot be written).
    public init(besides history: HistoryStore) {
        self.init(
            directories: [
                history.directory.appending(path: "recovered"),
                FileManager.default.temporaryDirectory.appending(path: "sparkler-recovered"),
            ],
            appVersion: history.appVersion
        )
    }

    /// The files written, one per picture, in the first folder that takes them all; throws when none does.
    public func save(_ pictures: [StampedPicture], createdAt: Date) throws(PictureRecoveryError) -> [URL] {
        var problems: [String] = []
        for directory in directories {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                return try pictures.map { picture in
                    try write(picture.data, in: directory, named: "sparkler-\(Self.timestamp(createdAt))-\(picture.seed).\(picture.format.fileExtension)")
                }
            } catch {
                problems.append("\(directory.path): \(FileProblem.words(for: error))")
            }
        }
        throw PictureRecoveryError(problems: problems)
    }

    /// Writes a new file, never over an existing one: a second picture with the same name gets `-2`, `-3` ...
    private func write(_ data: Data, in directory: URL, named name: String) throws -> URL {
        let base = (name as NSString).deletingPathExtension
        let fileExtension = (name as NSString).pathExtension
        var attempt = 1
        while true {
            let url = directory.appending(path: attempt == 1 ? name : "\(base)-\(attempt).\(fileExtension)")
            do {
                try data.write(to: url, options: .withoutOverwriting)
                return url
            } catch CocoaError.fileWriteFileExists {
                attempt += 1
            }
        }
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: date)
    }
}

/// No recovery folder could take the pictures.
public struct PictureRecoveryError: Error, Sendable, CustomStringConvertible {
    public let problems: [String]

    public var description: String { "no folder could take a copy (\(problems.joined(separator: "; ")))" }
}
