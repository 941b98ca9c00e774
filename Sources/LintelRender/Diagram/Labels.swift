import LintelModel

/// The words drawn on arrows and boxes; shared by every view and both languages.
enum Labels {
    /// A call's label: protocol, timeout, attempts, calls per request and cache facts when set,
    /// e.g. `grpc 300ms ×3` for a gRPC call with a 300 ms timeout and 2 retries (3 attempts).
    static func call(_ call: Call) -> String {
        var parts: [String] = []
        if let protocolName = call.protocolName { parts.append(protocolName.rawValue) }
        if let timeout = call.timeout { parts.append(timeout.description) }
        if call.retries > 0 { parts.append("×\(call.attempts)") }
        if call.perRequest != 1 { parts.append("\(UnitFormat.number(call.perRequest))/req") }
        if let hitRatio = call.hitRatio { parts.append("hit \(UnitFormat.percent(hitRatio, decimals: 1))") }
        if call.onMiss != nil { parts.append("on miss") }
        if call.optional { parts.append("optional") }
        if let group = call.parallel { parts.append("parallel \(group)") }
        return parts.joined(separator: " ")
    }

    /// The detail line under a component's name: kind, instance and replica counts, technology, exposure.
    static func details(_ component: Component) -> String {
        var parts = [component.kind.rawValue]
        if let technology = component.technology { parts[0] += " (\(technology))" }
        if component.instances != 1 { parts.append("×\(component.instances)") }
        if component.replicas > 0 { parts.append("+\(component.replicas) replica\(component.replicas == 1 ? "" : "s")") }
        if let partitions = component.partitions { parts.append("\(partitions) partitions") }
        if component.isPublic { parts.append("public") }
        return parts.joined(separator: " ")
    }

    /// The load overlay line: `580/s ρ 41%`.
    static func load(_ load: ComponentLoad) -> String {
        let utilisation = load.utilisation.map { UnitFormat.percent($0, decimals: 1) } ?? "n/a"
        return "\(UnitFormat.rate(load.rate)) ρ \(utilisation)"
    }

    /// The findings overlay line: the worst severity and up to three rule ids.
    static func findings(_ findings: ComponentFindings) -> String {
        let shown = findings.rules.prefix(3).joined(separator: ", ")
        let more = findings.rules.count > 3 ? " +\(findings.rules.count - 3)" : ""
        return "\(findings.worst.rawValue): \(shown)\(more)"
    }

    /// Every line of a component's box under the given overlay.
    static func lines(_ component: Component, overlay: DiagramOverlay) -> [String] {
        var lines = [component.name, details(component)]
        if let load = overlay.load?[component.name] { lines.append(Self.load(load)) }
        if let findings = overlay.findings?[component.name] { lines.append(Self.findings(findings)) }
        return lines
    }

    /// The title of a kind-category cluster.
    static func category(_ category: ComponentKind.Category) -> String {
        switch category {
        case .compute: "Services"
        case .database: "Databases"
        case .cache: "Caches"
        case .channel: "Topics and queues"
        case .broker: "Brokers"
        case .storage: "Storage and CDN"
        case .external: "External systems"
        case .infrastructure: "Infrastructure"
        }
    }
}
