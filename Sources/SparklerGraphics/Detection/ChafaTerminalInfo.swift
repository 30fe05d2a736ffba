import CChafa
import Glibc

/// What chafa's terminal database knows about the terminal the environment describes.
struct ChafaTerminalInfo: Sendable, Equatable {
    var hasDirectColor: Bool
    var has256Colors: Bool
    var hasSixel: Bool
    var hasKitty: Bool

    /// Asks `chafa_term_db_detect` with exactly these variables (not the process's own).
    init(environment: [String: String]) {
        let database = chafa_term_db_new()
        defer { chafa_term_db_unref(database) }
        let entries = environment.map { strdup("\($0.key)=\($0.value)") }
        defer { entries.forEach { free($0) } }
        var envp: [UnsafeMutablePointer<CChar>?] = entries + [nil]
        let info = envp.withUnsafeMutableBufferPointer { chafa_term_db_detect(database, $0.baseAddress) }
        defer { chafa_term_info_unref(info) }
        func has(_ sequence: ChafaTermSeq) -> Bool { chafa_term_info_have_seq(info, sequence) != 0 }
        hasDirectColor = has(CHAFA_TERM_SEQ_SET_COLOR_FGBG_DIRECT)
        has256Colors = has(CHAFA_TERM_SEQ_SET_COLOR_FGBG_256)
        hasSixel = has(CHAFA_TERM_SEQ_BEGIN_SIXELS)
        hasKitty = has(CHAFA_TERM_SEQ_BEGIN_KITTY_IMMEDIATE_IMAGE_V1)
    }
}
