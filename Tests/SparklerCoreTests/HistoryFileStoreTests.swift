import Foundation
import Testing
@testable import SparklerCore

@Suite struct HistoryFileStoreTests {
    private func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func openingSweepsTemporaryFilesOfDeadWritersOnly() throws {
        let history = try TemporaryHistory()
        let temporary = history.directory.appending(path: "images/tmp")
        let dead = TemporaryImageFiles.newName(pid: try deadProcessID())
        let live = TemporaryImageFiles.newName(pid: getpid())
        let foreign = "notes.txt"
        for name in [dead, live, foreign] {
            try Data("half a picture".utf8).write(to: temporary.appending(path: name))
        }
        _ = try history.openAnother()
        #expect(Set(history.temporaryFileNames()) == [live, foreign])
    }

    @Test func temporaryNamesCarryTheWriterPID() {
        let name = TemporaryImageFiles.newName(pid: 4242)
        #expect(TemporaryImageFiles.writerPID(ofFileNamed: name) == 4242)
        #expect(TemporaryImageFiles.writerPID(ofFileNamed: "4242.part") == nil)
        #expect(TemporaryImageFiles.writerPID(ofFileNamed: "abc-def.part") == nil)
        #expect(TemporaryImageFiles.isAlive(getpid()))
    }

    @Test func picturesAreStoredByHashInShardFolders() throws {
        let history = try TemporaryHistory()
        let store = ImageFileStore(root: history.directory.appending(path: "images"))
        let data = Data("some bytes".utf8)
        let file = try store.store(data, fileExtension: "png")
        #expect(file.hash == StoredImageFile.sha256Hex(data))
        #expect(history.storedImagePaths() == ["\(file.hash.prefix(2))/\(file.hash).png"])
        #expect(try store.read(file) == data)
        #expect(try store.store(data, fileExtension: "png") == file)
        #expect(history.temporaryFileNames().isEmpty)
        store.remove(file)
        #expect(throws: HistoryError.self) { try store.read(file) }
    }

    @Test func sha256MatchesAKnownDigest() {
        #expect(StoredImageFile.sha256Hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func inputImagesAreNamedByWhatTheirBytesAre() {
        #expect(StoredImageFile.fileExtension(sniffing: HistoryFixtures.png()) == "png")
        #expect(StoredImageFile.fileExtension(sniffing: HistoryFixtures.jpeg) == "jpg")
        #expect(StoredImageFile.fileExtension(sniffing: Data("RIFF\0\0\0\0WEBPVP8 ".utf8)) == "webp")
        #expect(StoredImageFile.fileExtension(sniffing: Data("hello".utf8)) == "bin")
    }
}
