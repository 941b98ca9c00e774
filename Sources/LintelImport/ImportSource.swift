import Foundation
import LintelModel

/// One deployment file as the importers take it: the documents the front door (`YAMLDocument.input`)
/// read, with its diagnostics, or why the file could not be read.
///
/// Every path into an importer builds one of these, so a file is read under the size, NUL, UTF-8,
/// depth and alias budgets and parsed exactly once — also when its format was detected from the
/// same parse (`lintel review compose.yaml`).
struct ImportSource {
    /// The name in locations (the path, or the name given for text).
    var name: String
    /// The documents of the stream read before any error.
    var documents: [YAMLNode]
    /// Why the file could not be read, and syntax, depth and alias problems met while reading it.
    var diagnostics: [Diagnostic]

    /// A file already read through the front door: no second parse.
    init(_ input: YAMLInput) {
        name = input.name
        (documents, diagnostics) = YAMLReader().documents(input)
    }

    /// Text given in a call (`importTexts`): parsed here, under the same budgets.
    init(name: String, text: String) {
        self.name = name
        (documents, diagnostics) = YAMLReader().documents(text: text, file: name)
    }

    /// The file at `path` through the front door: a missing file, a directory, a file over the size
    /// limit, binary or non-UTF-8 bytes each get their own located error, never a crash or a long read.
    init(path: String) {
        switch YAMLDocument.input(path: path) {
        case .success(let input): self.init(input)
        case .failure(let error): self.init(name: path, failure: error)
        }
    }

    /// A file that could not be read.
    init(name: String, failure: ModelLoadError) {
        self.name = name
        documents = []
        diagnostics = failure.diagnostics
    }

    /// Whether reading stopped with an error (the file contributes nothing).
    var failed: Bool { diagnostics.contains { $0.severity == .error } }
}
