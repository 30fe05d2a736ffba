import CChafa

/// How many colours a picture in symbols is drawn with.
public enum ColorDepth: String, Sendable, Hashable, CaseIterable {
    /// No colour at all: shapes in the terminal's own foreground and background (NO_COLOR).
    case none
    /// The 16 ANSI colours, which follow the user's terminal theme.
    case sixteen = "16"
    /// The 240 fixed entries of the 256-colour palette; entries 0-15 are left alone because they
    /// follow the user's theme, so the picture's colours do not change with it.
    case palette256 = "256"
    /// 24-bit direct colour.
    case truecolor

    /// Accepts what users type: `none`, `mono`, `16`, `256`, `truecolor`, `24bit`, `direct`.
    public init?(userValue: String) {
        switch userValue.lowercased() {
        case "none", "mono", "monochrome": self = .none
        case "16": self = .sixteen
        case "256", "240": self = .palette256
        case "truecolor", "24bit", "direct", "rgb": self = .truecolor
        default: return nil
        }
    }

    /// The depth a terminal with this many colours (ncurses' COLORS) can show.
    init(colorCount: Int) {
        switch colorCount {
        case 16_777_216...: self = .truecolor
        case 256...: self = .palette256
        case 8...: self = .sixteen
        default: self = .none
        }
    }

    /// The chafa canvas mode whose raw colours come back in the form `Color` needs:
    /// packed RGB for truecolor, palette indices otherwise.
    var canvasMode: ChafaCanvasMode {
        switch self {
        case .none: CHAFA_CANVAS_MODE_FGBG
        case .sixteen: CHAFA_CANVAS_MODE_INDEXED_16
        case .palette256: CHAFA_CANVAS_MODE_INDEXED_240
        case .truecolor: CHAFA_CANVAS_MODE_TRUECOLOR
        }
    }

    /// How `sparkler doctor` names it.
    public var displayName: String {
        switch self {
        case .none: "none (monochrome)"
        case .sixteen: "16 colours"
        case .palette256: "256 colours"
        case .truecolor: "truecolor (24-bit)"
        }
    }
}
