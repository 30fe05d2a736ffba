import Foundation
import SparklerCore

/// A request's parameters, from a JSON object or from multipart form fields, read with the type each
/// field must have. Absent, JSON null and (in forms) empty fields all mean "not given": the official
/// client sends unset form fields empty.
struct RequestFields {
    private enum Raw {
        case json(JSONValue)
        case text(String)
    }

    private let values: [String: Raw]

    init(json: [String: JSONValue]) {
        values = json.mapValues(Raw.json)
    }

    init(form: [String: String]) {
        values = form.mapValues(Raw.text)
    }

    /// The body of a JSON route; 400 when it is not a JSON object.
    init(jsonBody: Data) throws {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: jsonBody) else {
            throw ServerError.badRequest("The body is not valid JSON; send a JSON object with Content-Type: application/json.")
        }
        guard case .object(let object) = value else {
            throw ServerError.badRequest("The body must be a JSON object, not \(value.kindDescription).")
        }
        self.init(json: object)
    }

    func string(_ name: String) throws -> String? {
        switch values[name] {
        case nil, .json(.null), .text(""): return nil
        case .json(.string(let text)), .text(let text): return text
        case .json(let other): throw typeError(name, "a string", got: other)
        }
    }

    func integer(_ name: String) throws -> Int? {
        switch values[name] {
        case nil, .json(.null), .text(""):
            return nil
        case .json(.number(let number)):
            guard let value = Int(exactly: number) else { throw ServerError.badRequest("\(name) must be a whole number, not \(number).") }
            return value
        case .text(let text):
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw ServerError.badRequest("\(name) must be a whole number, not \"\(text)\".")
            }
            return value
        case .json(let other):
            throw typeError(name, "a whole number", got: other)
        }
    }

    func number(_ name: String) throws -> Double? {
        switch values[name] {
        case nil, .json(.null), .text(""):
            return nil
        case .json(.number(let number)):
            return number
        case .text(let text):
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                throw ServerError.badRequest("\(name) must be a number, not \"\(text)\".")
            }
            return value
        case .json(let other):
            throw typeError(name, "a number", got: other)
        }
    }

    func flag(_ name: String) throws -> Bool? {
        switch values[name] {
        case nil, .json(.null), .text(""):
            return nil
        case .json(.bool(let flag)):
            return flag
        case .text(let text):
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "1": return true
            case "false", "0": return false
            default: throw ServerError.badRequest("\(name) must be true or false, not \"\(text)\".")
            }
        case .json(let other):
            throw typeError(name, "true or false", got: other)
        }
    }

    private func typeError(_ name: String, _ expected: String, got value: JSONValue) -> ServerError {
        ServerError.badRequest("\(name) must be \(expected), not \(value.kindDescription).")
    }
}

extension RequestFields {
    /// The field `parameter` travels as on `family`'s API (see `RequestParameter.wireName`).
    func string(_ parameter: RequestParameter, of family: ModelFamily) throws -> String? { try string(Self.name(parameter, family)) }
    func integer(_ parameter: RequestParameter, of family: ModelFamily) throws -> Int? { try integer(Self.name(parameter, family)) }
    func number(_ parameter: RequestParameter, of family: ModelFamily) throws -> Double? { try number(Self.name(parameter, family)) }
    func flag(_ parameter: RequestParameter, of family: ModelFamily) throws -> Bool? { try flag(Self.name(parameter, family)) }

    /// Every option `family`'s API takes (`RequestParameter.options`), read with its declared type.
    func options(of family: ModelFamily) throws -> ModelOptions {
        var options = ModelOptions()
        for parameter in RequestParameter.options where parameter.wireName(for: family) != nil {
            switch parameter.optionKind {
            case .integer: options[parameter] = try integer(parameter, of: family).map(ParameterValue.integer)
            case .flag: options[parameter] = try flag(parameter, of: family).map(ParameterValue.flag)
            case nil: break
            }
        }
        return options
    }

    private static func name(_ parameter: RequestParameter, _ family: ModelFamily) -> String {
        parameter.wireName(for: family) ?? parameter.rawValue
    }
}
