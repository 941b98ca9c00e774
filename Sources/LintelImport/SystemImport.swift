import Foundation
import LintelModel

/// Several deployment files and directories as one system, the way `docker compose -f a -f b`
/// merges compose files and `kubectl apply -f dir/` applies every manifest of a folder.
///
/// Compose files are merged in the order given (later files override earlier ones, the first
/// file's folder holds `.env`); Kubernetes manifests are read together, so a file holding only an
/// Ingress or a Service links to the workloads of the others. Lintel model files stay one system each.
public enum SystemImport {
    /// One input after directories are expanded: a Lintel model file, or a group of deployment files.
    public enum Input: Sendable, Equatable {
        /// A Lintel model file, loaded on its own.
        case model(String)
        /// Deployment files of one format, imported as one system.
        case deployment(Origin.Format, [String])
    }

    /// The YAML and JSON files of a directory, sorted by name (hidden files left out), or the path itself.
    public static func expand(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [path] }
        let extensions: Set<String> = ["yaml", "yml", "json"]
        return names.filter { !$0.hasPrefix(".") && extensions.contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }
            .sorted()
            .map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
    }

    /// A deployment file read through the front door, with its path on disk.
    public struct ReadFile: Sendable {
        public var path: String
        public var input: YAMLInput
    }

    /// One input after directories are expanded and every file is read once through the front door
    /// (`YAMLDocument.input`: size, NUL, UTF-8, depth and alias budgets, one parse).
    public enum ReadInput: Sendable {
        /// A Lintel model file (or a file that could not be read, for the model loader to report),
        /// with what the front door read; nil for standard input (`-`), which the caller reads.
        case model(path: String, input: Result<YAMLInput, ModelLoadError>?)
        /// Deployment files of one format, imported as one system from the trees already read.
        case deployment(Origin.Format, [ReadFile])
    }

    /// Expands `paths`, reads every file once through the front door and groups them, in the order
    /// of their first file: every Lintel model alone, all compose files as one system, all
    /// Kubernetes manifests as one system. The tree that decided a file's format is the one the
    /// loader or the importer reads: no file is parsed twice.
    public static func read(_ paths: [String]) -> [ReadInput] {
        var inputs: [ReadInput] = []
        for path in paths.flatMap(expand) {
            guard path != "-" else {
                inputs.append(.model(path: path, input: nil))
                continue
            }
            let read = YAMLDocument.input(path: path)
            guard case .success(let input) = read, case let format = DeploymentFile.format(of: input), format != .lintel else {
                inputs.append(.model(path: path, input: read))
                continue
            }
            let file = ReadFile(path: path, input: input)
            if let index = inputs.firstIndex(where: { if case .deployment(format, _) = $0 { true } else { false } }),
               case .deployment(_, let files) = inputs[index] {
                inputs[index] = .deployment(format, files + [file])
            } else {
                inputs.append(.deployment(format, [file]))
            }
        }
        return inputs
    }

    /// The inputs `paths` make, in the order of their first file: every Lintel model alone, all
    /// compose files as one system, all Kubernetes manifests as one system.
    public static func inputs(_ paths: [String]) -> [Input] {
        read(paths).map { input in
            switch input {
            case .model(let path, _): .model(path)
            case .deployment(let format, let files): .deployment(format, files.map(\.path))
            }
        }
    }

    /// Imports one group of deployment files as one system, each file read through the front door.
    /// - Parameters:
    ///   - environment: variables for compose `${VAR}` interpolation (the shell's environment).
    ///   - profiles: compose profiles to activate, besides `COMPOSE_PROFILES`.
    public static func importFiles(_ files: [String], as format: Origin.Format, environment: [String: String] = [:],
                                   profiles: [String] = []) -> ImportResult? {
        switch format {
        case .lintel: nil
        case .compose: ComposeImporter(environment: environment, profiles: profiles).importFiles(files)
        case .kubernetes: KubernetesImporter().importFiles(files)
        }
    }

    /// Imports one group of files `read` returned, from the trees already read (no second parse).
    /// The first file's directory is the project's: compose `.env`, `env_file`, the default system name.
    public static func importFiles(_ files: [ReadFile], as format: Origin.Format, environment: [String: String] = [:],
                                   profiles: [String] = []) -> ImportResult? {
        let directory = files.first.map { URL(fileURLWithPath: $0.path).deletingLastPathComponent().path }
        switch format {
        case .lintel:
            return nil
        case .compose:
            let dotEnvPath = directory.map { URL(fileURLWithPath: $0).appendingPathComponent(".env").path }
            let dotEnv = dotEnvPath.flatMap { path in YAMLDocument.readTextIfPresent(path).map { (path: path, text: $0) } }
            return ComposeImporter(environment: environment, profiles: profiles)
                .importInputs(files.map(\.input), projectDirectory: directory, dotEnv: dotEnv)
        case .kubernetes:
            return KubernetesImporter().importInputs(files.map(\.input), directory: directory)
        }
    }
}
