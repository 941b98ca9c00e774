import LintelModel

/// One Kubernetes object from a manifest.
struct KubernetesObject {
    var kind: String
    var name: String
    var namespace: String?
    var node: YAMLNode
    /// The `name:` key under `metadata`, where findings about the object point.
    var nameLocation: SourceLocation
    var kindLocation: SourceLocation

    var spec: YAMLNode? { node["spec"] }
}

/// A Service as far as routing is concerned.
struct KubernetesService {
    struct Port {
        var name: String?
        var port: Int?
        var appProtocol: String?
    }

    var object: KubernetesObject
    var type: String
    var typeLocation: SourceLocation?
    var selector: [String: String]
    var ports: [Port]
    var externalName: String?

    init(_ object: KubernetesObject) {
        self.object = object
        let spec = object.spec
        type = spec?["type"]?.string ?? "ClusterIP"
        typeLocation = spec?.entry("type")?.key.location
        selector = KubernetesService.labels(spec?["selector"])
        ports = (spec?["ports"]?.items ?? []).map {
            Port(name: $0["name"]?.string, port: $0["port"]?.int, appProtocol: $0["appProtocol"]?.string)
        }
        externalName = spec?["externalName"]?.string
    }

    var isPublic: Bool { type == "LoadBalancer" || type == "NodePort" }

    /// The protocol a port declares, by `appProtocol` or by the `<protocol>[-suffix]` port-name convention.
    func protocolName(port: Int?) -> CallProtocol? {
        let match = ports.first { $0.port == port } ?? (ports.count == 1 ? ports.first : nil)
        guard let match else { return nil }
        if let declared = match.appProtocol?.lowercased(), let value = CallProtocol(rawValue: declared) { return value }
        guard let name = match.name?.lowercased(), let prefix = name.split(separator: "-").first else { return nil }
        return CallProtocol(rawValue: String(prefix))
    }

    /// A label mapping (`selector`, `matchLabels`) as a dictionary of strings.
    static func labels(_ node: YAMLNode?) -> [String: String] {
        var labels: [String: String] = [:]
        for entry in node?.entries ?? [] { labels[entry.name] = entry.value.string ?? "" }
        return labels
    }

    /// True when every selector label is among `labels` (an empty selector selects nothing).
    static func selects(_ selector: [String: String], _ labels: [String: String]) -> Bool {
        !selector.isEmpty && selector.allSatisfy { labels[$0.key] == $0.value }
    }
}

/// ConfigMaps and Secrets defined in the manifests, for `envFrom` and `valueFrom`.
struct KubernetesConfigData {
    struct Value {
        var value: String?
        var location: SourceLocation
    }

    var configMaps: [String: [(key: String, value: Value)]] = [:]
    var secrets: [String: [(key: String, value: Value)]] = [:]

    mutating func add(_ object: KubernetesObject) {
        var values: [(key: String, value: Value)] = []
        for section in ["data", "stringData"] {
            for entry in object.node[section]?.entries ?? [] {
                values.append((entry.name, Value(value: entry.value.string, location: entry.key.location)))
            }
        }
        if object.kind == "ConfigMap" { configMaps[object.name] = values } else { secrets[object.name] = values }
    }

    func configMapValue(_ name: String, key: String) -> Value? {
        configMaps[name]?.first { $0.key == key }?.value
    }
}

extension KubernetesObject {
    private enum Shape {
        case mapping, list

        var name: String { self == .mapping ? "a mapping" : "a list" }
        func matches(_ node: YAMLNode) -> Bool { self == .mapping ? node.isMapping : node.isSequence }
    }

    /// The parts of `spec` the importer reads, with the shape the Kubernetes API requires of them.
    private var expectedShapes: [([String], Shape)] {
        let template: [String] = switch kind {
        case "Pod": []
        case "CronJob": ["spec", "jobTemplate", "spec", "template"]
        default: ["spec", "template"]
        }
        var shapes: [([String], Shape)] = [(["spec"], .mapping)]
        if KubernetesWorkloadReader.workloadKinds.contains(kind) {
            if kind == "CronJob" { shapes += [(["spec", "jobTemplate"], .mapping), (["spec", "jobTemplate", "spec"], .mapping)] }
            if !template.isEmpty { shapes.append((template, .mapping)) }
            shapes += [(template + ["spec"], .mapping), (template + ["spec", "containers"], .list)]
        }
        if kind == "Service" { shapes += [(["spec", "selector"], .mapping), (["spec", "ports"], .list)] }
        return shapes
    }

    /// An error when `spec` (or a part of it the importer reads) has the wrong shape — a list where
    /// the API requires a mapping — instead of reading it as empty and saying nothing.
    func malformedSpec() -> Diagnostic? {
        for (path, shape) in expectedShapes {
            guard let value = node[path], !value.isNull else { continue }
            if !shape.matches(value) {
                return Report.error("\(kind) '\(name)': '\(path.joined(separator: "."))' must be \(shape.name), found \(value.shape)",
                                    at: value.location, hint: "the Kubernetes API rejects this object; fix its shape")
            }
        }
        return nil
    }
}
