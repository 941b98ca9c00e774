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
                add(variable(named: name, item, defined: variables))
            }
        }
        return variables
    }

    /// One `env` item. A literal `value` that refers to a secret with Kubernetes' `$(VAR)` syntax
    /// (`postgres://app:$(DB_PASSWORD)@db`), or that has the shape of a credential around such a
    /// reference, is a reference to a secret: the model keeps the text with its references.
    /// - Parameter defined: the variables defined before this one, which `$(VAR)` may name.
    func variable(named name: String, _ item: YAMLNode, defined: [EnvironmentVariable] = []) -> EnvironmentVariable {
        let location = item.entry("value")?.key.location ?? item.entry("valueFrom")?.key.location ?? item.location
        guard let from = item["valueFrom"] else {
            let value = item["value"]?.string ?? ""
            let references = Self.dependentReferences(in: value)
            let secret = references.contains { reference in
                SecretDetector.isSecretName(reference) || defined.contains { $0.name == reference && $0.fromSecret }
            }
            if secret || (!references.isEmpty && SecretDetector.hasCredentials(value)), !SecretDetector.hasLiteralCredentials(value) {
                var variable = EnvironmentVariable(name: name, value: nil, fromSecret: true, location: location)
                variable.secretReference = value
                return variable
            }
            return EnvironmentVariable(name: name, value: value, location: location)
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

    /// The names in Kubernetes dependent-variable references, `$(NAME)`; `$$(NAME)` is an escaped literal.
    static func dependentReferences(in value: String) -> [String] {
        var names: [String] = []
        var scalars = Substring(value).unicodeScalars[...]
        while let dollar = scalars.firstIndex(of: "$") {
            let rest = scalars[scalars.index(after: dollar)...]
            if rest.first == "$" {
                scalars = rest.dropFirst()
                continue
            }
            guard rest.first == "(" else {
                scalars = rest
                continue
            }
            // No ')' after this one means none after any later '$(' either: stop (linear time).
            guard let close = rest.firstIndex(of: ")") else { break }
            let name = String(String.UnicodeScalarView(rest[rest.index(after: rest.startIndex)..<close]))
            if Interpolator.isName(Substring(name)) { names.append(name) }
            scalars = rest[rest.index(after: close)...]
        }
        return names
    }
}
