import SparklerCore

extension AppState {
    /// Keys while an overlay covers the screen: the overlay's own update decides, the reactions are carried out.
    mutating func handleOverlay(_ current: Overlay, _ key: Key, _ modifiers: Modifiers) -> [Effect] {
        let (next, reactions) = current.handle(
            key, modifiers, offered: CompareChoice.offered(for: model), guide: modelGuide, killRing: &killRing)
        overlay = next
        return apply(reactions)
    }
}
