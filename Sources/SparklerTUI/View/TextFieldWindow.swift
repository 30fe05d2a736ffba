/// Which characters of a text too long for its one-row field are shown: those around the cursor, with an
/// ellipsis on each side that is cut, as a shell's line editor scrolls. A long path then shows its end while
/// the cursor is there, and its start and middle when the cursor goes back, never just the tail.
struct TextFieldWindow: Equatable {
    /// The characters shown.
    var visible: Range<Int>
    var cutBefore: Bool
    var cutAfter: Bool
    /// The cursor's column in the row, markers included.
    var cursorColumn: Int

    static let marker = "…"

    /// `widths`: each character's columns; `cursor`: a character index, or the count when it is after the
    /// last character (where it needs a column of its own).
    init(widths: [Int], cursor: Int, width: Int) {
        let count = widths.count
        let cursorCell = cursor < count ? widths[cursor] : 1
        let markers = width >= 3
        guard widths.reduce(0, +) + (cursor < count ? 0 : 1) > width, markers else {
            visible = 0..<count
            cutBefore = false
            cutAfter = false
            cursorColumn = widths.prefix(cursor).reduce(0, +)
            return
        }
        let limit = width - 2
        var start = cursor, end = min(cursor + 1, count), used = cursorCell
        // Up to half of what is left goes before the cursor, the rest after it; space one side does not
        // need (the text ends there, so it needs no marker either) goes to the other.
        let before = (limit - used) / 2
        var usedBefore = 0
        while start > 0, usedBefore + widths[start - 1] <= before {
            start -= 1
            usedBefore += widths[start]
        }
        used += usedBefore
        while end < count, used + widths[end] <= limit + (start == 0 ? 1 : 0) {
            used += widths[end]
            end += 1
        }
        while start > 0, used + widths[start - 1] <= limit + (end == count ? 1 : 0) {
            start -= 1
            used += widths[start]
        }
        visible = start..<end
        cutBefore = start > 0
        cutAfter = end < count
        cursorColumn = (cutBefore ? 1 : 0) + widths[start..<cursor].reduce(0, +)
    }
}
