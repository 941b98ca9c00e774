/// Checks of components' `operations` and flows' `operation` that need the whole model.
extension ReferenceChecker {
    /// Entities named by requests and responses exist; latencies are ordered; each operation's
    /// `on_miss` names a cache that operation looks up earlier.
    mutating func checkOperations(_ component: Component, in model: Model) {
        guard !component.operations.isEmpty else { return }
        if component.kind.isMessaging {
            error("'operations' apply to services, stores and external systems, not to a \(component.kind.rawValue)",
                  at: component.location(of: "operations"), hint: "a topic or queue delivers every message to its consumers")
        }
        let entityNames = Set(model.domain.entities.map(\.name))
        for operation in component.operations {
            for (key, reference) in [("request", operation.request), ("response", operation.response)] {
                guard let reference, !entityNames.contains(reference.entity) else { continue }
                error("operation '\(component.name).\(operation.name)' names unknown entity '\(reference.entity)' as its \(key)",
                      at: operation.location(of: key),
                      hint: suggestion(reference.entity, in: entityNames) ?? "declare it under domain.contexts.<context>.entities")
            }
            if let latency = operation.latency, latency.p99 < latency.p50 {
                error("latency p99 (\(latency.p99)) is below p50 (\(latency.p50))", at: operation.location(of: "latency"))
            }
            var calledSoFar: Set<String> = []
            for position in operation.calls where component.calls.indices.contains(position) {
                let call = component.calls[position]
                if let cache = call.onMiss, call.declaredBy == operation.name, reference(cache, at: call.location(of: "on_miss"), what: "component") {
                    if !calledSoFar.contains(cache) {
                        error("on_miss names '\(cache)', but operation '\(operation.name)' does not call it before this call", at: call.location(of: "on_miss"),
                              hint: "list the call to '\(cache)' (with its hit_ratio) earlier in the operation's calls")
                    } else if operation.calls.lazy.map({ component.calls[$0] }).first(where: { $0.to == cache })?.hitRatio == nil {
                        error("on_miss names '\(cache)', but the call to it has no hit_ratio", at: call.location(of: "on_miss"))
                    }
                }
                calledSoFar.insert(call.to)
            }
        }
    }

    /// Finds the flow's operation; appends its component to the route when the route ends at a
    /// component that calls it (the rest of `checkFlow` then checks the route as written).
    mutating func resolveOperation(_ flow: inout Flow, in model: Model) {
        guard let target = flow.operation else {
            if let last = flow.path.last, let position = names[last], !model.components[position].operations.isEmpty,
               model.components[position].ownCallIndices.isEmpty, model.components[position].calls.contains(where: { $0.declaredBy != nil }) {
                warning("flow '\(flow.name)' names no operation of '\(last)', whose calls all belong to operations: the flow makes no calls there",
                        at: flow.location(of: flow.route.isEmpty ? "entry" : "route"))
            }
            return
        }
        let at = flow.location(of: "operation")
        guard reference(target.component, at: at, what: "component") else { return }
        let component = model.components[names[target.component] ?? 0]
        guard component.operation(named: target.operation) != nil else {
            let names = component.operations.map(\.name)
            error("unknown operation '\(target.operation)' of '\(target.component)'", at: at,
                  hint: suggestion(target.operation, in: names)
                    ?? (names.isEmpty ? "'\(target.component)' declares no operations" : "its operations: " + names.joined(separator: ", ")))
            return
        }
        guard let last = flow.path.last, last != target.component else { return }
        if let caller = names[last], model.components[caller].calls.contains(where: { $0.to == target.component }) {
            flow.route.append(target.component)
        } else {
            error("flow '\(flow.name)' targets \(target), but its route ends at '\(last)', which does not call '\(target.component)'", at: at,
                  hint: "route the flow to '\(target.component)' (route: [..., \(target.component)])")
        }
    }
}
