import Foundation
import Logging

/// swift-log to stderr; `SPARKLER_LOG=debug` (or trace, info ...) shows more than warnings.
enum CommandLog {
    static func bootstrap() {
        let level = ProcessInfo.processInfo.environment["SPARKLER_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
