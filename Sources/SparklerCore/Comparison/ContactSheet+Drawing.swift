extension ContactSheet {
    static let background: [UInt8] = [24, 24, 24, 255]
    static let ink: [UInt8] = [230, 230, 230, 255]
    static let emptyBox: [UInt8] = [96, 96, 96, 255]

    /// The sheet's pixels; `pictures[i]` is cell i's decoded picture, nil for a grey box.
    func render(pictures: [RGBAImage?]) -> RGBAImage {
        let pictureSizes = pictures.compactMap { $0?.size }
        let captions = ContactSheetCaptions(cells: cells)
        let header = captions.headerLines(characters: ContactSheetLayout(rows: rows, columns: columns, pictureSizes: pictureSizes).headerCharacters)
        let layout = ContactSheetLayout(rows: rows, columns: columns, pictureSizes: pictureSizes, headerLines: header.count)
        let size = layout.size
        let background = Self.background
        guard var sheet = RGBAImage(width: size.width, height: size.height, red: background[0], green: background[1], blue: background[2]) else {
            preconditionFailure("a sheet of at most 36 cells of 512 px fits RGBAImage's limits")
        }
        for (index, cell) in cells.enumerated() {
            let origin = layout.origin(row: cell.row, column: cell.column)
            if let picture = pictures[index] {
                let fitted = layout.fitted(picture.size)
                sheet.paste(
                    picture.resized(to: fitted),
                    x: origin.x + (layout.cell.width - fitted.width) / 2, y: origin.y + (layout.cell.height - fitted.height) / 2
                )
            } else {
                sheet.fill(x: origin.x, y: origin.y, width: layout.cell.width, height: layout.cell.height, color: Self.emptyBox)
                let note = layout.fittingLabel(cell.note)
                drawCentred(note, in: &sheet, layout: layout, x: origin.x, y: origin.y + (layout.cell.height - BitmapFont.glyphHeight * layout.scale) / 2)
            }
            let label = layout.fittingLabel(captions.cellLabels[index])
            drawCentred(label, in: &sheet, layout: layout, x: origin.x, y: origin.y + layout.cell.height + 3 * layout.scale)
        }
        for (number, line) in header.enumerated() {
            let origin = layout.headerOrigin(line: number)
            BitmapFont.draw(line, into: &sheet, x: origin.x, y: origin.y, scale: layout.scale, color: Self.ink)
        }
        return sheet
    }

    private func drawCentred(_ text: String, in sheet: inout RGBAImage, layout: ContactSheetLayout, x: Int, y: Int) {
        let left = x + max(0, (layout.cell.width - BitmapFont.width(of: text, scale: layout.scale)) / 2)
        BitmapFont.draw(text, into: &sheet, x: left, y: y, scale: layout.scale, color: Self.ink)
    }
}

extension ContactSheet.Cell {
    /// What a grey box says instead of a picture.
    var note: String {
        switch content {
        case .entry(let entry): entry.outcome == .filtered ? "filtered" : entry.outcome == .failed ? "failed" : "missing"
        case .failed: "failed"
        case .cancelled: "cancelled"
        }
    }
}
