/// A request value the model does not allow, caught before anything is sent.
public struct ParameterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The user-facing name of the field (`size`, `cfg`, `steps` ...).
    public var field: String
    /// The value as the user gave it.
    public var value: String
    /// What would have been accepted, in words.
    public var allowed: String
    /// The request parameter at fault; nil for options outside a request (`vary`, `backend` ...).
    public var parameter: RequestParameter?

    public init(field: String, value: String, allowed: String) {
        self.field = field
        self.value = value
        self.allowed = allowed
    }

    /// A request parameter's value, named as `family`'s models call it.
    public init(_ parameter: RequestParameter, family: ModelFamily, value: String, allowed: String) {
        self.init(field: parameter.name(for: family), value: value, allowed: allowed)
        self.parameter = parameter
    }

    public var description: String {
        value.isEmpty ? "\(field) is missing: \(allowed)." : "\(field) \(value) is not allowed: \(allowed)."
    }
}
