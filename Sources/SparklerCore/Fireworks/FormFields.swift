import Foundation

/// Request parameters in the order they are sent, each under its field name on `family`'s API.
struct FormFields: Sendable, Equatable {
    let family: ModelFamily
    private(set) var entries: [Entry] = []

    init(family: ModelFamily) {
        self.family = family
    }

    struct Entry: Sendable, Equatable {
        var name: String
        var value: ParameterValue
    }

    /// Adds a set value; nil, or a parameter the family's API has no field for, adds nothing.
    mutating func add(_ parameter: RequestParameter, _ value: ParameterValue?) {
        guard let value, let name = parameter.wireName(for: family) else { return }
        entries.append(Entry(name: name, value: value))
    }

    /// A size travels as two fields, `height` and `width` (`RequestParameter.size`).
    mutating func add(_ size: ImageSize) {
        entries.append(Entry(name: "height", value: .integer(size.height)))
        entries.append(Entry(name: "width", value: .integer(size.width)))
    }

    /// Adds every option the family's API takes (`RequestParameter.options`), each under its wire name.
    mutating func add(_ options: ModelOptions) {
        for (parameter, value) in options.entries {
            add(parameter, value)
        }
    }

    /// Adds a string only when it has content: empty optional strings mean "not set".
    mutating func add(_ parameter: RequestParameter, text: String?) {
        guard let text, !text.isEmpty else { return }
        add(parameter, .text(text))
    }

    func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(JSONObject(entries: entries))
    }

    private struct JSONObject: Encodable {
        let entries: [Entry]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: NamedCodingKey.self)
            for entry in entries {
                let key = NamedCodingKey(entry.name)
                switch entry.value {
                case .text(let text): try container.encode(text, forKey: key)
                case .integer(let value): try container.encode(value, forKey: key)
                // Whole numbers go out as integers (`7`, as the official client sends cfg_scale).
                case .number(let value) where value == value.rounded() && abs(value) < 1e15:
                    try container.encode(Int(value), forKey: key)
                case .number(let value): try container.encode(value, forKey: key)
                case .flag(let value): try container.encode(value, forKey: key)
                }
            }
        }
    }

}
