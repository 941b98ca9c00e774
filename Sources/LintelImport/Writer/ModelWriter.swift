import Foundation
import LintelModel

/// Writes a model in the Lintel model-file syntax, so an imported system can be saved,
/// edited and loaded back. Output is deterministic: components in model order, keys in a
/// fixed order, environment variables by name.
public enum ModelWriter {
    /// The model file text.
    public static func yaml(_ model: Model) -> String {
        var lines: [String] = []
        if model.origin.format != .lintel {
            lines.append("# Imported by `lintel import` from \(model.origin.format.rawValue): "
                         + YAMLText.comment(model.origin.files.joined(separator: ", ")))
            for unknown in model.origin.unknowns { lines.append("# unknown: " + YAMLText.comment(unknown)) }
        }
        lines.append("lintel: \(model.version)")
        lines.append("system: " + YAMLText.scalar(model.system))
        if model.components.isEmpty {
            lines.append("components: {}")
        } else {
            lines.append("components:")
            for component in model.components { lines += componentLines(component) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func componentLines(_ component: Component) -> [String] {
        var lines = ["  \(YAMLText.scalar(component.name)):  # \(YAMLText.comment(component.location.description))"]
        func field(_ key: String, _ value: String) { lines.append("    \(key): \(value)") }
        field("kind", component.kind.rawValue)
        field("instances", String(component.instances))
        if let image = component.image { field("image", YAMLText.scalar(image)) }
        if component.isPublic { field("public", "true") }
        if let auth = component.auth { field("auth", auth.rawValue) }
        if let tls = component.tls { field("tls", String(tls)) }
        if let check = component.healthCheck {
            lines.append("    health_check:")
            if let path = check.path { lines.append("      path: " + YAMLText.scalar(path)) }
            lines.append("      liveness: \(check.liveness)")
            lines.append("      readiness: \(check.readiness)")
        }
        if let security = component.security, security != SecurityContext() {
            lines.append("    security:")
            if let value = security.runAsNonRoot { lines.append("      run_as_non_root: \(value)") }
            if let value = security.readOnlyRootFilesystem { lines.append("      read_only_root_filesystem: \(value)") }
            if let value = security.privileged { lines.append("      privileged: \(value)") }
        }
        if let scale = component.autoscale {
            lines.append("    autoscale:")
            lines.append("      min: \(max(1, scale.min))")
            lines.append("      max: \(max(1, scale.max))")
            if let target = scale.targetUtilisation { lines.append("      target: " + UnitFormat.percent(target)) }
        }
        if let budget = component.disruptionBudget { field("disruption_budget", String(budget)) }
        if component.job { field("job", "true") }
        if let restart = component.restart { field("restart", restart.rawValue) }
        if let command = component.command { field("command", YAMLText.scalar(command)) }
        if component.replicas > 0 { field("replicas", String(component.replicas)) }
        if !component.ports.isEmpty { field("ports", "[" + component.ports.map(String.init).joined(separator: ", ") + "]") }
        if !component.volumes.isEmpty {
            lines.append("    volumes:")
            for volume in component.volumes {
                lines.append("      - mount: " + YAMLText.scalar(volume.mount))
                lines.append("        type: " + volume.kind.rawValue)
                if let source = volume.source { lines.append("        source: " + YAMLText.scalar(source)) }
            }
        }
        if let resources = component.resources, resources != Resources() {
            lines.append("    resources:")
            if let cpu = resources.cpuRequest { lines.append("      cpu: " + cores(cpu)) }
            if let memory = resources.memoryRequest { lines.append("      memory: " + size(memory)) }
            if let cpu = resources.cpuLimit { lines.append("      cpu_limit: " + cores(cpu)) }
            if let memory = resources.memoryLimit { lines.append("      memory_limit: " + size(memory)) }
        }
        if !component.env.isEmpty {
            lines.append("    env:")
            for variable in component.env.sorted(by: { $0.name < $1.name }) {
                let key = "      " + YAMLText.scalar(variable.name) + ": "
                if variable.fromSecret {
                    let reference = variable.secretReference ?? variable.name
                    lines.append(key + "{ secret: " + YAMLText.scalar(reference) + " }")
                } else if variable.value == nil {
                    // Known only at run time (a Kubernetes fieldRef, a ConfigMap outside the files).
                    lines.append(key + "\"\"  # set at run time")
                } else {
                    lines.append(key + YAMLText.scalar(variable.value ?? ""))
                }
            }
        }
        if !component.calls.isEmpty {
            lines.append("    calls:")
            for call in component.calls {
                var parts = ["to: " + YAMLText.scalar(call.to), "mode: " + call.mode.rawValue]
                if let protocolName = call.protocolName { parts.append("protocol: " + protocolName.rawValue) }
                lines.append("      - { " + parts.joined(separator: ", ") + " }")
            }
        }
        if !component.consumes.isEmpty {
            field("consumes", "[" + component.consumes.map(YAMLText.scalar).joined(separator: ", ") + "]")
        }
        return lines
    }

    /// CPU cores as the model writes them: `2`, `500m`.
    static func cores(_ value: Double) -> String {
        if value == value.rounded() { return whole(value) }
        return whole((value * 1000).rounded()) + "m"
    }

    /// A whole number's digits without converting to `Int`, which traps beyond 2⁶³ (a 30-digit
    /// value in a manifest); a value that is not finite is written as 0, which the loader refuses.
    static func whole(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if let exact = Int(exactly: value) { return String(exact) }
        return String(format: "%.0f", value)
    }

    /// Bytes in the largest unit that divides them exactly: `500MiB`, `1GiB`, `500MB`, `1234B`.
    static func size(_ size: DataSize) -> String {
        let bytes = size.bytes.rounded()
        let units: [(String, Double)] = [("PiB", pow(1024, 5)), ("TiB", pow(1024, 4)), ("GiB", pow(1024, 3)), ("MiB", pow(1024, 2)),
                                         ("KiB", 1024), ("PB", 1e15), ("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3)]
        for (unit, factor) in units where bytes >= factor && bytes.truncatingRemainder(dividingBy: factor) == 0 {
            return whole(bytes / factor) + unit
        }
        return whole(bytes) + "B"
    }
}
