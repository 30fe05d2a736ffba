import SparklerCore

/// The terminal playground. Its screen, keys and picture rendering arrive with the TUI issue;
/// until then the executable tells users what works from the shell.
public enum TerminalPlayground {
    public static let unavailableMessage = """
        The terminal playground is not built yet. Everything works from the shell today:
          sparkler generate "a beautiful sunset over the ocean" -o sunset.jpg
          sparkler history list
        Run `sparkler --help` for every command.
        """
}
