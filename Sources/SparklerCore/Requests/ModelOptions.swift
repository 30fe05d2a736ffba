/// The values of the parameters only some model families take (`RequestParameter.options`), such as
/// Kontext's safety tolerance. Stored in history as a JSON object keyed by the parameter's name
/// (`{"safetyTolerance": 2}`), each value of the type its declaration gives.
public struct ModelOptions: Sendable, Hashable {
    private var values: [RequestParameter: ParameterValue] = [:]

    public init() {}

    /// Only declared options can be set: anything else is a programming error.
    public subscript(parameter: RequestParameter) -> ParameterValue? {
        get { values[parameter] }
        set {
            precondition(parameter.optionKind != nil, "\(parameter) is not a model option")
            values[parameter] = newValue
        }
    }

    public var isEmpty: Bool { values.isEmpty }

    /// Only the options `isIncluded` keeps (those a model takes, say).
    public func filter(_ isIncluded: (RequestParameter) -> Bool) -> ModelOptions {
        var kept = self
        kept.values = values.filter { isIncluded($0.key) }
        return kept
    }

    /// The set options, in declaration order, so encodings are stable.
    public var entries: [(parameter: RequestParameter, value: ParameterValue)] {
        RequestParameter.options.compactMap { parameter in values[parameter].map { (parameter, $0) } }
    }
}

extension ModelOptions: Codable {

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: NamedCodingKey.self)
        for key in container.allKeys {
            guard let parameter = RequestParameter(rawValue: key.stringValue), let kind = parameter.optionKind else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container, debugDescription: "\"\(key.stringValue)\" is not an option this Sparkler knows")
            }
            switch kind {
            case .integer: values[parameter] = .integer(try container.decode(Int.self, forKey: key))
            case .flag: values[parameter] = .flag(try container.decode(Bool.self, forKey: key))
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: NamedCodingKey.self)
        for (parameter, value) in entries {
            let key = NamedCodingKey(parameter.rawValue)
            switch value {
            case .integer(let number): try container.encode(number, forKey: key)
            case .flag(let flag): try container.encode(flag, forKey: key)
            case .number(let number): try container.encode(number, forKey: key)
            case .text(let text): try container.encode(text, forKey: key)
            }
        }
    }
}
