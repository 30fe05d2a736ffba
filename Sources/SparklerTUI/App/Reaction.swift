import SparklerCore

/// What one concern's update asks of the rest of the playground. Each concern (the history browser, the
/// comparison grid, the parameter editor, the overlays) changes only its own state and answers with
/// reactions; `AppState` routes events to them and carries the reactions out, so no concern reaches into
/// another's state.
public enum Reaction: Sendable, Equatable {
    /// Work for the runtime (history, network, disk).
    case run(Effect)
    case notify(StatusMessage)
    case open(Overlay)
    /// Moves the focus along the Tab order.
    case moveFocus(by: Int)
    /// Shows an entry's picture in the image pane.
    case show(HistoryEntry)
    /// Puts a grid in the image pane (and the focus on it).
    case openGrid(CompareState)
    /// Takes the grid out of the image pane, the focus back to the prompt.
    case closeGrid
    /// Loads a request (a grid cell's) into the form.
    case loadIntoForm(GenerationRequest)
    /// Runs what the form describes.
    case generate
    /// Starts the history list again from the newest entry, selecting the newest when asked.
    case reloadHistory(selectingNewest: Bool)
    /// Steps and money this session spent on a picture.
    case billed(HistoryEntry)
    /// The seed a run used: the Seed row shows it unless a seed is locked.
    case seedUsed(Int)
    /// Puts a prompt (an example) in the prompt field, to change or send.
    case loadExample(String)
    /// The compare menu's choice, to plan from the form and run or confirm.
    case planComparison(CompareChoice)
    case startComparison(ComparisonPlan, title: String)
    /// Writes the grid shown as one contact sheet.
    case exportGrid(path: String)
    /// Leaves the playground, abandoning what is being made.
    case quit
}
