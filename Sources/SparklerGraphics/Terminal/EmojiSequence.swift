/// The kinds of emoji sequence whose width terminals disagree on: one draws a skin-toned thumb in two
/// columns, tmux 3.3a in four; kitty gives a heart with U+FE0F two, tmux one. The playground measures each
/// kind in its terminal at start-up (`TerminalQuery.emojiMeasurement`) and lays text out by the answers.
public enum EmojiSequence: String, CaseIterable, Sendable {
    /// Characters joined by U+200D into one picture: 👨‍👩‍👧.
    case joined
    /// Two regional indicators: 🇳🇴.
    case flag
    /// A digit, # or * with U+FE0F and U+20E3: 1️⃣.
    case keycap
    /// An emoji with a skin-tone modifier: 👍🏽.
    case skinTone
    /// A text character asked to look like an emoji by U+FE0F: ❤️.
    case presentationSelector

    /// What is printed to measure the kind.
    public var sample: String {
        switch self {
        case .joined: "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
        case .flag: "\u{1F1F3}\u{1F1F4}"
        case .keycap: "1\u{FE0F}\u{20E3}"
        case .skinTone: "\u{1F44D}\u{1F3FD}"
        case .presentationSelector: "\u{2764}\u{FE0F}"
        }
    }

    /// The kind of `character`, nil for a grapheme every terminal measures alike (one character, or one
    /// with combining marks).
    public init?(_ character: Character) {
        let scalars = character.unicodeScalars
        guard scalars.count > 1, let first = scalars.first else { return nil }
        if scalars.contains(where: { $0.value == 0x200D }) {
            self = .joined
        } else if scalars.allSatisfy({ (0x1F1E6...0x1F1FF).contains($0.value) }) {
            self = .flag
        } else if scalars.contains(where: { $0.value == 0x20E3 }) {
            self = .keycap
        } else if scalars.contains(where: { (0x1F3FB...0x1F3FF).contains($0.value) }) {
            self = .skinTone
        } else if scalars.contains(where: { $0.value == 0xFE0F }) && !first.properties.isEmojiPresentation {
            self = .presentationSelector
        } else {
            return nil
        }
    }
}

/// How many columns the terminal gave each `EmojiSequence` kind when measured; nil where it was not measured.
public struct EmojiWidths: Sendable, Equatable {
    public var columns: [EmojiSequence: Int]

    public init(_ columns: [EmojiSequence: Int] = [:]) {
        self.columns = columns
    }

    /// From the cursor columns the terminal reported after each sample, in `EmojiSequence.allCases` order
    /// (each sample starts at column 1).
    public init(answers: TerminalAnswers) {
        columns = Dictionary(uniqueKeysWithValues: zip(EmojiSequence.allCases, answers.cursorColumns.map { $0 - 1 }))
    }

    /// What terminals that follow Unicode's emoji rules do (kitty, WezTerm, foot, iTerm2): every kind is one
    /// wide picture. Used until the terminal has been measured.
    public static let unicode = EmojiWidths(Dictionary(uniqueKeysWithValues: EmojiSequence.allCases.map { ($0, 2) }))

    public subscript(kind: EmojiSequence) -> Int? { columns[kind] }
}
