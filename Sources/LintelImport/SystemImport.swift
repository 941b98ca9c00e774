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

    /// The inputs `paths` make, in the order of their first file: every Lintel model alone, all
    /// compose files as one system, all Kubernetes manifests as one system.
    public static func inputs(_ paths: [String]) -> [Input] {
        var inputs: [Input] = []
        for path in paths.flatMap(expand) {
            // Standard input and unreadable paths go to the model loader, which reads and reports them.
            let format = path == "-" ? .lintel : DeploymentFile.format(ofPath: path)
            if format == .lintel {
                inputs.append(.model(path))
            } else if let index = inputs.firstIndex(where: { if case .deployment(format, _) = $0 { true } else { false } }),
                      case .deployment(_, let files) = inputs[index] {
                inputs[index] = .deployment(format, files + [path])
            } else {
                inputs.append(.deployment(format, [path]))
            }
        }
        return inputs
    }

    /// Imports one group of deployment files as one system.
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
}
