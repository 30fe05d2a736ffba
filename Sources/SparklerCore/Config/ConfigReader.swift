import Foundation
import TOMLKit

/// Turns a TOML document into a `SparklerConfig`, reporting every mistake with its file and line.
struct ConfigReader {
    private let file: String
    private let source: String
    private let keyLines: TOMLKeyLines

    init(source: String, file: String) {
        self.file = file
        self.source = source
        self.keyLines = TOMLKeyLines(source: source)
    }

    func read() throws(ConfigError) -> SparklerConfig {
        let root = try TOMLTable.parse(source, file: file)
        try requireKnownKeys(root, path: "", known: ["model", "backend", "theme", "fireworks", "history", "terminal", "compare", "models", "prices"])

        var config = SparklerConfig()
        config.model = try string(root, "model", path: "")
        config.theme = try string(root, "theme", path: "")
        config.backend = try choice(root, "backend", path: "", among: BackendKind.allCases.map(\.rawValue)).flatMap(BackendKind.init)
        if let terminal = try table(root, "terminal", path: "") {
            try requireKnownKeys(terminal, path: "terminal", known: ["graphics", "colors", "symbols", "tmux_passthrough"])
            config.terminal.graphics = try choice(terminal, "graphics", path: "terminal", among: ["auto", "symbols", "sixel", "kitty", "iterm2"])
            config.terminal.colors = try choice(terminal, "colors", path: "terminal", among: ["auto", "none", "16", "256", "truecolor"])
            config.terminal.symbols = try choice(terminal, "symbols", path: "terminal", among: ["block", "half", "ascii", "braille", "all"])
            config.terminal.tmuxPassthrough = try bool(terminal, "tmux_passthrough", path: "terminal")
        }
        if let fireworks = try table(root, "fireworks", path: "") {
            config.fireworks = try readFireworks(fireworks)
        }
        if let history = try table(root, "history", path: "") {
            try requireKnownKeys(history, path: "history", known: ["directory"])
            config.historyDirectory = try string(history, "directory", path: "history")
        }
        if let compare = try table(root, "compare", path: "") {
            config.compare = try readCompare(compare)
        }
        if let prices = try table(root, "prices", path: "") {
            config.prices = try readPrices(prices)
        }
        if let models = root["models"] {
            guard let array = models.array else { throw error(at: "models", "must be an array of tables: write [[models]]") }
            config.models = try array.enumerated().map { (index, element) throws(ConfigError) in
                guard let table = element.table else { throw error(at: "models.\(index)", "each models entry must be a table") }
                return try CustomModelReader(reader: self, table: table, path: "models.\(index)").read()
            }
        }
        return config
    }

