import GRDB

extension HistoryStore {
    /// Flips the entry's favourite mark and returns the new state.
    @discardableResult
    public func toggleFavourite(id: Int64) throws -> Bool {
        try requireWritable()
        return try database.write { db in
            guard var entry = try HistoryEntry.fetchOne(db, key: id) else { throw HistoryError.entryNotFound(id: id) }
            entry.isFavourite.toggle()
            try entry.update(db, columns: [HistoryEntry.Columns.isFavourite])
            return entry.isFavourite
        }
    }

    public func setFavourite(_ isFavourite: Bool, id: Int64) throws {
        try requireWritable()
        try database.write { db in
            guard var entry = try HistoryEntry.fetchOne(db, key: id) else { throw HistoryError.entryNotFound(id: id) }
            entry.isFavourite = isFavourite
            try entry.update(db, columns: [HistoryEntry.Columns.isFavourite])
        }
    }

    /// Deletes the entry, and its picture and input image once no other entry uses them.
    public func delete(id: Int64) throws {
        try requireWritable()
        let entry = try database.write { db in
            guard let entry = try HistoryEntry.fetchOne(db, key: id) else { throw HistoryError.entryNotFound(id: id) }
            try entry.delete(db)
            return entry
        }
        try removeUnreferencedFiles(Self.files(of: entry))
    }

    /// Removes each file that no row names any more. The check and the removal happen under the
    /// write lock, so a process recording an identical picture either sees the file gone and writes
    /// it again, or commits its row first and keeps the file.
    private func removeUnreferencedFiles(_ files: [StoredImageFile]) throws {
        try database.write { db in
            for file in files {
                let isReferenced = try HistoryEntry
                    .filter(HistoryEntry.Columns.imageHash == file.hash || HistoryEntry.Columns.inputImageHash == file.hash)
                    .isEmpty(db) == false
                if !isReferenced { images.remove(file) }
            }
        }
    }

    private static func files(of entry: HistoryEntry) -> [StoredImageFile] {
        var files: [StoredImageFile] = []
        if let hash = entry.imageHash, let format = entry.imageFormat {
            files.append(StoredImageFile(hash: hash, fileExtension: format.fileExtension))
        }
        if let hash = entry.inputImageHash, let fileExtension = entry.inputImageFormat {
            files.append(StoredImageFile(hash: hash, fileExtension: fileExtension))
        }
        return files
    }
}
