import Foundation

/// How many colours a terminal's terminfo entry gives (`colors`), read from the compiled entry itself
/// (term(5)) rather than through ncurses' `setupterm`: the graphics decision is made without linking ncurses,
/// and `sparkler doctor` and `render` use it where the playground has ncurses' own `COLORS`.
public enum TerminfoColors {
    /// nil when no entry for `term` is installed (or it cannot be read), 0 when the entry has no colour.
    public static func count(term: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        guard let term, let data = entry(named: term, environment: environment) else { return nil }
        return colors(inEntry: data)
    }

    /// Where ncurses looks, in its order: `$TERMINFO`, `~/.terminfo`, `$TERMINFO_DIRS` (an empty part is the
    /// system's), then the system's directories: Debian's list, which holds those of the other systems.
    static func directories(environment: [String: String]) -> [String] {
        let system = ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"]
        var found: [String] = []
        if let own = environment["TERMINFO"], !own.isEmpty { found.append(own) }
        if let home = environment["HOME"], !home.isEmpty { found.append(home + "/.terminfo") }
        if let listed = environment["TERMINFO_DIRS"] {
            for part in listed.split(separator: ":", omittingEmptySubsequences: false) {
                found += part.isEmpty ? system : [String(part)]
            }
        }
        return found + system
    }

    /// The compiled entry: `<directory>/x/xterm` on Linux, `<directory>/78/xterm` where the file system
    /// ignores case (macOS).
    private static func entry(named term: String, environment: [String: String]) -> Data? {
        guard let first = term.utf8.first, !term.contains("/") else { return nil }
        let subdirectories = [String(UnicodeScalar(first)), String(format: "%02x", first)]
        for directory in directories(environment: environment) {
            for subdirectory in subdirectories {
                if let data = FileManager.default.contents(atPath: "\(directory)/\(subdirectory)/\(term)") { return data }
            }
        }
        return nil
    }

    /// `colors` from a compiled entry: a header of six little-endian shorts (magic, then the sizes of the
    /// names, booleans, numbers, strings and string table), the names, one byte a boolean, a pad byte to an
    /// even offset, then the numbers, 16-bit (magic 0432) or 32-bit (magic 01036, for `colors#0x1000000`).
    /// `colors` is number 13. nil when the data is not an entry; 0 when it has no colours (absent: -1,
    /// cancelled: -2).
    static func colors(inEntry data: Data) -> Int? {
        let bytes = [UInt8](data)
        func short(at offset: Int) -> Int { Int(Int16(bitPattern: UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8)) }
        guard bytes.count >= 12 else { return nil }
        let numberSize: Int
        switch short(at: 0) {
        case 0o432: numberSize = 2
        case 0o1036: numberSize = 4
        default: return nil
        }
        let (namesSize, booleanCount, numberCount) = (short(at: 2), short(at: 4), short(at: 6))
        guard namesSize >= 0, booleanCount >= 0, numberCount >= 0 else { return nil }
        let colorsIndex = 13
        guard numberCount > colorsIndex else { return 0 }
        let numbersStart = (12 + namesSize + booleanCount + 1) / 2 * 2
        let offset = numbersStart + colorsIndex * numberSize
        guard offset + numberSize <= bytes.count else { return nil }
        let value = numberSize == 2
            ? short(at: offset)
            : Int(Int32(bitPattern: (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }))
        return max(0, value)
    }
}
