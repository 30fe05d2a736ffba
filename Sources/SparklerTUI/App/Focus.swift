import SparklerCore

/// Which widget gets the keys.
public enum Focus: Sendable, Hashable {
    case prompt
    case negative
    case parameter(ParameterField)
    case history
    /// The comparison grid in the image pane.
    case compare
}

/// What covers the screen for a moment and takes the keys until dismissed.
public enum Overlay: Sendable, Equatable {
    case help
    /// Every message of the session, newest first, in full.
    case messages
    case confirmQuit
    case confirmDelete(Int64)
    /// Asks where to export an entry's picture, with a path being typed.
    case exportPath(Int64, TextInput)
    /// Choosing what to compare: seeds or a sweep.
    case compareMenu(CompareChoice)
    /// A comparison whose cost is above the threshold, waiting for a yes.
    case confirmCompare(ComparisonPlan, title: String)
    /// Asks where to write the comparison's contact sheet.
    case exportSheet(TextInput)
    /// What the model understands (F3), with one of its example prompts chosen and its word list shown from
    /// the word at `firstWord`.
    case modelGuide(selected: Int, firstWord: Int = 0)
}
