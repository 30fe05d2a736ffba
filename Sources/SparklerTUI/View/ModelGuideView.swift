import SparklerCore
import SparklerGraphics

/// F3: what a model with a fixed vocabulary understands — example prompts to choose from, what it draws,
/// and every word it knows — in a dialog that fits 80×24 (the examples scroll with the choice, the word list
/// pages with PgUp PgDn and says which of its words are shown).
extension OverlayView {
    func drawModelGuide(_ guide: ModelGuide, model: ModelCapabilities, selected: Int, firstWord: Int, in frame: inout Frame) {
        let rect = centred(width: min(frame.width - 2, 78), height: frame.height - 2, in: frame.bounds)
        dialogBox(&frame, rect: rect, title: "What \(model.shortName) understands (Enter: example to prompt, Esc closes)")
        let x = rect.x + 2
        let width = rect.width - 4
        var y = rect.y + 1
        let bottom = rect.maxY - 1
        let titleWidth = (guide.topics.map { CharacterWidth.of($0.title) }.max() ?? 0) + 2
        // What is left once the examples have at least three rows: the topics, then the words.
        let exampleRows = min(guide.examples.count, max(3, bottom - y - 1 - (1 + guide.topics.count) - (1 + 2)))

        if !guide.examples.isEmpty {
            frame.put("Examples", x: x, y: y, style: theme.titleFocused, limit: width)
            y += 1
            let first = min(max(selected - exampleRows + 1, 0), guide.examples.count - exampleRows)
            for (offset, example) in guide.examples.dropFirst(first).prefix(exampleRows).enumerated() {
                let index = first + offset
                let chosen = index == selected
                frame.put((chosen ? "▸ " : "  ") + example, x: x, y: y, style: chosen ? theme.choiceFocused : theme.dialog, limit: width)
                y += 1
            }
        }
        if y < bottom {
            frame.put("It draws", x: x, y: y, style: theme.titleFocused, limit: width)
            y += 1
        }
        for topic in guide.topics where y < bottom {
            frame.put(topic.title, x: x, y: y, style: theme.helpKey, limit: titleWidth)
            frame.put(topic.words.joined(separator: ", "), x: x + titleWidth, y: y, style: theme.helpText, limit: width - titleWidth)
            y += 1
        }
        guard y < bottom - 1 else { return }  // the heading and at least one line of words
        let first = min(max(firstWord, 0), max(guide.words.count - 1, 0))
        let lines = Self.wrap(guide.words.dropFirst(first).joined(separator: " "), width: width).prefix(bottom - y - 1)
        let shown = first + lines.reduce(0) { $0 + $1.split(separator: " ").count }
        let range = first == 0 && shown >= guide.words.count
            ? "all \(guide.words.count)" : "\(first + 1)–\(shown) of \(guide.words.count), PgUp PgDn"
        frame.put("Every word it knows, \(range) (prompts stop at \(guide.wordLimit) words)",
                  x: x, y: y, style: theme.titleFocused, limit: width)
        y += 1
        for line in lines {
            frame.put(line, x: x, y: y, style: theme.textDim, limit: width)
            y += 1
        }
    }
}
