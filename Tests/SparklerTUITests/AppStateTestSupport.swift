import Foundation
@testable import SparklerCore
import SparklerGraphics
@testable import SparklerTUI

/// A playground state as the runtime would build it, with a Fireworks backend available.
func makeState(width: Int = 120, height: Int = 40, backend: BackendAvailability = .available("fireworks")) -> AppState {
    AppState(
        width: width, height: height, catalogue: ModelCatalogue(), form: FormState(), backend: backend,
        now: Date(timeIntervalSince1970: 1_800_000_000)
    )
}

extension AppState {
    /// Feeds events in order and returns every effect they asked for.
    @discardableResult
    mutating func send(_ events: AppEvent...) -> [Effect] {
        events.flatMap { update($0) }
    }

    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { update(.input(.key(.character($0)))) }
    }

    @discardableResult
    mutating func press(_ key: Key, _ modifiers: Modifiers = []) -> [Effect] {
        update(.input(.key(key, modifiers)))
    }
}

/// A history entry as the store would hand it back.
func makeEntry(id: Int64, prompt: String, outcome: HistoryEntry.Outcome = .success, favourite: Bool = false, cfg: Double = 3) -> HistoryEntry {
    var request = GenerationRequest(prompt: prompt, shape: .size(ImageSize(width: 1024, height: 1024)), cfgScale: cfg, steps: 30, seed: Int(id) * 11)
    request.model = ModelCatalogue.defaultModelID
    var entry = HistoryEntry(request: request, backend: "fireworks", groupID: "g\(id)", createdAt: Date(timeIntervalSince1970: 1_800_000_000), outcome: outcome, inputImage: nil)
    entry.id = id
    entry.seed = Int(id) * 11
    entry.stepsBilled = 30
    entry.isFavourite = favourite
    if outcome == .success {
        entry.imageHash = String(repeating: "ab", count: 32)
        entry.imageFormat = .jpeg
        entry.imageWidth = 1024
        entry.imageHeight = 1024
    } else if outcome == .failed {
        entry.errorMessage = "Fireworks refused the API key (HTTP 401)"
    }
    return entry
}

/// Pictures for view tests: a solid block of `#` cells the size of the pane, so tests can see it.
struct BlockPictures: PictureSource {
    func picture(for entry: HistoryEntry, columns: Int, rows: Int) -> RenderedPicture? {
        let fit = PaneFit(imageWidth: 1024, imageHeight: 1024, columns: columns, rows: rows)
        let cells = Array(repeating: Cell("#"), count: fit.picture.width * fit.picture.height)
        return RenderedPicture(fit: fit, format: PictureFormat(mode: .symbols, colorDepth: .palette256), content: .cells(cells), key: "test")
    }

    /// Previews draw as `~` cells, so tests can tell them from finished pictures.
    func picture(for image: RGBAImage, key: String, columns: Int, rows: Int) -> RenderedPicture? {
        let fit = PaneFit(imageWidth: image.width, imageHeight: image.height, columns: columns, rows: rows)
        let cells = Array(repeating: Cell("~"), count: fit.picture.width * fit.picture.height)
        return RenderedPicture(fit: fit, format: PictureFormat(mode: .symbols, colorDepth: .palette256), content: .cells(cells), key: key)
    }
}
