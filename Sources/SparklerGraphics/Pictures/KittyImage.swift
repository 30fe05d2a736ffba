/// Kitty pictures by id: each picture is sent with an image id of its own and one placement, so a new
/// picture can go up before the old one is deleted (no empty frame between two previews), a moved
/// picture replaces its placement in place, and deleting one never touches another. `q=2`: kitty
/// answers nothing, so no reply can reach the input.
enum KittyImage {
    /// A non-zero 32-bit id from the picture's name (FNV-1a); 31 belongs to the start-up query.
    static func id(for name: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return hash == 0 || hash == 31 ? 1 : hash
    }

    /// chafa's sequence with the id, placement and quiet keys added to its first command (`a=T,...`).
    static func identified(_ sequence: String, id: UInt32) -> String {
        let opening = "\u{1B}_G"
        guard sequence.hasPrefix(opening) else { return sequence }
        return opening + "i=\(id),p=1,q=2," + sequence.dropFirst(opening.count)
    }

    /// Deletes the picture's placements and frees its data.
    static func deletion(id: UInt32) -> String {
        "\u{1B}_Ga=d,d=I,i=\(id),q=2\u{1B}\\"
    }
}
