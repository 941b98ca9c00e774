import Foundation
import LintelModel

extension ComposeServiceReader {
    /// `env_file` then `environment` (which wins for the same name), in the order first written.
    mutating func readEnvironment(into component: inout Component) {
        var variables: [EnvironmentVariable] = []
        func add(_ variable: EnvironmentVariable) {
            if let index = variables.firstIndex(where: { $0.name == variable.name }) {
                variables[index] = variable
            } else {
                variables.append(variable)
            }
        }
        if let entry = service.entry("env_file") {
            component.keyLocations["env"] = entry.key.location
            for variable in readEnvironmentFiles(entry.value) { add(variable) }
        }
        if let entry = service.entry("environment") {
            component.keyLocations["env"] = entry.key.location
            for item in ComposeTree.asMapping(entry.value).entries {
                add(variable(named: item.name, value: item.value, location: item.key.location))
            }
        }
        component.env = variables
        for variable in variables {
            // A withheld secret's reference still names the host: `postgres://app:${DB_PASSWORD}@db:5432`.
            guard let value = variable.value ?? variable.secretReference, let location = variable.location else { continue }
            for endpoint in HostExtractor.endpoints(name: variable.name, value: value) {
                evidence.append(CallEvidence(host: endpoint.host, location: location, protocolName: endpoint.protocolName,
                                             isDeclaredDependency: false, variable: variable.name))
            }
        }
    }

    /// One `environment` entry. A value that is only a reference to a variable the deployer
    /// supplies (`${DB_PASSWORD}`, or a bare `DB_PASSWORD` passed through) is not written in any
    /// file: a secret-named one is recorded as coming from outside, without a value. So is any value
    /// in which interpolation withheld an environment variable that may hold a secret
    /// (`postgres://app:${DB_PASSWORD}@db`): the model keeps the references, never the secret. A
    /// reference resolved from `.env` is plain text in that file and is located there.
    mutating func variable(named name: String, value node: YAMLNode, location: SourceLocation) -> EnvironmentVariable {
        let secretName = SecretDetector.isSecretName(name)
        if node.isNull {
            let (value, source) = interpolator.value(of: name)
            let fromEnvironment = source == .environment && Interpolator.mayHoldSecret(name: name, value: value)
            if fromEnvironment || (secretName && source == .unset) {
                if fromEnvironment {
                    diagnostics.append(Report.note("\(name) is passed through from the environment and may hold a secret; the model keeps the reference $\(name), not its value",
                                                   at: location))
                }
                var variable = EnvironmentVariable(name: name, value: nil, fromSecret: true, location: location)
                variable.secretReference = "$" + name
                return variable
            }
            return EnvironmentVariable(name: name, value: value, location: source == .dotEnv ? interpolator.dotEnvLocations[name] ?? location : location)
        }
        let text = node.string ?? ""
        // Interpolation left the text unchanged when it withheld a sole reference: the text is then as written.
        let raw = node.raw ?? text
        let interpolation = interpolator.interpolation(of: raw, at: location)
        // A password written in the file itself stays a value (with the references): review reports it here.
        if !interpolation.withheld.isEmpty, !SecretDetector.hasLiteralCredentials(text) {
            var variable = EnvironmentVariable(name: name, value: nil, fromSecret: true, location: location)
            variable.secretReference = text
            return variable
        }
        // A secret spliced in from `.env` (`postgres://app:${DB_PASSWORD}@db`) is written in `.env`:
        // the finding belongs at that line.
        if SecretDetector.isSecret(name: name, value: text),
           let secret = interpolation.fromDotEnv.first(where: { Interpolator.mayHoldSecret(name: $0, value: interpolator.dotEnv[$0]) }),
           let written = interpolator.dotEnvLocations[secret] {
            return EnvironmentVariable(name: name, value: text, location: written)
        }
        if let reference = Interpolator.soleReference(raw), raw.contains("$") {
            let (_, source) = interpolator.value(of: reference)
            if source == .dotEnv {
                return EnvironmentVariable(name: name, value: text, location: interpolator.dotEnvLocations[reference] ?? location)
            }
            if secretName {
                var variable = EnvironmentVariable(name: name, value: nil, fromSecret: true, location: location)
                variable.secretReference = raw
                return variable
            }
        }
        return EnvironmentVariable(name: name, value: text, location: location)
    }

    /// The variables of `env_file: path`, `env_file: [paths]` or `env_file: [{path, required}]`.
    mutating func readEnvironmentFiles(_ node: YAMLNode) -> [EnvironmentVariable] {
        let items = node.isSequence ? node.items : [node]
        var variables: [EnvironmentVariable] = []
        for item in items {
            let path = item.string ?? item["path"]?.string
            let required = item["required"]?.bool ?? true
            guard let path else { continue }
            let fullPath = path.hasPrefix("/") || projectDirectory == nil
                ? path : URL(fileURLWithPath: projectDirectory ?? ".").appendingPathComponent(path).path
            guard let text = environmentFileReader(fullPath) else {
                if required {
                    diagnostics.append(Report.warning("env_file '\(path)' cannot be read; its variables are missing", at: item.location))
                }
                continue
            }
            let (lines, found) = DotEnv.parse(text, file: fullPath)
            diagnostics += found
            for line in lines {
                let result = interpolator.interpolation(of: line.value, at: line.location)
                diagnostics += result.diagnostics
                if result.withheld.isEmpty {
                    variables.append(EnvironmentVariable(name: line.name, value: result.text, location: line.location))
                } else {
                    var variable = EnvironmentVariable(name: line.name, value: nil, fromSecret: true, location: line.location)
                    variable.secretReference = result.text
                    variables.append(variable)
                }
            }
        }
        return variables
    }
}
