import SparklerGraphics

/// A part of the screen that a theme styles. The raw value is its table name in a theme file.
public enum ThemeElement: String, CaseIterable, Sendable {
    case background
    case text
    case textDim = "text_dim"
    case border
    case borderFocused = "border_focused"
    case title
    case titleFocused = "title_focused"
    case label
    case field
    case fieldFocused = "field_focused"
    case fieldPlaceholder = "field_placeholder"
    case fieldInvalid = "field_invalid"
    case sliderFilled = "slider_filled"
    case sliderEmpty = "slider_empty"
    case sliderKnob = "slider_knob"
    case sliderKnobFocused = "slider_knob_focused"
    case value
    case choice
    case choiceFocused = "choice_focused"
    case listItem = "list_item"
    case listSelected = "list_selected"
    case listSelectedUnfocused = "list_selected_unfocused"
    case listTime = "list_time"
    case favourite
    case marked
    case failure
    case filtered
    case search
    case status
    case statusBusy = "status_busy"
    case statusOk = "status_ok"
    case statusError = "status_error"
    case statusWarning = "status_warning"
    case spinner
    case keyHint = "key_hint"
    case helpBackground = "help_background"
    case helpKey = "help_key"
    case helpText = "help_text"
    case dialog
    case dialogBorder = "dialog_border"
    case unknownWord = "unknown_word"

    /// The `Theme` property that holds this element's style.
    public var keyPath: WritableKeyPath<Theme, Style> {
        switch self {
        case .background: \.background
        case .text: \.text
        case .textDim: \.textDim
        case .border: \.border
        case .borderFocused: \.borderFocused
        case .title: \.title
        case .titleFocused: \.titleFocused
        case .label: \.label
        case .field: \.field
        case .fieldFocused: \.fieldFocused
        case .fieldPlaceholder: \.fieldPlaceholder
        case .fieldInvalid: \.fieldInvalid
        case .sliderFilled: \.sliderFilled
        case .sliderEmpty: \.sliderEmpty
        case .sliderKnob: \.sliderKnob
        case .sliderKnobFocused: \.sliderKnobFocused
        case .value: \.value
        case .choice: \.choice
        case .choiceFocused: \.choiceFocused
        case .listItem: \.listItem
        case .listSelected: \.listSelected
        case .listSelectedUnfocused: \.listSelectedUnfocused
        case .listTime: \.listTime
        case .favourite: \.favourite
        case .marked: \.marked
        case .failure: \.failure
        case .filtered: \.filtered
        case .search: \.search
        case .status: \.status
        case .statusBusy: \.statusBusy
        case .statusOk: \.statusOk
        case .statusError: \.statusError
        case .statusWarning: \.statusWarning
        case .spinner: \.spinner
        case .keyHint: \.keyHint
        case .helpBackground: \.helpBackground
        case .helpKey: \.helpKey
        case .helpText: \.helpText
        case .dialog: \.dialog
        case .dialogBorder: \.dialogBorder
        case .unknownWord: \.unknownWord
        }
    }
}
