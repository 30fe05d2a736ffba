/// One terminal cell: a grapheme and its style. A wide grapheme (CJK, most emoji) takes two cells;
/// the second holds `continuation` so that nothing is drawn over it.
public struct Cell: Sendable, Hashable {
    public var text: Character
    public var style: Style
    public var isContinuation: Bool

    public init(_ text: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.text = text
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}
