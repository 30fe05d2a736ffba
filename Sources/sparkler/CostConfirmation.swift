import Foundation

/// Says what a comparison will bill before it starts, and above a threshold asks first: on the
/// terminal when there is one, else only `--yes` lets it start.
struct CostConfirmation {
    var steps: Int
    var threshold: Int
    var confirmed: Bool

    func check(summary: String) throws {
        Stderr.write(summary)
        guard steps > threshold, !confirmed else { return }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure.usage(
                "That is more than \(threshold) steps (confirm_above_steps under [compare] in config.toml) and there is no terminal to ask on: add --yes to start it."
            )
        }
        FileHandle.standardError.write(Data("Start it? [y/N] ".utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
        guard answer == "y" || answer == "yes" else {
            throw CommandFailure.failed("Not started; nothing was billed.")
        }
    }
}
