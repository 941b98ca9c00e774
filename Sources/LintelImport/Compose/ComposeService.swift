import Foundation
import LintelModel

/// Reads one compose service into a component and the evidence of its calls.
struct ComposeServiceReader {
    /// Service attributes of the compose specification; others are ignored with a note.
    static let knownKeys: Set<String> = [
        "annotations", "attach", "blkio_config", "build", "cap_add", "cap_drop", "cgroup", "cgroup_parent", "command",
        "configs", "container_name", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period",
        "cpu_rt_runtime", "cpu_shares", "cpus", "cpuset", "credential_spec", "depends_on", "deploy", "develop",
        "device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search", "domainname", "driver_opts", "entrypoint",
        "env_file", "environment", "expose", "extends", "external_links", "extra_hosts", "gpus", "group_add",
        "healthcheck", "hostname", "image", "init", "ipc", "isolation", "label_file", "labels", "links", "logging",
        "mac_address", "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit", "models", "network_mode",
        "networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports", "post_start",
        "pre_stop", "privileged", "profiles", "provider", "pull_policy", "read_only", "restart", "runtime", "scale",
        "secrets", "security_opt", "shm_size", "stdin_open", "stop_grace_period", "stop_signal", "storage_opt",
        "sysctls", "tmpfs", "tty", "ulimits", "use_api_socket", "user", "userns_mode", "uts", "volumes", "volumes_from",
        "working_dir",
    ]

    let name: String
    let key: YAMLNode
    let service: YAMLNode
    let namedVolumes: YAMLNode?
    let projectDirectory: String?
    let interpolator: Interpolator
    let environmentFileReader: (String) -> String?

    var diagnostics: [Diagnostic] = []
    var evidence: [CallEvidence] = []
    /// Other names the service answers to on the network: `hostname`, `container_name`, network aliases.
    var aliases: [String] = []
    /// Services this one waits on to finish (`condition: service_completed_successfully`): one-shot jobs.
    var completedDependencies: [String] = []

    mutating func read() -> Component {
        var component = Component(name: name, kind: .service, location: key.location)
        for entry in service.entries where !Self.knownKeys.contains(entry.name) && !entry.name.hasPrefix("x-") {
            diagnostics.append(Report.note("unknown service key '\(entry.name)' ignored", at: entry.key.location))
        }
        if let extends = service.entry("extends") {
            diagnostics.append(Report.warning("'extends' is not followed by the importer; the base service's settings are missing",
                                              at: extends.key.location))
        }
        readImage(into: &component)
        readEnvironment(into: &component)
        component.kind = KindInference.kind(image: component.image, name: name, environment: component.env.map(\.name))
        readInstances(into: &component)
        readHealth(into: &component)
        readPorts(into: &component)
        readVolumes(into: &component)
        readResources(into: &component)
        readSecurity(into: &component)
        readDependencies()
        readRuntime(into: &component)
        return component
    }

    /// `restart`, `command`, and whether the service is a one-shot job: `restart: "no"` or
    /// `on-failure` on a container that publishes nothing and runs a script or a setup task.
    /// (Services others wait on with `service_completed_successfully` are marked by the importer.)
    mutating func readRuntime(into component: inout Component) {
        if let entry = service.entry("restart"), let text = entry.value.string {
            let policy = text.split(separator: ":").first.map(String.init) ?? text
            component.restart = RestartPolicy(rawValue: policy == "false" ? "no" : policy)
            component.keyLocations["restart"] = entry.key.location
        }
        let words = [service["entrypoint"], service["command"]].compactMap { $0 }.flatMap { node in
            node.isSequence ? node.items.compactMap(\.string) : [node.string ?? ""]
        }
        let commandLine = words.filter { !$0.isEmpty }.joined(separator: " ")
        if !commandLine.isEmpty {
            component.command = commandLine
            component.keyLocations["command"] = (service.entry("command") ?? service.entry("entrypoint"))?.key.location
        }
        // An interactive toolbox (`stdin_open` and `tty`) is entered by people, not served: judged as a job.
        if service["stdin_open"]?.bool == true, service["tty"]?.bool == true, service.entry("ports") == nil {
            component.job = true
            component.keyLocations["job"] = service.entry("stdin_open")?.key.location
            return
        }
        let publishes = service.entry("ports") != nil
        let runsTask = commandLine.contains(".sh") || Self.jobWords.contains { name.lowercased().contains($0) }
        if !publishes, component.restart == .no || (component.restart == .onFailure && runsTask) {
            component.job = true
            component.keyLocations["job"] = component.keyLocations["restart"]
        }
    }

    /// Name fragments of one-shot tasks.
    static let jobWords = ["setup", "init", "migrat", "create-", "bootstrap", "seed", "provision"]

    func entryLocation(_ key: String) -> SourceLocation? { service.entry(key)?.key.location }

    mutating func readImage(into component: inout Component) {
        if let entry = service.entry("image"), let image = entry.value.string, !image.isEmpty {
            component.image = image
            component.keyLocations["image"] = entry.key.location
        }
        if let hostname = service["hostname"]?.string { aliases.append(hostname) }
        if let container = service["container_name"]?.string { aliases.append(container) }
        for network in service["networks"]?.entries ?? [] {
            aliases += network.value["aliases"]?.items.compactMap(\.string) ?? []
        }
    }

