import LintelModel

/// Reads one workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, Pod, Job, CronJob) into a component.
struct KubernetesWorkloadReader {
    static let workloadKinds: Set<String> = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController",
                                             "Pod", "Job", "CronJob"]

    let object: KubernetesObject
    let config: KubernetesConfigData
    /// The Service a host name refers to, for the protocol of a call.
    let serviceNamed: (String) -> KubernetesService?

    var diagnostics: [Diagnostic] = []
    var evidence: [CallEvidence] = []
    /// The pod template's labels, matched by Service and PodDisruptionBudget selectors.
    var podLabels: [String: String] = [:]

    /// The pod template: the object itself for a Pod, `spec.jobTemplate.spec.template` for a CronJob.
    var template: YAMLNode? {
        switch object.kind {
        case "Pod": object.node
        case "CronJob": object.node[["spec", "jobTemplate", "spec", "template"]]
        default: object.node[["spec", "template"]]
        }
    }

    mutating func read() -> Component? {
        var component = Component(name: object.name, kind: .service, location: object.nameLocation)
        guard let podSpec = template?["spec"], let containers = podSpec["containers"]?.items, !containers.isEmpty else {
            diagnostics.append(Report.warning("\(object.kind) '\(object.name)' has no containers; not imported", at: object.nameLocation))
            return nil
        }
        podLabels = KubernetesService.labels(template?[["metadata", "labels"]])
        let primary = containers.first { $0["name"]?.string == object.name } ?? containers[0]
        if let image = primary["image"]?.string {
            component.image = image
            component.keyLocations["image"] = primary.entry("image")?.key.location
        }
        readInstances(into: &component)
        // A Job or CronJob runs to completion; a pod that never restarts is one too. Controllers restart their pods.
        let podRestart = podSpec["restartPolicy"]?.string
        component.job = object.kind == "Job" || object.kind == "CronJob" || (object.kind == "Pod" && podRestart == "Never")
        component.restart = switch podRestart {
        case "Never": .no
        case "OnFailure": .onFailure
        default: component.job ? .onFailure : .always
        }
        let arguments = (primary["command"]?.items ?? []) + (primary["args"]?.items ?? [])
        if !arguments.isEmpty { component.command = arguments.compactMap(\.string).joined(separator: " ") }
        component.env = environment(of: containers)
        diagnostics += missingEnvironmentSources(containers)
        if component.env.isEmpty == false { component.keyLocations["env"] = component.env.first?.location }
        component.kind = KindInference.kind(image: component.image, name: object.name,
                                            environment: environment(of: [primary]).map { $0.name })
        for container in containers {
            for port in container["ports"]?.items ?? [] {
                if let number = port["containerPort"]?.int, !component.ports.contains(number) { component.ports.append(number) }
            }
        }
        readProbes(primary, into: &component)
        readResources(containers, primary: primary, into: &component)
        readVolumes(podSpec, containers: containers, primary: primary, into: &component)
        readSecurity(podSpec, containers: containers, primary: primary, into: &component)
        for container in containers + (podSpec["initContainers"]?.items ?? []) {
            for variable in environment(of: [container]) {
                guard let value = variable.value, let location = variable.location else { continue }
                for endpoint in HostExtractor.endpoints(name: variable.name, value: value) {
                    let service = HostExtractor.candidateNames(endpoint.host).lazy.compactMap(serviceNamed).first
                    evidence.append(CallEvidence(host: endpoint.host, location: location,
                                                 protocolName: endpoint.protocolName ?? service?.protocolName(port: endpoint.port),
                                                 isDeclaredDependency: false, variable: variable.name))
                }
            }
        }
        return component
    }

    mutating func readInstances(into component: inout Component) {
        component.keyLocations["instances"] = object.nameLocation
        switch object.kind {
        case "DaemonSet":
            diagnostics.append(Report.note("DaemonSet '\(object.name)' runs one pod per node; the node count is unknown, one instance assumed",
                                           at: object.kindLocation))
        case "Pod", "Job", "CronJob":
            break
        default:
            guard let entry = object.spec?.entry("replicas") else { return }
            component.keyLocations["instances"] = entry.key.location
            if let count = entry.value.int, count >= 1 {
                component.instances = count
            } else {
                diagnostics.append(Report.warning("replicas of '\(object.name)' is not a whole number of at least 1; one instance assumed",
                                                  at: entry.value.location))
            }
        }
    }

    func readProbes(_ container: YAMLNode, into component: inout Component) {
        let liveness = container.entry("livenessProbe")
        let readiness = container.entry("readinessProbe")
        component.keyLocations["health_check"] = liveness?.key.location ?? readiness?.key.location ?? container.location
        guard liveness != nil || readiness != nil else { return }
        let path = liveness?.value[["httpGet", "path"]]?.string ?? readiness?.value[["httpGet", "path"]]?.string
        component.healthCheck = HealthCheck(path: path, liveness: liveness != nil, readiness: readiness != nil)
    }

    /// Requests and limits summed over the pod's containers; a limit is known only when every container sets it.
    func readResources(_ containers: [YAMLNode], primary: YAMLNode, into component: inout Component) {
        let all = containers.map { $0["resources"] }
        component.keyLocations["resources"] = primary.entry("resources")?.key.location
            ?? containers.lazy.compactMap { $0.entry("resources")?.key.location }.first ?? primary.location
        guard all.contains(where: { $0 != nil }) else { return }
        func sum(_ section: String, _ key: String, _ parse: (String) -> Double?, requireAll: Bool) -> Double? {
            let values = all.map { $0?[[section, key]]?.string.flatMap(parse) }
            if requireAll { return values.contains(nil) ? nil : values.compactMap { $0 }.reduce(0, +) }
            let present = values.compactMap { $0 }
            return present.isEmpty ? nil : present.reduce(0, +)
        }
        let memory: (String) -> Double? = { ResourceQuantity.kubernetesMemory($0)?.bytes }
        component.resources = Resources(
            cpuRequest: sum("requests", "cpu", ResourceQuantity.cpu, requireAll: false),
            memoryRequest: sum("requests", "memory", memory, requireAll: false).map(DataSize.init(bytes:)),
            cpuLimit: sum("limits", "cpu", ResourceQuantity.cpu, requireAll: true),
            memoryLimit: sum("limits", "memory", memory, requireAll: true).map(DataSize.init(bytes:)))
    }

    mutating func readVolumes(_ podSpec: YAMLNode, containers: [YAMLNode], primary: YAMLNode, into component: inout Component) {
        var definitions: [String: Volume] = [:]
        for item in podSpec["volumes"]?.items ?? [] {
            guard let name = item["name"]?.string else { continue }
            definitions[name] = Self.volume(item)
        }
        let templates = object.spec?.entry("volumeClaimTemplates")
        for claim in templates?.value.items ?? [] {
            guard let name = claim[["metadata", "name"]]?.string else { continue }
            definitions[name] = Volume(mount: "", kind: .persistent, source: name,
                                       location: claim[["metadata"]]?.entry("name")?.key.location ?? claim.location)
        }
        component.keyLocations["volumes"] = podSpec.entry("volumes")?.key.location ?? templates?.key.location ?? primary.location
        for container in containers {
            for mount in container["volumeMounts"]?.items ?? [] {
                guard let name = mount["name"]?.string, let path = mount["mountPath"]?.string else { continue }
                guard var volume = definitions[name] else {
                    diagnostics.append(Report.warning("volume mount '\(name)' names no volume of the pod", at: mount.location))
                    continue
                }
                if component.volumes.contains(where: { $0.mount == path }) { continue }
                volume.mount = path
                component.volumes.append(volume)
            }
        }
    }

    /// A pod volume by its source: emptyDir is ephemeral, claims and network disks persistent,
    /// hostPath the host's, configMap/secret/projected configuration.
    static func volume(_ item: YAMLNode) -> Volume {
        let location = item.entries.first { $0.name != "name" }?.key.location ?? item.location
        func make(_ kind: Volume.Kind, _ source: String?) -> Volume { Volume(mount: "", kind: kind, source: source, location: location) }
        if let emptyDir = item["emptyDir"] {
            return make(.ephemeral, emptyDir["medium"]?.string == "Memory" ? "emptyDir (Memory)" : "emptyDir")
        }
        if let claim = item["persistentVolumeClaim"] { return make(.persistent, claim["claimName"]?.string) }
        if let host = item["hostPath"] { return make(.host, host["path"]?.string) }
        if let configMap = item["configMap"] { return make(.config, configMap["name"]?.string) }
        if let secret = item["secret"] { return make(.config, secret["secretName"]?.string) }
        if item["projected"] != nil || item["downwardAPI"] != nil || item["image"] != nil { return make(.config, item["name"]?.string) }
        if item["ephemeral"] != nil { return make(.ephemeral, "ephemeral") }
        // nfs, csi, cephfs, iscsi, cloud disks: network storage that outlives the pod.
        return make(.persistent, item.entries.first { $0.name != "name" }?.name)
    }

    func readSecurity(_ podSpec: YAMLNode, containers: [YAMLNode], primary: YAMLNode, into component: inout Component) {
        let pod = podSpec["securityContext"]
        let contexts = containers.map { $0["securityContext"] }
        guard pod != nil || contexts.contains(where: { $0 != nil }) else { return }
        component.keyLocations["security"] = primary.entry("securityContext")?.key.location ?? podSpec.entry("securityContext")?.key.location
        func nonRoot(_ context: YAMLNode?) -> Bool? {
            if let flag = context?["runAsNonRoot"]?.bool { return flag }
            return context?["runAsUser"]?.int.map { $0 != 0 }
        }
        // Per container: its own setting, else the pod's. Unset readOnlyRootFilesystem and privileged are false in Kubernetes.
        let nonRootFlags = contexts.map { nonRoot($0) ?? nonRoot(pod) }
        let runAsNonRoot: Bool? = nonRootFlags.contains(false) ? false : (nonRootFlags.contains(nil) ? nil : true)
        let readOnly = contexts.allSatisfy { $0?["readOnlyRootFilesystem"]?.bool == true }
        let privileged = contexts.contains { $0?["privileged"]?.bool == true }
        component.security = SecurityContext(runAsNonRoot: runAsNonRoot, readOnlyRootFilesystem: readOnly, privileged: privileged)
    }
}
