import Foundation
import LintelModel

/// Reads deployment files with the model loader's reader (`YAMLDocument.stream`): one YAML front
/// door, so compose files and manifests get the same size, NUL, depth and alias budgets, merge
/// keys and located diagnostics as models, and the importers read the same located tree.
struct YAMLReader {
    /// The documents of a YAML stream (one for compose, several for Kubernetes manifests).
    /// Parse errors become located diagnostics; documents read before the error are kept.
    func documents(text: String, file: String) -> (documents: [YAMLNode], diagnostics: [Diagnostic]) {
        let (trees, diagnostics) = YAMLDocument.stream(text: text, file: file)
        return (trees.map(YAMLNode.init), diagnostics)
    }

    /// The documents of a stream already read through the front door.
    func documents(_ input: YAMLInput) -> (documents: [YAMLNode], diagnostics: [Diagnostic]) {
        (input.documents.map(YAMLNode.init), input.diagnostics)
    }
}

extension YAMLNode {
    /// The importers' node for a loader tree. Tags are resolved as YAML's core schema does for
    /// the one distinction importers make: a plain `null`, `~` or empty value is null, any other
    /// scalar a string (so a value interpolated to "" stays an empty string); an explicit tag
    /// (`!reset`, `!override`) is kept. Aliases were expanded by the reader under its node budget, so the
    /// tree's size is bounded.
    init(_ tree: YAMLTree) {
        switch tree.value {
        case .scalar(let text, let plain):
            self.init(.scalar(text), tag: tree.tag ?? (plain && tree.isNull ? YAMLTag.null : YAMLTag.str), plain: plain, location: tree.location)
        case .sequence(let items):
            self.init(.sequence(items.map(YAMLNode.init)), tag: tree.tag ?? "", location: tree.location)
        case .mapping(let entries):
            let converted = entries.map { entry in
                YAMLEntry(key: YAMLNode(.scalar(entry.key), tag: "", plain: true, location: entry.keyLocation), value: YAMLNode(entry.value))
            }
            self.init(.mapping(converted), tag: tree.tag ?? "", location: tree.location)
        }
    }
}
