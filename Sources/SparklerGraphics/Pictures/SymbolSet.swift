import CChafa

/// Which characters a picture in symbols may be built from.
public enum SymbolSet: String, Sendable, Hashable, CaseIterable {
    /// Block elements (quadrants, eighths, halves): sharp in any font with box-drawing glyphs.
    case block
    /// Only the upper and lower half blocks: two square pixels per cell.
    case half
    /// Printable ASCII: for fonts or terminals without block elements.
    case ascii
    /// Braille dots: fine detail, less colour.
    case braille
    /// Everything chafa knows that takes one cell.
    case all

    public static let `default` = SymbolSet.block

    /// The chafa tags that make up the set. Wide symbols are always left out: a picture is a
    /// grid of single cells, and a glyph spanning two would shift the rest of its row.
    var chafaTags: (include: ChafaSymbolTags, exclude: ChafaSymbolTags) {
        let narrowOnly = CHAFA_SYMBOL_TAG_WIDE
        switch self {
        case .block:
            return (tags(CHAFA_SYMBOL_TAG_BLOCK, CHAFA_SYMBOL_TAG_SPACE),
                    tags(CHAFA_SYMBOL_TAG_WIDE, CHAFA_SYMBOL_TAG_INVERTED))
        case .half:
            return (tags(CHAFA_SYMBOL_TAG_HHALF, CHAFA_SYMBOL_TAG_SPACE), narrowOnly)
        case .ascii:
            return (tags(CHAFA_SYMBOL_TAG_ASCII, CHAFA_SYMBOL_TAG_SPACE), narrowOnly)
        case .braille:
            return (tags(CHAFA_SYMBOL_TAG_BRAILLE, CHAFA_SYMBOL_TAG_SPACE), narrowOnly)
        case .all:
            return (CHAFA_SYMBOL_TAG_ALL, narrowOnly)
        }
    }

    private func tags(_ first: ChafaSymbolTags, _ rest: ChafaSymbolTags...) -> ChafaSymbolTags {
        ChafaSymbolTags(rest.reduce(first.rawValue) { $0 | $1.rawValue })
    }
}
