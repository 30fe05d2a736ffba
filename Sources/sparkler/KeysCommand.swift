import Foundation
import ArgumentParser
import SparklerTUI

/// The playground's keys, as F1 shows them; `--markdown` prints the README's table.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "List the playground's keys (the same list as F1 in the playground)."
    )

    @Flag(name: .long, help: "Print the README's Markdown table, with the longer descriptions.")
    var markdown = false

    func run() {
        if markdown {
            print(Keymap.markdownTable)
            return
        }
        let width = Keymap.help.map(\.keys.count).max() ?? 0
        for key in Keymap.help {
            print(key.keys.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + key.summary)
        }
    }
}
