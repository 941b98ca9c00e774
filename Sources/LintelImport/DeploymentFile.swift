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
        let (documents, _) = YAMLReader().documents(text: text, file: file)
        if let first = documents.first(where: { !$0.isNull }), first.isMapping {
            if first.entry("lintel") != nil { return .lintel }
            if let services = first.entry("services"), services.value.isMapping { return .compose }
        }
        let isManifest = documents.contains { document in
            document.isMapping && document.entry("apiVersion") != nil && document.entry("kind") != nil
        }
        return isManifest ? .kubernetes : .lintel
    }

    /// The format of the file at `path`; an unreadable file is `.lintel` (the loader reports it).
    public static func format(ofPath path: String) -> Origin.Format {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return .lintel
        }
        return format(ofText: text, file: path)
    }

    /// Imports one compose file or manifest file as its own model, the way `lintel import` would.
    /// - Parameters:
    ///   - format: `.compose` or `.kubernetes`; `.lintel` gives `nil` (load it with `ModelLoader`).
    ///   - environment: variables for compose `${VAR}` interpolation (the shell's environment).
    public static func importFile(_ path: String, as format: Origin.Format, environment: [String: String] = [:]) -> ImportResult? {
        switch format {
        case .lintel: nil
        case .compose: ComposeImporter(environment: environment).importFiles([path])
        case .kubernetes: KubernetesImporter().importFiles([path])
        }
    }
}
