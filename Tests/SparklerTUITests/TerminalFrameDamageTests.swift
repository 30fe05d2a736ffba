@testable import SparklerGraphics
import Testing
@testable import SparklerTUI

@Suite("Terminal frame damage")
struct TerminalFrameDamageTests {
    private let picture = GraphicsPlacement(rect: Rect(x: 2, y: 1, width: 4, height: 2), sequence: "<sixel>", key: "a")

    private func frame(_ text: String = "", row: Int = 0, placements: [GraphicsPlacement] = []) -> Frame {
        var frame = Frame(width: 10, height: 5)
        frame.put(text, x: 0, y: row, style: .plain)
        frame.placements = placements
        return frame
    }

    @Test func onlyChangedRowsArePainted() {
        let damage = FrameDamage.between(frame("same"), frame("same"), placementsOnScreen: [])
        #expect(damage == FrameDamage(rows: [], areasToRepaint: [], placementsToSend: []))
        #expect(FrameDamage.between(frame("old", row: 3), frame("new", row: 3), placementsOnScreen: []).rows == [3])
    }

    @Test func aNewSizeRepaintsEverything() {
        let damage = FrameDamage.between(Frame(width: 8, height: 5), frame(placements: [picture]), placementsOnScreen: [picture])
        #expect(damage == FrameDamage(rows: [0, 1, 2, 3, 4], areasToRepaint: [], placementsToSend: [picture]))
    }

    @Test func aNewPictureIsSentAndItsCellsCleared() {
        let damage = FrameDamage.between(frame(), frame(placements: [picture]), placementsOnScreen: [])
        #expect(damage == FrameDamage(rows: [1, 2], areasToRepaint: [], placementsToSend: [picture]))
    }

    @Test func aPictureOnScreenIsNotSentAgain() {
        let shown = frame(placements: [picture])
        let damage = FrameDamage.between(shown, frame("x", row: 1, placements: [picture]), placementsOnScreen: [picture])
        #expect(damage == FrameDamage(rows: [1], areasToRepaint: [], placementsToSend: []))
    }

    @Test func aPictureWithANewKeyIsSent() {
        var changed = picture
        changed.key = "b"
        let damage = FrameDamage.between(frame(placements: [picture]), frame(placements: [changed]), placementsOnScreen: [picture])
        #expect(damage.placementsToSend == [changed])
        #expect(damage.areasToRepaint == [picture.rect])
    }

    @Test func aRemovedPictureIsRepaintedOverAndANeighbourOnItsRowsIsLeftAlone() {
        // The history's thumbnail changing beside the main picture must not make the main picture flicker.
        let neighbour = GraphicsPlacement(rect: Rect(x: 7, y: 2, width: 2, height: 2), sequence: "<sixel n>", key: "n")
        let damage = FrameDamage.between(
            frame(placements: [picture, neighbour]), frame(placements: [neighbour]), placementsOnScreen: [picture, neighbour])
        #expect(damage == FrameDamage(rows: [1, 2], areasToRepaint: [picture.rect], placementsToSend: []))
    }

    @Test func aSixelPictureUnderAnAreaThatIsRepaintedIsSentAgain() {
        let under = GraphicsPlacement(rect: Rect(x: 3, y: 2, width: 2, height: 2), sequence: "<sixel u>", key: "u")
        let damage = FrameDamage.between(
            frame(placements: [picture, under]), frame(placements: [under]), placementsOnScreen: [picture, under])
        #expect(damage.placementsToSend == [under])
    }

    // MARK: kitty, whose pictures stay over rewritten cells until deleted

    private let kittyPicture = GraphicsPlacement(
        rect: Rect(x: 2, y: 1, width: 4, height: 2), sequence: "<kitty>", key: "k", removal: "<delete k>")

    @Test func aRemovedKittyPictureIsDeleted() {
        let damage = FrameDamage.between(frame(placements: [kittyPicture]), frame(), placementsOnScreen: [kittyPicture])
        #expect(damage.removals == ["<delete k>"])
        #expect(damage.areasToRepaint == [kittyPicture.rect])
    }

