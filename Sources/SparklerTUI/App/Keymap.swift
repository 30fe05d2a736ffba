/// Every key the playground answers to, as users read about it: the help screen (F1) shows `keys` and
/// `summary`; the README's key table (`sparkler keys --markdown`) shows `keys` and `detail`. Kept to
/// nineteen rows, so the help fits a 24-row terminal.
public struct KeyHelp: Sendable, Equatable {
    public var keys: String
    public var summary: String
    public var detail: String
}

public enum Keymap {
    public static let help: [KeyHelp] = [
        KeyHelp(keys: "Tab / Shift-Tab", summary: "move between fields",
                detail: "move between fields (prompt, negative prompt, each parameter, history)"),
        KeyHelp(keys: "Enter, Ctrl-G, F5 / Esc", summary: "generate / cancel the running request",
                detail: "generate / cancel the running request (it is aborted, not just hidden)"),
        KeyHelp(keys: "F8 / Space on Seed", summary: "new random seed / lock or unlock it",
                detail: "new random seed, locked for the next runs (r on the Seed row too) / lock or unlock the seed (unlocked: a random seed each run, the last one shown)"),
        KeyHelp(keys: "↑ ↓ / Ctrl-R in prompt", summary: "earlier prompts / search them",
                detail: "earlier prompts from history, the draft kept / search them as in a shell (Ctrl-R again: older; Enter keeps the prompt found; Esc or Ctrl-G gives the draft back)"),
        KeyHelp(keys: "Ctrl-A/E/K/U/W/Y Alt-B/F/D", summary: "as in readline; Alt-Y older kills; Ctrl-_ undo",
                detail: "edit text as in readline: move (← → Home End, Ctrl-B/F, by word Alt-B/F or Ctrl-← →), kill (Ctrl-K/U/W, Alt-D, Alt-Backspace; kills in a row join), yank the last kill back (Ctrl-Y, then Alt-Y for older ones), undo (Ctrl-_ or Ctrl-Z; typing undoes as one step; on a parameter row they take back the form's last change: a slider, a choice, an entry loaded)"),
        KeyHelp(keys: "← → or h l", summary: "slider step, choice, seed ±1",
                detail: "one slider step; the next choice (size or aspect ratio, sampler, model, mode, format, safety; Space too); the seed ±1"),
        KeyHelp(keys: "Shift-← →, PgUp/PgDn", summary: "slider ten steps (Home / End: its ends)",
                detail: "ten slider steps; Home / End: the slider's ends"),
        KeyHelp(keys: "digits, Enter", summary: "type a slider value or a seed",
                detail: "type a slider value or a seed (out of range says the range)"),
        KeyHelp(keys: "Tab in a path", summary: "complete the file name, then next field",
                detail: "complete an image path's file name; on an empty field or a path that names a file, go to the next field"),
        KeyHelp(keys: "Paste", summary: "into the field; line breaks become spaces",
                detail: "your terminal's paste types into the focused text field; line breaks become spaces and never generate"),
        KeyHelp(keys: "History: / or v", summary: "search as you type / all, favourites, failures",
                detail: "search as you type (Enter keeps the search, Esc clears it) / show all, favourites or failures"),
        KeyHelp(keys: "History: Enter, e / r / i", summary: "show, load into the form / run again / edit it",
                detail: "show the picture, load its parameters into the form / run it again / edit its picture by instruction (FLUX Kontext)"),
        KeyHelp(keys: "History: f / d / x", summary: "favourite / delete / export",
                detail: "favourite / delete (asks first) / export the picture"),
        KeyHelp(keys: "History: Space, c / o", summary: "mark, compare the marked / open its group's grid",
                detail: "mark for comparison, compare the marked entries / reopen an entry's group as its grid"),
        KeyHelp(keys: "F6 or Ctrl-O / F7", summary: "compare seeds or sweep / edit the picture shown",
                detail: "compare: seeds, a sweep, or an X/Y plot / edit the picture shown by instruction (FLUX Kontext; offline: image to image)"),
        KeyHelp(keys: "Grid: ←→↑↓ Enter f x Esc", summary: "choose, take, favourite, export, close",
                detail: "choose a cell, take it into the form, favourite it, export the contact sheet, cancel the comparison or close the grid"),
        KeyHelp(keys: "Mouse", summary: "click fields, drag sliders, wheel history",
                detail: "click a field, click or drag a slider, click a choice, wheel and click in the history"),
        KeyHelp(keys: "F1 or ? / F2 / F3", summary: "this list / messages / what the model knows",
                detail: "every key / every message of the session, in full, with its time / what the offline model understands: its words (PgUp PgDn page them), what it draws, example prompts to send to the form (↑↓ Enter)"),
        KeyHelp(keys: "q or Ctrl-C", summary: "quit", detail: "quit (`q` outside text; asks first while a picture is being made)"),
    ]

    /// The README's table.
    public static var markdownTable: String {
        (["| keys | what they do |", "|---|---|"] + help.map { "| \($0.keys) | \($0.detail) |" }).joined(separator: "\n")
    }
}
