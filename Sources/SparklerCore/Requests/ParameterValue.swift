/// One request parameter's value, as the wire, the CLI and `GenerationRequest.options` carry it.
public enum ParameterValue: Sendable, Hashable {
    case text(String)
    case integer(Int)
    case number(Double)
    case flag(Bool)

    /// The form-field spelling Fireworks accepts, and how messages show it: `7`, `0.65`, `true`.
    public var formText: String {
        switch self {
        case .text(let text): text
        case .integer(let value): String(value)
        case .number(let value): RequestValidator.format(value)
        case .flag(let value): value ? "true" : "false"
        }
    }

    /// The value as a number, for range checks; nil for text and flags.
    public var number: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        case .text, .flag: nil
        }
    }
}
