import CNcurses

/// ncurses colour pairs by (foreground, background) colour number, allocated with `alloc_pair` on
/// first use and remembered, so that painting a cell costs a dictionary look-up.
///
/// When the terminal's pairs run out the cache says so instead of letting `alloc_pair` recycle a
/// pair that cells on screen still use; the painter then resets it and repaints everything.
struct ColorPairCache {
    private struct Colors: Hashable {
        var foreground: Int32
        var background: Int32
    }

    private var pairs: [Colors: Int32] = [:]
    /// Pair 0 is the terminal's default colours and cannot be allocated.
    private let capacity = max(0, Int(sparkler_color_pairs()) - 1)

    /// The pair for these colours, or nil when none is left.
    mutating func pair(foreground: Int32, background: Int32) -> Int32? {
        if foreground == -1 && background == -1 { return 0 }
        let colors = Colors(foreground: foreground, background: background)
        if let pair = pairs[colors] { return pair }
        guard pairs.count < capacity else { return nil }
        let pair = alloc_pair(foreground, background)
        // A colour the terminal rejects is shown in the default colours.
        let usable = pair > 0 ? pair : 0
        pairs[colors] = usable
        return usable
    }

    /// Frees every pair; cells on screen keep their old colours until they are painted again.
    mutating func reset() {
        reset_color_pairs()
        pairs.removeAll()
    }
}
