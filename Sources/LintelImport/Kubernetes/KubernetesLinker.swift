import LintelModel

/// Reads workloads and links them through Services, Ingresses, autoscalers and disruption budgets.
struct KubernetesLinker {
    static let linkKinds: Set<String> = ["Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget"]

    let objects: [KubernetesObject]
    let services: [KubernetesService]
    var config = KubernetesConfigData()
    var diagnostics: [Diagnostic] = []
    /// Pod labels and namespace of each component, by component position.
    var labels: [[String: String]] = []
    var namespaces: [String?] = []

    init(objects: [KubernetesObject]) {
        self.objects = objects
        services = objects.filter { $0.kind == "Service" }.map(KubernetesService.init)
        for object in objects where object.kind == "ConfigMap" || object.kind == "Secret" { config.add(object) }
    }

    mutating func components(from workloads: [KubernetesObject]) -> [Component] {
        let servicesByName = Dictionary(services.map { ($0.object.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        var components: [Component] = []
        var evidence: [String: [CallEvidence]] = [:]
        for workload in workloads {
            if components.contains(where: { $0.name == workload.name }) {
                diagnostics.append(Report.warning("a second workload named '\(workload.name)' is ignored", at: workload.nameLocation))
                continue
            }
            var reader = KubernetesWorkloadReader(object: workload, config: config, serviceNamed: { servicesByName[$0.lowercased()] })
            guard var component = reader.read() else {
                diagnostics += reader.diagnostics
                continue
            }
            diagnostics += reader.diagnostics
            component.disruptionBudget = false
            components.append(component)
            evidence[workload.name] = reader.evidence
            labels.append(reader.podLabels)
            namespaces.append(workload.namespace)
        }
        for service in services where service.externalName != nil {
            var external = Component(name: service.object.name, kind: .external, location: service.object.nameLocation)
            external.keyLocations["kind"] = service.typeLocation
            components.append(external)
            labels.append([:])
            namespaces.append(service.object.namespace)
        }
        applyServices(to: &components)
        applyIngresses(to: &components)
        applyAutoscalers(to: &components)
        applyDisruptionBudgets(to: &components)

        let names = Dictionary(components.map { ($0.name.lowercased(), $0.name) }, uniquingKeysWith: { first, _ in first })
        let targets = Dictionary(services.compactMap { service in
            target(of: service, in: components).map { (service.object.name.lowercased(), $0) }
        }, uniquingKeysWith: { first, _ in first })
        CallInference(resolve: { host in targets[host.lowercased()] ?? names[host.lowercased()] })
            .apply(to: &components, evidence: evidence, diagnostics: &diagnostics)
        StoreOwnership.apply(to: &components, diagnostics: &diagnostics)
        return components
    }

    /// Positions of the components a label selector picks, in the same namespace.
    func selected(by selector: [String: String], namespace: String?, in components: [Component]) -> [Int] {
        components.indices.filter { index in
            index < labels.count && namespaces[index] == namespace && KubernetesService.selects(selector, labels[index])
        }
    }

    /// The component a Service routes to: the first selected workload, or the ExternalName component.
    func target(of service: KubernetesService, in components: [Component]) -> String? {
        if service.externalName != nil { return service.object.name }
        return selected(by: service.selector, namespace: service.object.namespace, in: components).first.map { components[$0].name }
    }

    mutating func applyServices(to components: inout [Component]) {
        for service in services where service.externalName == nil {
            let picked = selected(by: service.selector, namespace: service.object.namespace, in: components)
            if picked.isEmpty, !service.selector.isEmpty {
                diagnostics.append(Report.note("Service '\(service.object.name)' selects no workload in these manifests",
                                               at: service.object.nameLocation))
            }
            guard service.isPublic else { continue }
            for index in picked where !components[index].isPublic {
                components[index].isPublic = true
                components[index].keyLocations["public"] = service.typeLocation ?? service.object.nameLocation
            }
        }
    }

    mutating func applyIngresses(to components: inout [Component]) {
        for ingress in objects where ingress.kind == "Ingress" {
            var backends: [YAMLNode] = []
            if let spec = ingress.spec {
                backends += [spec["defaultBackend"], spec["backend"]].compactMap { $0 }
                for rule in spec["rules"]?.items ?? [] {
                    backends += (rule[["http", "paths"]]?.items ?? []).compactMap { $0["backend"] }
                }
            }
            for backend in backends {
                let nameNode = backend[["service", "name"]] ?? backend["serviceName"]
                guard let serviceName = nameNode?.string else { continue }
                guard let service = services.first(where: { $0.object.name == serviceName && $0.object.namespace == ingress.namespace }),
                      let target = target(of: service, in: components),
                      let index = components.firstIndex(where: { $0.name == target }) else {
                    diagnostics.append(Report.note("Ingress '\(ingress.name)' routes to Service '\(serviceName)', which selects no workload here",
                                                   at: nameNode?.location ?? ingress.nameLocation))
                    continue
                }
                if !components[index].isPublic {
                    components[index].isPublic = true
                    components[index].keyLocations["public"] = nameNode?.location ?? ingress.nameLocation
                }
                if ingress.spec?["tls"] != nil, components[index].tls == nil { components[index].tls = true }
            }
        }
    }

    mutating func applyAutoscalers(to components: inout [Component]) {
        for autoscaler in objects where autoscaler.kind == "HorizontalPodAutoscaler" {
            guard let spec = autoscaler.spec, let targetName = spec[["scaleTargetRef", "name"]]?.string,
                  let index = components.firstIndex(where: { $0.name == targetName }) else {
                diagnostics.append(Report.note("HorizontalPodAutoscaler '\(autoscaler.name)' targets no workload in these manifests",
                                               at: autoscaler.nameLocation))
                continue
            }
            let maximum = spec["maxReplicas"]?.int ?? components[index].instances
            let minimum = spec["minReplicas"]?.int ?? 1
            var target = spec["targetCPUUtilizationPercentage"]?.double
            for metric in spec["metrics"]?.items ?? [] where metric[["resource", "name"]]?.string == "cpu" {
                target = metric[["resource", "target", "averageUtilization"]]?.double ?? target
            }
            components[index].autoscale = Autoscale(min: minimum, max: maximum, targetUtilisation: target.map { $0 / 100 })
            components[index].keyLocations["autoscale"] = autoscaler.kindLocation
        }
    }

    mutating func applyDisruptionBudgets(to components: inout [Component]) {
        for budget in objects where budget.kind == "PodDisruptionBudget" {
            let selector = KubernetesService.labels(budget.spec?[["selector", "matchLabels"]])
            let picked = selected(by: selector, namespace: budget.namespace, in: components)
            if picked.isEmpty {
                diagnostics.append(Report.note("PodDisruptionBudget '\(budget.name)' selects no workload in these manifests",
                                               at: budget.nameLocation))
            }
            for index in picked {
                components[index].disruptionBudget = true
                components[index].keyLocations["disruption_budget"] = budget.kindLocation
            }
        }
    }
}
