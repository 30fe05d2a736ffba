import Foundation
import SparklerGraphics
import Synchronization

/// How many terminal columns a grapheme takes, as the terminal counts them.
///
/// Single characters follow wcwidth. Emoji sequences are counted as this terminal was measured to count
/// them at start-up (`use`), because terminals disagree; a kind it gives an odd width (tmux: four columns
/// for a skin-toned thumb) is drawn as its first character instead, which every terminal counts alike.
public enum CharacterWidth {
    private static let emojiWidths = Mutex(EmojiWidths.unicode)

    /// Lays text out by the widths the terminal was measured to give emoji sequences.
    public static func use(_ widths: EmojiWidths) {
        emojiWidths.withLock { $0 = widths }
    }

    public static func of(_ character: Character) -> Int {
        guard let kind = EmojiSequence(character) else { return single(character) }
        return drawing(of: character, kind: kind, widths: emojiWidths.withLock { $0 }).columns
    }

    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// How the painter puts `character` on screen, and in how many columns.
    public static func drawing(of character: Character) -> GraphemeDrawing {
        guard let kind = EmojiSequence(character) else { return GraphemeDrawing(columns: single(character), curses: character) }
        return drawing(of: character, kind: kind, widths: emojiWidths.withLock { $0 })
    }

    static func drawing(of character: Character, kind: EmojiSequence, widths: EmojiWidths) -> GraphemeDrawing {
        guard let measured = widths[kind], (1...2).contains(measured) else {
            let stand = standIn(for: character, kind: kind)
            return GraphemeDrawing(columns: single(stand), curses: stand)
        }
        // curses counts a cell by its first character and keeps later ones only when they take no column.
        let cursesAgrees = character.unicodeScalars.dropFirst().allSatisfy(takesNoColumn)
            && single(Character(character.unicodeScalars.first!)) == measured
        return GraphemeDrawing(columns: measured, curses: cursesAgrees ? character : nil)
    }

    /// `text` cut to `width` columns with "…" at the end when it is wider.
    public static func truncated(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var kept = ""
        var used = 0
        for character in text {
            let next = of(character)
            if used + next > width - 1 { break }
            kept.append(character)
            used += next
        }
        return width > 0 ? kept + "…" : ""
    }

    /// What is drawn for a sequence the terminal cannot show in one or two columns.
    private static func standIn(for character: Character, kind: EmojiSequence) -> Character {
        // A lone regional indicator is counted differently again; a flag symbol every terminal draws narrow.
        if kind == .flag { return "\u{2690}" }
        return Character(character.unicodeScalars.first!)
    }

    private static func single(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        if scalar.properties.generalCategory == .control { return 0 }
        if character.unicodeScalars.count == 1, takesNoColumn(scalar) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return isWide(scalar.value) ? 2 : 1
    }

    private static func takesNoColumn(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: true
        default: false
        }
    }

    /// East Asian Wide and Fullwidth ranges.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

/// How one grapheme goes on screen.
public struct GraphemeDrawing: Sendable, Equatable {
    public var columns: Int
    /// What curses writes; nil when curses would count the grapheme's columns otherwise or cannot keep it in
    /// one cell: then curses writes blanks and the painter writes the grapheme over them.
    public var curses: Character?
}