    private func readFireworks(_ table: TOMLTable) throws(ConfigError) -> SparklerConfig.FireworksSettings {
        let path = "fireworks"
        try requireKnownKeys(
            table, path: path,
            known: ["base_url", "key_command", "key_command_timeout", "key_file", "timeout", "connect_timeout", "max_retries"]
        )
        var settings = SparklerConfig.FireworksSettings()
        settings.baseURL = try string(table, "base_url", path: path)
        if let base = settings.baseURL {
            guard let url = URL(string: base), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw error(at: "\(path).base_url", "base_url must be an http(s) URL, e.g. https://api.fireworks.ai/inference/v1")
            }
        }
        settings.keyCommand = try string(table, "key_command", path: path)
        settings.keyCommandTimeoutSeconds = try positiveSeconds(table, "key_command_timeout", path: path)
        settings.keyFile = try string(table, "key_file", path: path)
        settings.timeoutSeconds = try positiveSeconds(table, "timeout", path: path)
        settings.connectTimeoutSeconds = try positiveSeconds(table, "connect_timeout", path: path)
        if let retries = try int(table, "max_retries", path: path) {
            guard (0...10).contains(retries) else { throw error(at: "\(path).max_retries", "max_retries must be 0 to 10, not \(retries)") }
            settings.maxRetries = retries
        }
        return settings
    }

    private func readCompare(_ table: TOMLTable) throws(ConfigError) -> SparklerConfig.CompareSettings {
        let path = "compare"
        try requireKnownKeys(table, path: path, known: ["max_in_flight", "confirm_above_steps"])
        var settings = SparklerConfig.CompareSettings()
        if let limit = try int(table, "max_in_flight", path: path) {
            let range = ComparisonRunner.maxInFlightRange
            guard range.contains(limit) else {
                throw error(at: "\(path).max_in_flight", "max_in_flight must be \(range.lowerBound) to \(range.upperBound), not \(limit)")
            }
            settings.maxInFlight = limit
        }
        if let steps = try int(table, "confirm_above_steps", path: path) {
            guard steps >= 0 else {
                throw error(at: "\(path).confirm_above_steps", "confirm_above_steps must be 0 (always ask) or more, not \(steps)")
            }
            settings.confirmAboveSteps = steps
        }
        return settings
    }

    /// `"model" = { per_step = 0.00013, controlnet_per_step = 0.0002 }` or `"model" = { per_picture = 0.04 }`, in dollars.
    private func readPrices(_ table: TOMLTable) throws(ConfigError) -> [String: PriceTable.Rate] {
        var rates: [String: PriceTable.Rate] = [:]
        for model in table.keys.sorted() {
            let path = "prices.\(model)"
            guard let entry = table[model]?.table else {
                throw error(at: path, "a price is a table: \"\(model)\" = { per_step = 0.00013 } or { per_picture = 0.04 }, in dollars")
            }
            try requireKnownKeys(entry, path: path, known: ["per_step", "controlnet_per_step", "per_picture"])
            func dollars(_ key: String) throws(ConfigError) -> Money? {
                guard let value = try number(entry, key, path: path) else { return nil }
                guard value >= 0, value < 100 else { throw error(at: "\(path).\(key)", "\(key) must be dollars from 0 to 100, not \(value)") }
                return Money(dollars: value)
            }
            switch (try dollars("per_step"), try dollars("per_picture")) {
            case (let perStep?, nil): rates[model] = .perStep(perStep, controlNet: try dollars("controlnet_per_step"))
            case (nil, let perPicture?): rates[model] = .perPicture(perPicture)
            default: throw error(at: path, "give either per_step or per_picture for \(model)")
            }
        }
        return rates
    }

    private func positiveSeconds(_ table: TOMLTable, _ key: String, path: String) throws(ConfigError) -> Double? {
        guard let value = try number(table, key, path: path) else { return nil }
        guard value > 0 else { throw error(at: "\(path).\(key)", "\(key) must be a number of seconds above 0") }
        return value
    }

    // MARK: Typed access with located errors

    func requireKnownKeys(_ table: TOMLTable, path: String, known: Set<String>) throws(ConfigError) {
        for key in table.keys where !known.contains(key) {
            let full = path.isEmpty ? key : "\(path).\(key)"
            throw error(at: full, "unknown key `\(key)`; known keys here: \(known.sorted().joined(separator: ", "))")
        }
    }

    func string(_ table: TOMLTable, _ key: String, path: String) throws(ConfigError) -> String? {
        guard let value = table[key] else { return nil }
        guard let string = value.string else { throw typeError(path, key, expected: "a string in quotes") }
        return string
    }

    func choice(_ table: TOMLTable, _ key: String, path: String, among allowed: [String]) throws(ConfigError) -> String? {
        guard let value = try string(table, key, path: path) else { return nil }
        guard allowed.contains(value) else {
            throw error(at: path.isEmpty ? key : "\(path).\(key)", "\(key) cannot be \"\(value)\"; use one of \(allowed.joined(separator: ", "))")
        }
        return value
    }

    func int(_ table: TOMLTable, _ key: String, path: String) throws(ConfigError) -> Int? {
        guard let value = table[key] else { return nil }
        guard let int = value.int else { throw typeError(path, key, expected: "a whole number") }
        return int
    }

    func number(_ table: TOMLTable, _ key: String, path: String) throws(ConfigError) -> Double? {
        guard let value = table[key] else { return nil }
        if let double = value.double { return double }
        if let int = value.int { return Double(int) }
        throw typeError(path, key, expected: "a number")
    }

    func bool(_ table: TOMLTable, _ key: String, path: String) throws(ConfigError) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let bool = value.bool else { throw typeError(path, key, expected: "true or false") }
        return bool
    }

    func strings(_ table: TOMLTable, _ key: String, path: String) throws(ConfigError) -> [String]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else { throw typeError(path, key, expected: "a list of strings, e.g. [\"a\", \"b\"]") }
        var result: [String] = []
        for element in array {
            guard let string = element.string else { throw typeError(path, key, expected: "a list of strings, e.g. [\"a\", \"b\"]") }
            result.append(string)
        }
        return result
    }

    func table(_ table: TOMLTable, _ key: String, path: String) throws(ConfigError) -> TOMLTable? {
        guard let value = table[key] else { return nil }
        guard let inner = value.table else { throw typeError(path, key, expected: "a table: write [\(key)] on its own line") }
        return inner
    }

    func error(at path: String, _ message: String) -> ConfigError {
        ConfigError(file: file, line: keyLines.line(of: path), message: message)
    }

    private func typeError(_ path: String, _ key: String, expected: String) -> ConfigError {
        error(at: path.isEmpty ? key : "\(path).\(key)", "\(key) must be \(expected)")
    }
}
