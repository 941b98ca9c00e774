/// A one-paragraph description of a model, for `lintel check`.
public enum ModelSummary {
    public static func paragraph(_ model: Model) -> String {
        var byKind: [ComponentKind: Int] = [:]
        for component in model.components { byKind[component.kind, default: 0] += 1 }
        let kinds = byKind.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
        let calls = model.components.reduce(0) { $0 + $1.calls.count }
        let sync = model.components.reduce(0) { $0 + $1.syncCalls.count }
        let instances = model.components.reduce(0) { $0 + $1.instances }
        var text = "system '\(model.system)' has \(count(model.components.count, "component")) (\(kinds)) running "
        text += "\(count(instances, "instance")), \(count(calls, "call")) (\(sync) synchronous, \(calls - sync) asynchronous), "
        let operations = model.components.reduce(0) { $0 + $1.operations.count }
        if operations > 0 { text += "\(count(operations, "operation")), " }
        text += "\(count(model.flows.count, "flow"))"
        if !model.flows.isEmpty {
            let total = model.flows.reduce(0) { $0 + $1.rate.perSecond }
            let peak = model.flows.reduce(0) { $0 + $1.peak.perSecond }
            text += " (\(UnitFormat.rate(total)) average, \(UnitFormat.rate(peak)) peak)"
        }
        text += ", \(count(model.scenarios.count, "scenario"))"
        let entities = model.domain.entities.count
        if entities > 0 { text += ", \(count(entities, "entity", plural: "entities")) in \(count(model.domain.contexts.count, "context"))" }
        if !model.accept.isEmpty { text += ", \(count(model.accept.count, "accepted risk"))" }
        return text + "."
    }

    static func count(_ value: Int, _ noun: String, plural: String? = nil) -> String {
        "\(value) \(value == 1 ? noun : plural ?? noun + "s")"
    }
}
