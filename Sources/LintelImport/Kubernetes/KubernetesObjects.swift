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
