import Foundation

/// Reads YAML (or JSON) text into a `YAMLTree`, turning every parser failure into a located diagnostic.
public enum YAMLDocument {
    /// Files larger than this are refused before parsing (a model is a few hundred kilobytes).
    public static let maximumBytes = 16 * 1024 * 1024

    /// Reads and parses the file at `path`.
    public static func read(path: String, displayName: String? = nil) -> Result<YAMLTree, ModelLoadError> {
        readText(path: path, displayName: displayName).flatMap { parse(text: $0, file: displayName ?? path) }
    }

    /// Parses bytes as UTF-8 YAML.
    public static func parse(data: Data, file: String) -> Result<YAMLTree, ModelLoadError> {
        text(data: data, file: file).flatMap { parse(text: $0, file: file) }
    }

    /// The front door for every file the CLI reads, models and deployment files alike: the bytes
    /// are checked against the size, NUL and UTF-8 budgets before any parser sees them, then parsed
    /// once under the depth and alias budgets. Format detection and the loader read the tree;
    /// `tree` holds the loader's diagnostics when the text is not one YAML document it accepts.
    public static func input(path: String, displayName: String? = nil) -> Result<YAMLInput, ModelLoadError> {
        let name = displayName ?? path
        return readText(path: path, displayName: name).map { YAMLInput(name: name, text: $0, tree: parse(text: $0, file: name)) }
    }

    /// The front door for bytes that are not a file: standard input, an editor's buffer.
    public static func input(data: Data, name: String) -> Result<YAMLInput, ModelLoadError> {
        text(data: data, file: name).map { YAMLInput(name: name, text: $0, tree: parse(text: $0, file: name)) }
    }

    /// The text of the file at `path`, after the byte budgets; a missing file, a directory, a file
    /// too large, binary or not UTF-8 each get their own message.
    public static func readText(path: String, displayName: String? = nil) -> Result<String, ModelLoadError> {
        let name = displayName ?? path
        let start = SourceLocation(file: name, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(ModelLoadError([Diagnostic("no such file", at: start)]))
        }
        guard !isDirectory.boolValue else {
            return .failure(ModelLoadError([Diagnostic("is a directory, not a file", at: start)]))
        }
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           let size = attributes[.size] as? Int, size > maximumBytes {
            return .failure(ModelLoadError([Diagnostic(
                "file is \(mebibytes(size)), larger than the \(mebibytes(maximumBytes)) limit for a model",
                at: start)]))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ModelLoadError([Diagnostic("cannot read the file (permission denied or not a regular file)", at: start)]))
        }
        return text(data: data, file: name)
    }

    /// Bytes as text, after the size, NUL and UTF-8 budgets.
    public static func text(data: Data, file: String) -> Result<String, ModelLoadError> {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard data.count <= maximumBytes else {
            return .failure(ModelLoadError([Diagnostic("input is larger than the \(mebibytes(maximumBytes)) limit for a model", at: start)]))
        }
        if let nul = data.firstIndex(of: 0) {
            return .failure(ModelLoadError([Diagnostic("file contains binary data (a NUL byte at offset \(nul - data.startIndex)); a model is YAML or JSON text", at: start)]))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ModelLoadError([Diagnostic("file is not valid UTF-8 text", at: start)]))
        }
        return .success(text)
    }

    /// Parses YAML or JSON text. The node budget scales with the text so that legitimate
    /// anchors work while an alias bomb is cut off early.
    public static func parse(text: String, file: String, maximumBytes: Int = maximumBytes) -> Result<YAMLTree, ModelLoadError> {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard text.utf8.count <= maximumBytes else {
            return .failure(ModelLoadError([Diagnostic("input is larger than the limit for a model", at: start)]))
        }
        var reader = EventReader(file: file, budget: max(200_000, text.utf8.count * 4))
        let tree = reader.read(text)
        if !reader.diagnostics.isEmpty { return .failure(ModelLoadError(reader.diagnostics)) }
        guard let tree, !tree.isNull else {
            return .failure(ModelLoadError([Diagnostic("file is empty; a model starts with 'lintel: 1' and 'system: NAME'", at: start)]))
        }
        return .success(tree)
    }

    static func mebibytes(_ bytes: Int) -> String {
        UnitFormat.number(Double(bytes) / 1_048_576, decimals: 1) + " MiB"
    }
}

/// A file read through `YAMLDocument.input`: its name in locations, its checked text, and its tree.
public struct YAMLInput: Sendable {
    /// The name used in locations (the path, or `--stdin-name` for standard input).
    public var name: String
    /// The text, within the size budget, without NUL bytes, valid UTF-8.
    public var text: String
    /// The located tree, or the loader's diagnostics (syntax, depth, aliases, a second document).
    public var tree: Result<YAMLTree, ModelLoadError>

    public init(name: String, text: String, tree: Result<YAMLTree, ModelLoadError>) {
        self.name = name
        self.text = text
        self.tree = tree
    }
}
