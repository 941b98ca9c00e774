import Foundation
import LintelModel

/// Recognises what a YAML file describes — a Lintel model, a docker-compose file or Kubernetes
/// manifests — so commands can take any of them and import deployment files on the fly.
public enum DeploymentFile {
    /// The format of `text`, decided from its top-level keys:
    /// - a mapping with `lintel:` is a Lintel model;
    /// - a mapping whose `services:` is a mapping (and has no `lintel:`) is a compose file;
    /// - a stream with a document holding both `apiVersion` and `kind` is Kubernetes manifests;
    /// - anything else, unparseable text included, is left to the model loader (`.lintel`), which
    ///   reports what is wrong with it.
    public static func format(ofText text: String, file: String = "<input>") -> Origin.Format {
        format(of: YAMLDocument.input(data: Data(text.utf8), name: file))
    }

    /// The format of the file at `path`; an unreadable file is `.lintel` (the loader reports it).
    /// Only a regular file is read: a pipe (`/dev/stdin`, `<(cat compose.yaml)`) can be read once,
    /// so it is `.lintel` here and the loader's front door reads it, detects its format and imports it.
    public static func format(ofPath path: String) -> Origin.Format {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved),
              attributes[.type] as? FileAttributeType == .typeRegular else { return .lintel }
        return format(of: YAMLDocument.input(path: path))
    }

    /// The format of a file read through the front door (`YAMLDocument.input`): from the loader's
    /// tree, or, for a stream the loader refuses (several documents, as manifests have), from the
    /// documents the same parse read.
    public static func format(of input: Result<YAMLInput, ModelLoadError>) -> Origin.Format {
        guard case .success(let input) = input else { return .lintel }
        return format(of: input)
    }

    /// The format of a file read through the front door; no second parse.
    public static func format(of input: YAMLInput) -> Origin.Format {
        if case .success(let tree) = input.tree { return format(ofTree: tree) }
        let (documents, _) = YAMLReader().documents(input)
        if let first = documents.first(where: { !$0.isNull }), first.isMapping {
            if first.entry("lintel") != nil { return .lintel }
            if let services = first.entry("services"), services.value.isMapping { return .compose }
        }
        let isManifest = documents.contains { document in
            document.isMapping && document.entry("apiVersion") != nil && document.entry("kind") != nil
        }
        return isManifest ? .kubernetes : .lintel
    }

    /// The format of one document's tree.
    static func format(ofTree tree: YAMLTree) -> Origin.Format {
        guard tree.entries != nil, tree.entry("lintel") == nil else { return .lintel }
        if tree.entry("services")?.value.entries != nil { return .compose }
        if tree.entry("apiVersion") != nil, tree.entry("kind") != nil { return .kubernetes }
        return .lintel
    }

    /// Imports one compose file or manifest file as its own model, the way `lintel import` would.
    /// - Parameters:
    ///   - format: `.compose` or `.kubernetes`; `.lintel` gives `nil` (load it with `ModelLoader`).
    ///   - environment: variables for compose `${VAR}` interpolation (the shell's environment).
    /// The file is read through the front door, so a missing file, a directory, binary and non-UTF-8
    /// input are told apart.
    public static func importFile(_ path: String, as format: Origin.Format, environment: [String: String] = [:]) -> ImportResult? {
        guard format != .lintel else { return nil }
        switch YAMLDocument.input(path: path) {
        case .success(let input):
            return importInput(input, path: path, as: format, environment: environment)
        case .failure(let error):
            let origin = Origin(format: format, files: [path], unknowns: ImportUnknowns.all)
            let model = Model(system: ModelNaming.systemName(fromDirectory: URL(fileURLWithPath: path).deletingLastPathComponent().path),
                              origin: origin, location: SourceLocation(file: path, line: 1, column: 1))
            return ImportResult(model: model, diagnostics: error.diagnostics)
        }
    }

    /// Imports a file already read through the front door, as its own model: the importer reads
    /// the documents of that one parse.
    /// - Parameters:
    ///   - path: the file's path on disk, for the project directory and `.env`; nil for standard input
    ///     (the current directory is the project's).
    public static func importInput(_ input: YAMLInput, path: String?, as format: Origin.Format,
                                   environment: [String: String] = [:]) -> ImportResult? {
        let directory = path.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
            ?? FileManager.default.currentDirectoryPath
        switch format {
        case .lintel:
            return nil
        case .compose:
            let dotEnvPath = URL(fileURLWithPath: directory).appendingPathComponent(".env").path
            let dotEnv = YAMLDocument.readTextIfPresent(dotEnvPath).map { (path: dotEnvPath, text: $0) }
            return ComposeImporter(environment: environment).importInputs([input], projectDirectory: directory, dotEnv: dotEnv)
        case .kubernetes:
            return KubernetesImporter().importInputs([input], directory: directory)
        }
    }
}

extension YAMLDocument {
    /// The text of an optional file (`.env`): nil when it is absent or fails the byte budgets.
    static func readTextIfPresent(_ path: String) -> String? {
        guard FileManager.default.fileExists(atPath: path), case .success(let text) = readText(path: path) else { return nil }
        return text
    }
}
