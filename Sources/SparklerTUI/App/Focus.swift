/// Which widget gets the keys.
public enum Focus: Sendable, Hashable {
    case prompt
    case negative
    case parameter(ParameterField)
    case history
}

/// What covers the screen for a moment and takes the keys until dismissed.
public enum Overlay: Sendable, Equatable {
    case help
    case confirmQuit
    case confirmDelete(Int64)
    /// Asks where to export an entry's picture, with a path being typed.
    case exportPath(Int64, TextInput)
}
