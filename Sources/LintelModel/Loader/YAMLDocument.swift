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
        return readText(path: path, displayName: name).map { input(text: $0, name: name) }
    }

    /// The front door for bytes that are not a file: standard input, an editor's buffer.
    public static func input(data: Data, name: String) -> Result<YAMLInput, ModelLoadError> {
        text(data: data, file: name).map { input(text: $0, name: name) }
    }

    /// Text that passed the byte budgets, parsed once as a stream: the loader takes its one
    /// document, the importers all of them.
    static func input(text: String, name: String) -> YAMLInput {
        let (documents, diagnostics) = readStream(text: text, file: name)
        return YAMLInput(name: name, text: text, documents: documents, diagnostics: diagnostics,
                         tree: tree(documents: documents, diagnostics: diagnostics, file: name))
    }

    /// Every document of a YAML stream (Kubernetes manifests hold several), read by the loader's
    /// reader under the same budgets: size and NUL checked here (the text is UTF-8 by type), depth
    /// and alias expansion while reading. Parse errors are located diagnostics.
    public static func stream(text: String, file: String) -> (documents: [YAMLTree], diagnostics: [Diagnostic]) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard text.utf8.count <= maximumBytes else {
            return ([], [Diagnostic("input is larger than the \(mebibytes(maximumBytes)) limit", at: start)])
        }
        if let nul = text.utf8.firstIndex(of: 0) {
            let offset = text.utf8.distance(from: text.utf8.startIndex, to: nul)
            return ([], [Diagnostic("file contains binary data (a NUL byte at offset \(offset)); expected YAML text", at: start)])
        }
        return readStream(text: text, file: file)
    }

    private static func readStream(text: String, file: String) -> (documents: [YAMLTree], diagnostics: [Diagnostic]) {
        var reader = EventReader(file: file, budget: max(200_000, text.utf8.count * 4))
        reader.multipleDocuments = true
        _ = reader.read(text)
        return (reader.documents, reader.diagnostics)
    }

    /// The loader's view of a stream: exactly one non-empty document.
    private static func tree(documents: [YAMLTree], diagnostics: [Diagnostic], file: String) -> Result<YAMLTree, ModelLoadError> {
        if !diagnostics.isEmpty { return .failure(ModelLoadError(diagnostics)) }
        if documents.count > 1 {
            return .failure(ModelLoadError([Diagnostic("a model file holds one YAML document; found a second '---'",
                                                       at: documents[1].location)]))
        }
        guard let tree = documents.first, !tree.isNull else {
            return .failure(ModelLoadError([Diagnostic("file is empty; a model starts with 'lintel: 1' and 'system: NAME'",
                                                       at: SourceLocation(file: file, line: 1, column: 1))]))
        }
        return .success(tree)
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
        switch readBounded(path) {
        case .success(let data):
            return text(data: data, file: name)
        case .failure(.tooLarge):
            return .failure(ModelLoadError([Diagnostic("input is larger than the \(mebibytes(maximumBytes)) limit for a model", at: start)]))
        case .failure(.system(let code)):
            return .failure(ModelLoadError([Diagnostic("cannot read the file: \(String(cString: strerror(code)))", at: start)]))
        }
    }

    private enum ReadFailure: Error {
        case tooLarge
        case system(Int32)
    }

    /// The file's bytes, read with `read(2)` so a pipe (`<(cat model.yaml)`) works like a file, and
    /// never more than one byte past the size limit, so `/dev/zero` or an endless pipe is refused
    /// instead of filling memory.
    private static func readBounded(_ path: String) -> Result<Data, ReadFailure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.system(errno)) }
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while data.count <= maximumBytes {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return .success(data) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.system(errno))
            }
            data.append(contentsOf: buffer[0..<count])
        }
        return .failure(.tooLarge)
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
    /// Every document of the stream read before any error.
    public var documents: [YAMLTree]
    /// Syntax, depth and alias problems met while reading the stream.
    public var diagnostics: [Diagnostic]
    /// The loader's tree: the one document, or why the text is not one model (the diagnostics
    /// above, a second document, an empty file).
    public var tree: Result<YAMLTree, ModelLoadError>
}

#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

