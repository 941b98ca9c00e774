import Foundation
import LintelModel

/// Compose `volumes`, `tmpfs`, `secrets` and `configs` entries as model volumes.
enum ComposeVolumes {
    /// The container path of a short-syntax volume: `src:/dst:ro` → `/dst`, `/dst` → `/dst`.
    static func shortSyntaxTarget(_ text: String) -> String {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        return parts.count >= 2 ? parts[1] : text
    }

    /// A bind-mount source is a path; anything else names a volume.
    static func isPath(_ source: String) -> Bool {
        source.hasPrefix("/") || source.hasPrefix(".") || source.hasPrefix("~") || source.contains("/") || source.contains("\\")
    }

    /// One entry of a service's `volumes:` list.
    /// - Parameter namedVolumes: the top-level `volumes:` declarations, to spot tmpfs-backed named volumes.
    static func volume(_ item: YAMLNode, namedVolumes: YAMLNode?) -> Volume? {
        if let text = item.string {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            if parts.count == 1 {
                // An anonymous volume: compose keeps it across `up`, `down` removes it.
                return Volume(mount: parts[0], kind: .ephemeral, source: nil, location: item.location)
            }
            return volume(source: parts[0], target: parts[1], type: isPath(parts[0]) ? "bind" : "volume",
                          namedVolumes: namedVolumes, location: item.location)
        }
        guard item.isMapping, let target = item["target"]?.string else { return nil }
        let type = item["type"]?.string ?? "volume"
        return volume(source: item["source"]?.string, target: target, type: type, namedVolumes: namedVolumes, location: item.location)
    }

    static func volume(source: String?, target: String, type: String, namedVolumes: YAMLNode?, location: SourceLocation) -> Volume? {
        switch type {
        case "bind", "npipe":
            return Volume(mount: target, kind: .host, source: source, location: location)
        case "tmpfs":
            return Volume(mount: target, kind: .ephemeral, source: "tmpfs", location: location)
        case "image":
            return Volume(mount: target, kind: .config, source: source, location: location)
        default:
            guard let source, !source.isEmpty else { return Volume(mount: target, kind: .ephemeral, source: nil, location: location) }
            let declaration = namedVolumes?[source]
            let driverType = declaration?[["driver_opts", "type"]]?.string
            return Volume(mount: target, kind: driverType == "tmpfs" ? .ephemeral : .persistent, source: source, location: location)
        }
    }

    /// The service's `tmpfs:` value: one path or a list, each `path[:options]`.
    static func tmpfs(_ node: YAMLNode) -> [Volume] {
        let items = node.isSequence ? node.items : [node]
        return items.compactMap { item in
            guard let text = item.string else { return nil }
            let path = String(text.split(separator: ":").first ?? Substring(text))
            return Volume(mount: path, kind: .ephemeral, source: "tmpfs", location: item.location)
        }
    }

    /// `secrets:` or `configs:` of a service: mounted read-only files.
    static func mountedFiles(_ node: YAMLNode, defaultDirectory: String) -> [Volume] {
        node.items.compactMap { item in
            if let name = item.string {
                return Volume(mount: defaultDirectory + name, kind: .config, source: name, location: item.location)
            }
            guard let source = item["source"]?.string else { return nil }
            let target = item["target"]?.string ?? source
            let mount = target.hasPrefix("/") ? target : defaultDirectory + target
            return Volume(mount: mount, kind: .config, source: source, location: item.location)
        }
    }
}

/// Compose `ports:` entries.
enum ComposePorts {
    struct Port: Equatable {
        var container: Int?
        /// Reachable from outside the host: published on a non-loopback address.
        var isPublic: Bool
    }

    static func port(_ item: YAMLNode) -> Port? {
        if item.isMapping {
            let target = item["target"]?.int
            let hostIP = item["host_ip"]?.string
            return Port(container: target, isPublic: !isLoopback(hostIP))
        }
        guard var text = item.string else { return nil }
        if let slash = text.firstIndex(of: "/") { text = String(text[..<slash]) }
        var hostIP: String?
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            hostIP = String(text[text.index(after: text.startIndex)..<close])
            text = String(text[text.index(after: close)...].drop { $0 == ":" })
        }
        var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 3 {
            hostIP = parts[0]
            parts.removeFirst()
        }
        guard let containerPart = parts.last else { return nil }
        // A range `8000-8010` is represented by its first port.
        let container = Int(containerPart.split(separator: "-").first.map(String.init) ?? containerPart)
        // A container port alone is still published, on a random host port.
        return Port(container: container, isPublic: !isLoopback(hostIP))
    }

    static func isLoopback(_ address: String?) -> Bool {
        guard let address else { return false }
        return address.hasPrefix("127.") || address == "::1" || address == "localhost"
    }
}

/// Compose `healthcheck:` and resource attributes.
enum ComposeHealth {
    /// The health check, or nil when disabled (`disable: true`, `test: ["NONE"]`).
    static func healthCheck(_ node: YAMLNode) -> HealthCheck? {
        if node["disable"]?.bool == true { return nil }
        let test = node["test"]
        let words: [String] = test.map { $0.isSequence ? $0.items.compactMap(\.string) : [$0.string ?? ""] } ?? []
        if words.first?.uppercased() == "NONE" { return nil }
        let path = words.flatMap { $0.split(separator: " ").map(String.init) }.lazy.compactMap(urlPath).first
        return HealthCheck(path: path)
    }

    /// `http://localhost:8080/health` → `/health`; a URL without a path → `/`.
    static func urlPath(_ token: String) -> String? {
        let trimmed = token.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        guard let scheme = trimmed.range(of: "://") else { return nil }
        let rest = trimmed[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        var path = String(rest[slash...])
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<query]) }
        return path
    }

    /// Requests and limits from `deploy.resources` and the version-2 keys `mem_limit`, `mem_reservation`, `cpus`.
    static func resources(_ service: YAMLNode) -> Resources? {
        var resources = Resources()
        let limits = service[["deploy", "resources", "limits"]]
        let reservations = service[["deploy", "resources", "reservations"]]
        resources.cpuLimit = (limits?["cpus"]?.string ?? service["cpus"]?.string).flatMap(ResourceQuantity.cpu)
        resources.memoryLimit = (limits?["memory"]?.string ?? service["mem_limit"]?.string).flatMap(ResourceQuantity.dockerMemory)
        resources.cpuRequest = reservations?["cpus"]?.string.flatMap(ResourceQuantity.cpu)
        resources.memoryRequest = (reservations?["memory"]?.string ?? service["mem_reservation"]?.string).flatMap(ResourceQuantity.dockerMemory)
        return resources == Resources() ? nil : resources
    }
}
