import CChafa
import SparklerCore

/// One chafa canvas of a fixed size in cells, configured for a picture format; freed with it.
struct ChafaCanvas: ~Copyable {
    struct Settings {
        var columns: Int
        var rows: Int
        var format: PictureFormat
        /// chafa's effort per cell, 0...1.
        var workFactor: Float
    }

    private let canvas: OpaquePointer
    private let format: PictureFormat

    init?(_ settings: Settings) {
        guard settings.columns > 0, settings.rows > 0 else { return nil }
        let config = chafa_canvas_config_new()
        defer { chafa_canvas_config_unref(config) }
        chafa_canvas_config_set_geometry(config, Int32(settings.columns), Int32(settings.rows))
        chafa_canvas_config_set_cell_geometry(config, Int32(max(1, settings.format.cell.width)), Int32(max(1, settings.format.cell.height)))
        chafa_canvas_config_set_work_factor(config, min(max(settings.workFactor, 0), 1))
        let format = settings.format
        switch format.mode {
        case .symbols:
            chafa_canvas_config_set_pixel_mode(config, CHAFA_PIXEL_MODE_SYMBOLS)
            chafa_canvas_config_set_canvas_mode(config, format.colorDepth.canvasMode)
            // Sixteen colours band badly on gradients; the finer palettes need no dithering.
            chafa_canvas_config_set_dither_mode(config, format.colorDepth == .sixteen ? CHAFA_DITHER_MODE_ORDERED : CHAFA_DITHER_MODE_NONE)
            let symbols = chafa_symbol_map_new()
            defer { chafa_symbol_map_unref(symbols) }
            let tags = format.symbols.chafaTags
            chafa_symbol_map_add_by_tags(symbols, tags.include)
            chafa_symbol_map_remove_by_tags(symbols, tags.exclude)
            chafa_canvas_config_set_symbol_map(config, symbols)
        case .sixel:
            chafa_canvas_config_set_pixel_mode(config, CHAFA_PIXEL_MODE_SIXELS)
            chafa_canvas_config_set_canvas_mode(config, CHAFA_CANVAS_MODE_TRUECOLOR)
            // Sixel pictures use a 256-colour palette: diffusion hides its steps.
            chafa_canvas_config_set_dither_mode(config, CHAFA_DITHER_MODE_DIFFUSION)
        case .kitty:
            chafa_canvas_config_set_pixel_mode(config, CHAFA_PIXEL_MODE_KITTY)
            chafa_canvas_config_set_canvas_mode(config, CHAFA_CANVAS_MODE_TRUECOLOR)
        case .iterm2:
            chafa_canvas_config_set_pixel_mode(config, CHAFA_PIXEL_MODE_ITERM2)
            chafa_canvas_config_set_canvas_mode(config, CHAFA_CANVAS_MODE_TRUECOLOR)
        }
        guard let canvas = chafa_canvas_new(config) else { return nil }
        self.canvas = canvas
        self.format = format
    }

    deinit {
        chafa_canvas_unref(canvas)
    }

    func draw(_ image: RGBAImage) {
        image.pixels.withUnsafeBufferPointer { pixels in
            chafa_canvas_draw_all_pixels(
                canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, pixels.baseAddress,
                Int32(image.width), Int32(image.height), Int32(image.width * 4))
        }
    }

    /// The character and colours chafa chose for the cell at (x, y).
    func cell(x: Int, y: Int) -> Cell {
        let scalar = Unicode.Scalar(chafa_canvas_get_char_at(canvas, Int32(x), Int32(y)))
        var foreground: Int32 = -1
        var background: Int32 = -1
        chafa_canvas_get_raw_colors_at(canvas, Int32(x), Int32(y), &foreground, &background)
        let character = scalar.map { Character($0) } ?? " "
        return Cell(
            character == "\0" ? " " : character,
            style: Style(foreground: color(foreground), background: color(background)))
    }

    /// What chafa prints for the canvas: the sixel, kitty or iTerm2 sequence.
    func printed() -> String {
        // The fallback terminal has every sequence; the detector already decided they are wanted.
        let database = chafa_term_db_new()
        defer { chafa_term_db_unref(database) }
        let terminal = chafa_term_db_get_fallback_info(database)
        defer { chafa_term_info_unref(terminal) }
        guard let printed = chafa_canvas_print(canvas, terminal) else { return "" }
        defer { sparkler_gstring_free(printed) }
        return String(cString: printed.pointee.str)
    }

    /// A raw chafa colour: negative means none (transparent); packed RGB on a truecolor canvas,
    /// a palette index on the others.
    private func color(_ raw: Int32) -> Color {
        guard raw >= 0 else { return .default }
        switch format.colorDepth {
        case .none:
            return .default
        case .truecolor:
            return .rgb(UInt8(truncatingIfNeeded: raw >> 16), UInt8(truncatingIfNeeded: raw >> 8), UInt8(truncatingIfNeeded: raw))
        case .sixteen, .palette256:
            return raw <= 255 ? .indexed(UInt8(raw)) : .default
        }
    }
}
