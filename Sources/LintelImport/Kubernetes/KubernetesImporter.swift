import Foundation
import LintelModel

/// Builds a model from Kubernetes manifests (multi-document YAML, `kind: List` too).
///
/// Workloads become components; Services and Ingresses decide public exposure and resolve
/// host names in environment variables to the workloads behind them; HorizontalPodAutoscalers
/// and PodDisruptionBudgets attach to the workloads they select. Every fact is located at the
/// manifest line it came from.
public struct KubernetesImporter: Sendable {
    /// The system name; defaults to the manifests' common namespace, else the first file's directory name.
    public var systemName: String?

    public init(systemName: String? = nil) {
        self.systemName = systemName
    }

    /// Kinds that carry nothing the model holds; they are skipped without a note.
    static let quietKinds: Set<String> = [
        "Namespace", "ServiceAccount", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding", "ConfigMap", "Secret",
        "NetworkPolicy", "PersistentVolumeClaim", "PersistentVolume", "StorageClass", "CustomResourceDefinition",
        "LimitRange", "ResourceQuota", "PriorityClass", "Endpoints", "EndpointSlice",
    ]

    /// Imports manifest files, each read through the front door (`YAMLDocument.input`) and parsed once.
    public func importFiles(_ paths: [String]) -> ImportResult {
        importSources(paths.map(ImportSource.init(path:)),
                      directory: paths.first.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path })
    }

    /// Imports manifests given as text (`name` is used in locations).
    public func importTexts(_ files: [(name: String, text: String)], directory: String? = nil) -> ImportResult {
        importSources(files.map { ImportSource(name: $0.name, text: $0.text) }, directory: directory)
    }

    /// Imports manifests already read through the front door (`YAMLDocument.input`): no second parse.
    public func importInputs(_ inputs: [YAMLInput], directory: String? = nil) -> ImportResult {
        importSources(inputs.map(ImportSource.init), directory: directory)
    }

    func importSources(_ sources: [ImportSource], directory: String?) -> ImportResult {
        var diagnostics: [Diagnostic] = []
        var objects: [KubernetesObject] = []
        for source in sources {
            diagnostics += source.diagnostics
            for document in source.documents where !document.isNull {
                objects += Self.objects(in: document, diagnostics: &diagnostics)
            }
        }
        diagnostics += objects.compactMap { $0.malformedSpec() }
        let namespaces = Set(objects.compactMap(\.namespace))
        let name = systemName ?? (namespaces.count == 1 ? namespaces.first : nil) ?? ModelNaming.systemName(fromDirectory: directory)
        var model = Model(system: name, origin: Origin(format: .kubernetes, files: sources.map(\.name), unknowns: ImportUnknowns.all),
                          location: SourceLocation(file: sources.first?.name ?? "manifests.yaml", line: 1, column: 1))
        let workloads = objects.filter { KubernetesWorkloadReader.workloadKinds.contains($0.kind) }
        if workloads.isEmpty, !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics.append(Report.error("no workloads (Deployment, StatefulSet, DaemonSet, Pod, …) in the manifests", at: model.location))
        }
        model.location = workloads.first?.nameLocation ?? model.location
        var linker = KubernetesLinker(objects: objects)
        model.components = linker.components(from: workloads)
        diagnostics += linker.diagnostics
        for object in objects where !KubernetesLinker.linkKinds.contains(object.kind)
            && !KubernetesWorkloadReader.workloadKinds.contains(object.kind) && !Self.quietKinds.contains(object.kind) {
            diagnostics.append(Report.note("\(object.kind) '\(object.name)' is not imported", at: object.kindLocation))
        }
        return ImportResult(model: model, diagnostics: diagnostics.inFileOrder())
    }

    /// The objects of one document: itself, or the items of a `List`.
    static func objects(in document: YAMLNode, diagnostics: inout [Diagnostic]) -> [KubernetesObject] {
        guard document.isMapping else {
            diagnostics.append(Report.error("expected a Kubernetes object (a mapping with apiVersion, kind and metadata), found \(document.shape)",
                                            at: document.location))
            return []
        }
        guard let kindEntry = document.entry("kind"), let kind = kindEntry.value.string else {
            diagnostics.append(Report.warning("document has no 'kind'; ignored", at: document.location))
            return []
        }
        if kind == "List" || kind.hasSuffix("List") {
            return (document["items"]?.items ?? []).flatMap { objects(in: $0, diagnostics: &diagnostics) }
        }
        guard let nameEntry = document["metadata"]?.entry("name"), let name = nameEntry.value.string, !name.isEmpty else {
            diagnostics.append(Report.warning("\(kind) has no metadata.name; ignored", at: kindEntry.key.location))
            return []
        }
        // The API server never accepts these (names are DNS names, RBAC's add ':'); printed, they would rewrite
        // terminal lines or read differently from what they are.
        if let problem = NameCheck.problem(name) {
            diagnostics.append(Report.error("the \(kind) name \(NameCheck.quoted(name)) \(problem); ignored", at: nameEntry.value.location))
            return []
        }
        return [KubernetesObject(kind: kind, name: name, namespace: document[["metadata", "namespace"]]?.string, node: document,
                                 nameLocation: nameEntry.key.location, kindLocation: kindEntry.key.location)]
    }
}
