import Foundation

/// A Fireworks API key and where it came from. Printing it never shows the key itself.
public struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public enum Source: Sendable, Equatable {
        case environment
        case command(String)
        case file(String)
    }

    /// The secret; send it only in the Authorization header.
    public let value: String
    public let source: Source

    public init(value: String, source: Source) {
        self.value = value
        self.source = source
    }

    public var sourceDescription: String {
        switch source {
        case .environment: "FIREWORKS_API_KEY"
        case .command(let command): "key_command `\(command)`"
        case .file(let path): "key file \(path)"
        }
    }

    public var description: String { "API key from \(sourceDescription)" }
    public var debugDescription: String { description }
}

/// Why no usable key could be read from a configured source.
public struct APIKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
}

/// Finds the Fireworks key: `FIREWORKS_API_KEY`, else the config's key command, else its key file.
public struct APIKeyResolver: Sendable {
    public var environment: [String: String]
    public var settings: SparklerConfig.FireworksSettings

    public init(environment: [String: String], settings: SparklerConfig.FireworksSettings) {
        self.environment = environment
        self.settings = settings
    }

    /// nil when no source is configured; throws when a configured source fails or gives a key that cannot be sent.
    public func resolve() throws(APIKeyError) -> APIKey? {
        let key: APIKey
        if let value = environment["FIREWORKS_API_KEY"]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty {
            key = APIKey(value: value, source: .environment)
        } else if let command = settings.keyCommand {
            key = APIKey(value: try runKeyCommand(command), source: .command(command))
        } else if let path = settings.keyFile {
            key = APIKey(value: try readKeyFile(expandingTilde(path)), source: .file(path))
        } else {
            return nil
        }
        try Self.checkSendable(key)
        return key
    }

    /// A key is one line of visible ASCII: anything else would break the Authorization header, and the HTTP
    /// client's refusal would quote the header. The message says where the bad character is, never what the key is.
    static func checkSendable(_ key: APIKey) throws(APIKeyError) {
        let scalars = Array(key.value.unicodeScalars)
        guard let index = scalars.firstIndex(where: { !(0x21...0x7E).contains($0.value) }) else { return }
        let what = switch scalars[index] {
        case "\n", "\r": "a line break"
        case "\t": "a tab"
        case " ": "a space"
        case let scalar where scalar.isASCII: "a control character"
        default: "a non-ASCII character"
        }
        throw APIKeyError(description: """
            The API key from \(key.sourceDescription) contains \(what) (character \(index + 1) of \(scalars.count)); \
            a key is one line of letters, digits and punctuation. Check that it holds only the key \
            (the key itself is not shown).
            """)
    }

    private func runKeyCommand(_ command: String) throws(APIKeyError) -> String {
        let timeout = settings.keyCommandTimeoutSeconds ?? SparklerConfig.FireworksSettings.defaultKeyCommandTimeoutSeconds
        let named = "The key_command `\(command)` in config.toml"
        let data: Data
        switch KeyCommandRunner(command: command, timeout: .seconds(timeout)).run() {
        case .printed(let output):
            data = output
        case .failed(let status):
            throw APIKeyError(description: "\(named) failed with exit status \(status); run it yourself to see why.")
        case .killedBySignal(let signal):
            throw APIKeyError(description: "\(named) was killed by signal \(signal) before it printed a key; run it yourself to see why.")
        case .timedOut:
            throw APIKeyError(description: """
                \(named) did not finish within \(Self.seconds(timeout)), so it was stopped with every process it \
                started. Run it yourself to see whether it waits for input (a passphrase prompt), or allow it more \
                time with key_command_timeout in [fireworks].
                """)
        case .couldNotStart(let code):
            throw APIKeyError(description: "\(named) could not be started: \(String(cString: strerror(code))).")
        }
        // As `pass` defines its entries: the first line is the secret, the lines after it are other fields.
        let firstLine = String(decoding: data, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first ?? ""
        let key = firstLine.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty else {
            throw APIKeyError(description: "\(named) printed nothing on its first line; it should print the API key there.")
        }
        return key
    }

    private static func seconds(_ value: Double) -> String {
        let number = value == value.rounded() ? String(Int(value)) : String(value)
        return value == 1 ? "1 second" : "\(number) seconds"
    }

    private func readKeyFile(_ path: String) throws(APIKeyError) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw APIKeyError(description: "The key file \(path) named in config.toml does not exist or cannot be read.")
        }
        if info.st_uid != getuid() {
            throw APIKeyError(description: "The key file \(path) belongs to another user; it must be your own file, readable only by you.")
        }
        if info.st_mode & 0o077 != 0 {
            let mode = String(info.st_mode & 0o777, radix: 8)
            throw APIKeyError(description: "The key file \(path) can be read by others (mode \(mode)); run `chmod 600 \(path)` and try again.")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw APIKeyError(description: "The key file \(path) cannot be read.")
        }
        let key = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty else {
            throw APIKeyError(description: "The key file \(path) is empty; put the API key in it.")
        }
        return key
    }

    private func expandingTilde(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
        return home + path.dropFirst(1)
    }
}