    mutating func readInstances(into component: inout Component) {
        let replicas = service[["deploy"]]?.entry("replicas") ?? service.entry("scale")
        if let replicas {
            if let count = replicas.value.int, count >= 1 {
                component.instances = count
                component.keyLocations["instances"] = replicas.key.location
            } else {
                diagnostics.append(Report.warning("'\(replicas.name)' is not a whole number of at least 1; one instance assumed",
                                                  at: replicas.value.location))
            }
        }
        if let mode = service[["deploy"]]?.entry("mode"), mode.value.string?.hasPrefix("global") == true {
            diagnostics.append(Report.note("deploy.mode global runs one instance per node; the node count is unknown, one instance assumed",
                                           at: mode.key.location))
            component.keyLocations["instances"] = mode.key.location
        }
    }

    mutating func readHealth(into component: inout Component) {
        guard let entry = service.entry("healthcheck") else { return }
        component.keyLocations["health_check"] = entry.key.location
        component.healthCheck = ComposeHealth.healthCheck(entry.value)
        if component.healthCheck == nil {
            diagnostics.append(Report.note("health check disabled for \(name)", at: entry.key.location))
        }
    }

    mutating func readPorts(into component: inout Component) {
        if let entry = service.entry("ports") {
            component.keyLocations["ports"] = entry.key.location
            for item in entry.value.items {
                guard let port = ComposePorts.port(item) else {
                    diagnostics.append(Report.warning("cannot read port '\(item.string ?? item.shape)'", at: item.location))
                    continue
                }
                if let container = port.container, !component.ports.contains(container) { component.ports.append(container) }
                // A UDP-only port carries media or DNS, which no HTTP gateway could front: not a public entry.
                let udp = (item.string ?? item["protocol"]?.string ?? "").lowercased().hasSuffix("udp")
                if port.isPublic, !udp, !component.isPublic {
                    component.isPublic = true
                    component.keyLocations["public"] = item.location
                }
            }
        }
        for item in service["expose"]?.items ?? [] {
            if let port = ComposePorts.port(item)?.container, !component.ports.contains(port) { component.ports.append(port) }
        }
    }

    mutating func readVolumes(into component: inout Component) {
        var volumes: [Volume] = []
        var firstLocation: SourceLocation?
        if let entry = service.entry("volumes") {
            firstLocation = entry.key.location
            for item in entry.value.items {
                if let volume = ComposeVolumes.volume(item, namedVolumes: namedVolumes) {
                    volumes.append(volume)
                } else {
                    diagnostics.append(Report.warning("cannot read volume '\(item.string ?? item.shape)'", at: item.location))
                }
            }
        }
        if let entry = service.entry("tmpfs") {
            firstLocation = firstLocation ?? entry.key.location
            volumes += ComposeVolumes.tmpfs(entry.value)
        }
        for (key, directory) in [("secrets", "/run/secrets/"), ("configs", "/")] {
            if let entry = service.entry(key) {
                firstLocation = firstLocation ?? entry.key.location
                volumes += ComposeVolumes.mountedFiles(entry.value, defaultDirectory: directory)
            }
        }
        component.volumes = volumes
        if let firstLocation { component.keyLocations["volumes"] = firstLocation }
    }

    mutating func readResources(into component: inout Component) {
        component.resources = ComposeHealth.resources(service)
        let location = service[["deploy"]]?.entry("resources")?.key.location
            ?? entryLocation("mem_limit") ?? entryLocation("cpus") ?? entryLocation("mem_reservation")
        if let location { component.keyLocations["resources"] = location }
    }

    mutating func readSecurity(into component: inout Component) {
        var security = SecurityContext()
        var location: SourceLocation?
        if let entry = service.entry("read_only") {
            security.readOnlyRootFilesystem = entry.value.bool
            location = entry.key.location
        }
        if let entry = service.entry("privileged") {
            security.privileged = entry.value.bool
            location = location ?? entry.key.location
        }
        if let entry = service.entry("user"), let user = entry.value.string {
            let account = user.split(separator: ":").first.map(String.init) ?? user
            security.runAsNonRoot = !(account == "root" || account == "0")
            location = location ?? entry.key.location
        }
        if security != SecurityContext() {
            component.security = security
            if let location { component.keyLocations["security"] = location }
        }
    }

    mutating func readDependencies() {
        if let dependsOn = service["depends_on"] {
            for entry in ComposeTree.asMapping(dependsOn).entries {
                if entry.value["condition"]?.string == "service_completed_successfully" {
                    completedDependencies.append(entry.name)
                    continue
                }
                evidence.append(CallEvidence(host: entry.name, location: entry.key.location, isDeclaredDependency: true))
            }
        }
        for link in service["links"]?.items ?? [] {
            guard let text = link.string, let target = text.split(separator: ":").first else { continue }
            evidence.append(CallEvidence(host: String(target), location: link.location, isDeclaredDependency: true))
        }
    }
}
