/// A request value the model does not allow, caught before anything is sent.
public struct ParameterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The user-facing name of the field (`size`, `cfg`, `steps` ...).
    public var field: String
    /// The value as the user gave it.
    public var value: String
    /// What would have been accepted, in words.
    public var allowed: String

    public init(field: String, value: String, allowed: String) {
        self.field = field
        self.value = value
        self.allowed = allowed
    }

    public var description: String {
        value.isEmpty ? "\(field) is missing: \(allowed)." : "\(field) \(value) is not allowed: \(allowed)."
    }
}
