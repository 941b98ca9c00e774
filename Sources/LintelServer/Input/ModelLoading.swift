import Foundation
import LintelImport
import LintelModel

/// Turns a `ModelSource` into a validated model, the way the CLI's commands do: a Lintel model is
/// loaded, a docker-compose file or Kubernetes manifests are imported on the fly.
///
/// Differences from the CLI, for a server whose input comes from an agent: compose `${VAR}` is
/// interpolated from `.env` only, never from the server's environment (which may hold secrets),
/// and every file the importer would read besides the input (`.env`, `env_file`) must be a regular
/// file inside the root — text input may not name any.
struct ModelLoading: Sendable {
    let root: RootDirectory
    let limit: Int

    /// The model and its warnings; throws the located errors. The source's one parse
    /// (`ModelSource.input`) decides the format and is what the loader or the importer reads.
    func model(from source: ModelSource) throws(ToolFailure) -> (model: Model, warnings: [Diagnostic]) {
        switch DeploymentFile.format(of: source.input) {
        case .lintel:
            let tree: YAMLTree
            switch source.input.tree {
            case .success(let parsed): tree = parsed
            case .failure(let error): throw ToolFailure(diagnostics: error.diagnostics)
            }
            do {
                let loaded = try ModelLoader.load(tree: tree, file: source.name)
                return (loaded.model, loaded.warnings)
            } catch {
                throw ToolFailure(diagnostics: error.diagnostics)
            }
        case .compose, .kubernetes:
            let result = try imported(source)
            if result.hasErrors { throw ToolFailure(diagnostics: result.diagnostics.filter { $0.severity != .note }) }
            return (result.model, result.diagnostics.filter { $0.severity == .warning })
        }
    }

    /// Imports a compose file or Kubernetes manifests; `nil` format means "decide from the text".
    func imported(_ source: ModelSource, as requested: Origin.Format? = nil, system: String? = nil) throws(ToolFailure) -> ImportResult {
        let format = requested ?? DeploymentFile.format(of: source.input)
        switch format {
        case .compose:
            try checkEnvironmentFiles(source)
            return ComposeImporter(environment: [:], systemName: system).importInputs(
                [source.input], projectDirectory: source.directory, dotEnv: try dotEnv(source))
        case .kubernetes:
            return KubernetesImporter(systemName: system).importInputs([source.input], directory: source.directory)
        case .lintel:
            // A stream that did not parse is not shown as "not a compose file": its own errors are the answer.
            if !source.input.diagnostics.isEmpty { throw ToolFailure(diagnostics: source.input.diagnostics) }
            throw .whole(source.name, "this is not a docker-compose file (a top-level 'services:' mapping) nor Kubernetes manifests (documents with 'apiVersion' and 'kind')")
        }
    }

    /// The `.env` beside a compose file on disk, when it is a regular file inside the root.
    private func dotEnv(_ source: ModelSource) throws(ToolFailure) -> (path: String, text: String)? {
        guard let directory = source.directory else { return nil }
        let path = directory + "/.env"
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let file = try root.read(path, maximumBytes: limit)
        return (path, file.text)
    }

    /// Refuses `env_file` entries that point outside the root, at non-regular files, or (for text
    /// input) anywhere at all — before the importer reads them.
    private func checkEnvironmentFiles(_ source: ModelSource) throws(ToolFailure) {
        // The first document, as the compose importer reads it; its syntax errors are the importer's to report.
        guard let tree = source.input.documents.first else { return }
        var problems: [Diagnostic] = []
        for service in tree["services"]?.entries ?? [] {
            guard let entry = service.value.entry("env_file") else { continue }
            let items = entry.value.items ?? [entry.value]
            for item in items {
                guard let path = item.scalar ?? item["path"]?.scalar else { continue }
                guard let directory = source.directory else {
                    problems.append(Diagnostic("env_file '\(path)' cannot be read for compose text given inline; pass the file as `path` inside the root",
                                               at: item.location))
                    continue
                }
                let full = path.hasPrefix("/") ? path : directory + "/" + path
                // A missing file is the importer's to report (a warning); only existing ones are checked.
                guard FileManager.default.fileExists(atPath: full) else { continue }
                do {
                    _ = try root.read(full, maximumBytes: limit)
                } catch {
                    problems.append(Diagnostic("env_file '\(path)': " + (error.diagnostics.first?.message ?? error.text), at: item.location))
                }
            }
        }
        if !problems.isEmpty { throw ToolFailure(diagnostics: problems) }
    }
}
