import ArgumentParser
import SparklerCore

/// The command-line options for the parameters only some models take, read from the schema
/// (`RequestParameter.options`) rather than declared one by one: `--safety-tolerance 4`,
/// `--safety-tolerance=4`, `--prompt-upsampling`. argument-parser hands over whatever it does not
/// recognise; anything here that is not a declared option is a usage error.
enum ModelOptionArguments {
    /// The `--help` text: one line per option, with what it does and which models take it.
    static var help: ArgumentHelp {
        let lines = RequestParameter.options.map { parameter in
            let value = parameter.optionKind == .integer ? " N" : ""
            let models = ModelCatalogue.builtInModels.filter { $0.takes(parameter) }.map(\.id.name)
            return "\(parameter.optionFlag)\(value): \(parameter.help) (\(models.joined(separator: ", ")))"
        }
        return ArgumentHelp(
            "Options only some models take:\n" + lines.joined(separator: "\n"),
            valueName: "model-options"
        )
    }

    static func parse(_ words: [String]) throws -> ModelOptions {
        var options = ModelOptions()
        var remaining = words[...]
        while let word = remaining.popFirst() {
            let (flag, attached) = split(word)
            guard let parameter = RequestParameter.options.first(where: { $0.optionFlag == flag }) else {
                throw ValidationError(
                    word.hasPrefix("-")
                        ? "Unknown option \(flag); `sparkler generate --help` lists the options."
                        : "Unexpected argument \"\(word)\": put the prompt in quotes."
                )
            }
            switch parameter.optionKind {
            case .integer:
                guard let text = attached ?? remaining.popFirst() else {
                    throw ValidationError("\(flag) needs a whole number, e.g. \(flag) 2.")
                }
                guard let value = Int(text) else {
                    throw ValidationError("\(flag) takes a whole number, not \(text).")
                }
                options[parameter] = .integer(value)
            case .flag:
                switch attached?.lowercased() {
                case nil, "true": options[parameter] = .flag(true)
                case "false": options[parameter] = .flag(false)
                case let other?: throw ValidationError("\(flag) takes no value, or =true / =false, not \(other).")
                }
            case nil:
                break
            }
        }
        return options
    }

    /// `--name=value` into its two halves; `--name` alone has no attached value.
    private static func split(_ word: String) -> (flag: String, value: String?) {
        guard word.hasPrefix("--"), let equals = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<equals]), String(word[word.index(after: equals)...]))
    }
}
