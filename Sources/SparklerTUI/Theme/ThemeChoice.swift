/// The theme to draw with, and what to tell the user when it is not the one they asked for.
public struct ThemeChoice: Sendable, Hashable {
    public var theme: Theme
    /// For the status line: why the requested theme could not be used.
    public var warning: String?

    public init(theme: Theme, warning: String? = nil) {
        self.theme = theme
        self.warning = warning
    }
}
