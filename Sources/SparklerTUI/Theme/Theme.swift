import SparklerGraphics

/// How every part of the screen looks: one `Style` per `ThemeElement`.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var description: String

    // `.plain` only so that `init` can set each one through `ThemeElement.keyPath`.
    public var background: Style = .plain
    public var text: Style = .plain
    public var textDim: Style = .plain
    public var border: Style = .plain
    public var borderFocused: Style = .plain
    public var title: Style = .plain
    public var titleFocused: Style = .plain
    public var label: Style = .plain
    public var field: Style = .plain
    public var fieldFocused: Style = .plain
    public var fieldPlaceholder: Style = .plain
    public var fieldInvalid: Style = .plain
    public var sliderFilled: Style = .plain
    public var sliderEmpty: Style = .plain
    public var sliderKnob: Style = .plain
    public var sliderKnobFocused: Style = .plain
    public var value: Style = .plain
    public var choice: Style = .plain
    public var choiceFocused: Style = .plain
    public var listItem: Style = .plain
    public var listSelected: Style = .plain
    public var listSelectedUnfocused: Style = .plain
    public var listTime: Style = .plain
    public var favourite: Style = .plain
    public var marked: Style = .plain
    public var failure: Style = .plain
    public var filtered: Style = .plain
    public var search: Style = .plain
    public var status: Style = .plain
    public var statusBusy: Style = .plain
    public var statusOk: Style = .plain
    public var statusError: Style = .plain
    public var statusWarning: Style = .plain
    public var spinner: Style = .plain
    public var keyHint: Style = .plain
    public var helpBackground: Style = .plain
    public var helpKey: Style = .plain
    public var helpText: Style = .plain
    public var dialog: Style = .plain
    public var dialogBorder: Style = .plain
    public var unknownWord: Style = .plain

    /// Builds a theme that gives every element the style `style(element)` returns.
    public init(name: String, description: String = "", style: (ThemeElement) -> Style) {
        self.name = name
        self.description = description
        for element in ThemeElement.allCases {
            self[element] = style(element)
        }
    }

    public subscript(element: ThemeElement) -> Style {
        get { self[keyPath: element.keyPath] }
        set { self[keyPath: element.keyPath] = newValue }
    }
}
