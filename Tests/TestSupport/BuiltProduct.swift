import Foundation

/// An executable that `swift build` made beside this test runner: the runner lives in the products folder
/// (`.build/<triple>/<configuration>/`), so debug, release and a custom `--build-path` all find theirs.
public enum BuiltProduct {
    public static let folder = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0])
        .resolvingSymlinksInPath().deletingLastPathComponent()

    /// `name` in the products folder, or the path in the environment variable `override` when it is set.
    public static func url(_ name: String, override: String? = nil) -> URL {
        if let override, let path = ProcessInfo.processInfo.environment[override] {
            return URL(fileURLWithPath: path)
        }
        return folder.appendingPathComponent(name)
    }
}