    @Test func aKittyPictureOnRedrawnRowsIsNotSentTwice() {
        let neighbour = GraphicsPlacement(rect: Rect(x: 7, y: 2, width: 2, height: 2), sequence: "<kitty n>", key: "n", removal: "<delete n>")
        let damage = FrameDamage.between(
            frame(placements: [kittyPicture, neighbour]), frame(placements: [neighbour]), placementsOnScreen: [kittyPicture, neighbour])
        #expect(damage.placementsToSend.isEmpty)
        #expect(damage.removals == ["<delete k>"])
    }

    @Test func aKittyPictureKeptInPlaceIsNeitherDeletedNorSent() {
        let damage = FrameDamage.between(frame(placements: [kittyPicture]), frame("x", row: 4, placements: [kittyPicture]),
                                         placementsOnScreen: [kittyPicture])
        #expect(damage == FrameDamage(rows: [4], areasToRepaint: [], placementsToSend: []))
    }

    @Test func aWholeRepaintResendsThePicturesAndDeletesOnlyThoseThatWent() {
        let damage = FrameDamage.between(Frame(width: 8, height: 5), frame(placements: [kittyPicture]), placementsOnScreen: [kittyPicture])
        #expect(damage.removals.isEmpty, "deleting k after sending it again would delete the new placement")
        #expect(damage.placementsToSend == [kittyPicture])
        #expect(FrameDamage.everything(in: frame(), removing: [picture, kittyPicture]).removals == ["<delete k>"])
    }

    @Test func aMovedKittyPictureKeepsItsIdAndIsNotDeleted() {
        var moved = kittyPicture
        moved.rect.x += 1
        let damage = FrameDamage.between(frame(placements: [kittyPicture]), frame(placements: [moved]), placementsOnScreen: [kittyPicture])
        #expect(damage.placementsToSend == [moved])
        #expect(damage.removals.isEmpty)
    }

    @Test func kittyPicturesAreSentWithAnIdOfTheirOwnAndDeletedByIt() {
        let fit = PaneFit(imageWidth: 100, imageHeight: 100, columns: 10, rows: 5, mode: .kitty)
        let at = { (format: PictureFormat, key: String) -> GraphicsPlacement? in
            var frame = Frame(width: 20, height: 10)
            RenderedPicture(fit: fit, format: format, content: .sequence("<picture>"), key: key).draw(into: &frame, x: 3, y: 2)
            return frame.placements.first
        }
        let kitty = at(PictureFormat(mode: .kitty, colorDepth: .truecolor), "p")
        let id = KittyImage.id(for: kitty?.key ?? "")
        #expect(kitty?.removal == "\u{1B}_Ga=d,d=I,i=\(id),q=2\u{1B}\\")
        #expect(at(PictureFormat(mode: .kitty, colorDepth: .truecolor), "other")?.removal != kitty?.removal)
        let throughTmux = at(PictureFormat(mode: .kitty, colorDepth: .truecolor, wrapsForTmux: true), "p")
        #expect(throughTmux?.removal == TmuxPassthrough.wrap(kitty?.removal ?? ""))
        #expect(at(PictureFormat(mode: .sixel, colorDepth: .truecolor), "p")?.removal == nil)
        #expect(at(PictureFormat(mode: .iterm2, colorDepth: .truecolor), "p")?.removal == nil)
    }

    @Test func chafasKittySequenceGetsTheIdPlacementAndQuietKeys() {
        let chafa = "\u{1B}_Ga=T,f=32,s=120,v=125,c=10,r=5,m=1\u{1B}\\\u{1B}_Gm=0\u{1B}\\"
        #expect(KittyImage.identified(chafa, id: 77) == "\u{1B}_Gi=77,p=1,q=2,a=T,f=32,s=120,v=125,c=10,r=5,m=1\u{1B}\\\u{1B}_Gm=0\u{1B}\\")
        #expect(KittyImage.id(for: "a") != KittyImage.id(for: "b"))
        #expect(KittyImage.id(for: "a") == KittyImage.id(for: "a"))
    }
}
