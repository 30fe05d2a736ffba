import Foundation
import SparklerCore

/// Everything that can change the state: input, the clock, and the results of effects.
public enum AppEvent: Sendable {
    case input(InputEvent)
    /// The clock moved (spinner, elapsed time, debounced saves).
    case tick(Date)
    case generationProgress(GenerationProgress)
    case generationFinished(GenerationOutcome)
    /// `rows` counts the page's rows, read or not (nil: as many as `entries`); `unreadable` says why rows
    /// that could not be read were left out.
    case historyLoaded(queryID: Int, entries: [HistoryEntry], append: Bool, total: Int, rows: Int? = nil, unreadable: [String] = [])
    case promptsLoaded([String])
    /// A history entry's request, read back to load it into the form or to run it again.
    case requestLoaded(GenerationRequest, run: Bool)
    /// A history action (favourite, delete, export) finished; `reload` refreshes the list.
    case actionFinished(message: String, isError: Bool, reload: Bool)
    case comparison(ComparisonEvent)
    /// The entries of a group (a comparison made earlier), to show as its grid.
    case groupLoaded([HistoryEntry])
    case pathCompleted(ParameterField, original: String, PathCompletion)
    /// The picture of an entry to edit, found on disk.
    case editReady(entryID: Int64, path: String)
    /// A picture a view asked for while drawing was rendered off the UI thread (or failed to be), named by
    /// its image hash: the next frame finds it in the cache.
    case pictureReady(String)
    /// A provider's models cannot draw after all, found after start (the offline engine's weights load
    /// while the first frame is drawn), with the message that says why and what to do.
    case backendFailed(ModelProvider, String)
}

/// How a generation ended, in words the status line can show.
public enum GenerationOutcome: Sendable {
    case finished([HistoryEntry])
    case failed(String)
    case cancelled
}
