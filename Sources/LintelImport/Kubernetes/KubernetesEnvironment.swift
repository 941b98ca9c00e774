import LintelModel

extension KubernetesWorkloadReader {
    /// The containers' environment, first definition of a name winning: `envFrom` sources, then `env`
    /// (which Kubernetes lets override them). A `secretKeyRef` is a reference, not a value;
    /// a `configMapKeyRef` is resolved when the ConfigMap is among the manifests.
    func environment(of containers: [YAMLNode]) -> [EnvironmentVariable] {
        var variables: [EnvironmentVariable] = []
        func add(_ variable: EnvironmentVariable) {
            if let index = variables.firstIndex(where: { $0.name == variable.name }) {
                variables[index] = variable
            } else {
                variables.append(variable)
            }
        }
        for container in containers {
            for source in container["envFrom"]?.items ?? [] {
                let prefix = source["prefix"]?.string ?? ""
                if let name = source[["configMapRef", "name"]]?.string {
                    for (key, value) in config.configMaps[name] ?? [] {
                        add(EnvironmentVariable(name: prefix + key, value: value.value ?? "", location: value.location))
                    }
                }
                if let name = source[["secretRef", "name"]]?.string {
                    for (key, value) in config.secrets[name] ?? [] {
                        var variable = EnvironmentVariable(name: prefix + key, value: nil, fromSecret: true, location: value.location)
                        variable.secretReference = name + "/" + key
                        add(variable)
                    }
                }
            }
            for item in container["env"]?.items ?? [] {
                guard let name = item["name"]?.string else { continue }
                add(variable(named: name, item))
            }
        }
        return variables
    }

    func variable(named name: String, _ item: YAMLNode) -> EnvironmentVariable {
        let location = item.entry("value")?.key.location ?? item.entry("valueFrom")?.key.location ?? item.location
        guard let from = item["valueFrom"] else {
            return EnvironmentVariable(name: name, value: item["value"]?.string ?? "", location: location)
        }
        if let secret = from["secretKeyRef"] {
            var variable = EnvironmentVariable(name: name, value: nil, fromSecret: true, location: location)
            variable.secretReference = [secret["name"]?.string, secret["key"]?.string].compactMap { $0 }.joined(separator: "/")
            return variable
        }
        if let reference = from["configMapKeyRef"], let mapName = reference["name"]?.string, let key = reference["key"]?.string,
           let value = config.configMapValue(mapName, key: key) {
            return EnvironmentVariable(name: name, value: value.value ?? "", location: value.location)
        }
        // fieldRef, resourceFieldRef, or a ConfigMap outside these manifests: known only at run time.
        return EnvironmentVariable(name: name, value: nil, location: location)
    }

    /// Notes for `envFrom` sources that are not among the manifests.
    func missingEnvironmentSources(_ containers: [YAMLNode]) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        for container in containers {
            for source in container["envFrom"]?.items ?? [] {
                if let name = source[["configMapRef", "name"]]?.string, config.configMaps[name] == nil {
                    notes.append(Report.note("ConfigMap '\(name)' is not in these manifests; its variables are unknown", at: source.location))
                }
                if let name = source[["secretRef", "name"]]?.string, config.secrets[name] == nil {
                    notes.append(Report.note("Secret '\(name)' is not in these manifests; its variables are unknown", at: source.location))
                }
            }
        }
        return notes
    }
}
