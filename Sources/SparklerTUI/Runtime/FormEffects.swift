import Foundation
import SparklerCore

/// The effects about the form: saving it between sessions, and listing a directory for a path's Tab.
struct FormEffects: Sendable {
    let formStore: FormStore
    let inbox: EventInbox

    func run(_ effect: Effect) {
        switch effect {
        case .saveForm(let form):
            do {
                try formStore.save(form)
            } catch {
                inbox.send(.actionFinished(message: "Cannot save the form to \(formStore.file.path): \(error)", isError: true, reload: false))
            }
        case .completePath(let field, let text):
            BackgroundWork(inbox: inbox).run("list files for \(text)") { [inbox] in
                inbox.send(.pathCompleted(field, original: text, PathCompletion(typed: text, entries: Self.directoryEntries(for: text))))
            }
        default:
            assertionFailure("not a form effect: \(effect)")
        }
    }

    private static func directoryEntries(for typed: String) -> [String] {
        let expanded = UserPath.expanded(typed)
        let directory = typed.contains("/") ? String(expanded[...(expanded.lastIndex(of: "/") ?? expanded.startIndex)]) : "."
        // A directory that cannot be listed offers nothing to complete, as in a shell.
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
            return isDirectory.boolValue ? name + "/" : name
        }
    }
}
