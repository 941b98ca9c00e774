import Foundation
import LintelModel

/// Builds a model from docker-compose files, merged the way `docker compose -f a -f b` merges them.
///
/// Each service becomes a component; its kind comes from the image, calls from `depends_on`,
/// `links` and host names in its environment. Everything is located at the original file line.
/// Facts compose files do not hold (latencies, timeouts, retries) are left at their defaults
/// and listed in `origin.unknowns`.
public struct ComposeImporter: Sendable {
    /// Variables for `${VAR}` interpolation, taking precedence over the `.env` file (the shell's environment).
    public var environment: [String: String]
    /// The system name; defaults to the top-level `name:` or the project directory's name.
    public var systemName: String?

    /// Profiles to activate, as `docker compose --profile`; added to `COMPOSE_PROFILES` from the
    /// environment or `.env`. A service with `profiles:` is imported only when one of them is active.
    public var profiles: [String]

    public init(environment: [String: String] = [:], systemName: String? = nil, profiles: [String] = []) {
        self.environment = environment
        self.systemName = systemName
        self.profiles = profiles
    }

    /// The active profiles: the given ones and `COMPOSE_PROFILES` (comma-separated).
    func activeProfiles(_ interpolator: Interpolator) -> Set<String> {
        let listed = interpolator.value(of: "COMPOSE_PROFILES").0?.split(separator: ",") ?? []
        return Set(profiles + listed.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }

    /// Imports compose files; the first one's directory is the project directory (for `.env`,
    /// `env_file` and the default system name). Each file is read through the front door
    /// (`YAMLDocument.input`) and parsed once.
    public func importFiles(_ paths: [String]) -> ImportResult {
        let directory = paths.first.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
        let dotEnvPath = directory.map { URL(fileURLWithPath: $0).appendingPathComponent(".env").path }
        let dotEnv = dotEnvPath.flatMap { path in YAMLDocument.readTextIfPresent(path).map { (path, $0) } }
        return importSources(paths.map(ImportSource.init(path:)), projectDirectory: directory, dotEnv: dotEnv)
    }

    /// Imports compose files given as text (`name` is used in locations).
    /// - Parameters:
    ///   - projectDirectory: where `env_file` paths are relative to, and the default system name.
    ///   - dotEnv: the `.env` file's path and text, when there is one.
    public func importTexts(_ files: [(name: String, text: String)], projectDirectory: String? = nil,
                            dotEnv: (path: String, text: String)? = nil) -> ImportResult {
        importSources(files.map { ImportSource(name: $0.name, text: $0.text) }, projectDirectory: projectDirectory, dotEnv: dotEnv)
    }

    /// Imports compose files already read through the front door (`YAMLDocument.input`): the tree
    /// that decided their format is the one imported, no second parse.
    public func importInputs(_ inputs: [YAMLInput], projectDirectory: String? = nil,
                             dotEnv: (path: String, text: String)? = nil) -> ImportResult {
        importSources(inputs.map(ImportSource.init), projectDirectory: projectDirectory, dotEnv: dotEnv)
    }

    func importSources(_ sources: [ImportSource], projectDirectory: String?,
                       dotEnv: (path: String, text: String)?) -> ImportResult {
        var diagnostics: [Diagnostic] = []
        var interpolator = Interpolator(environment: environment, dotEnv: [:])
        if let dotEnv {
            let (lines, found) = DotEnv.parse(dotEnv.text, file: dotEnv.path)
            diagnostics += found
            for line in lines {
                interpolator.dotEnv[line.name] = line.value
                interpolator.dotEnvLocations[line.name] = line.location
            }
        }
        var merged: YAMLNode?
        for source in sources {
            let start = SourceLocation(file: source.name, line: 1, column: 1)
            let (documents, found) = (source.documents, source.diagnostics)
            diagnostics += found
            if found.contains(where: { $0.severity == .error }) { continue }
            guard let root = documents.first, !root.isNull else {
                diagnostics.append(Report.error("file is empty; expected a compose file with 'services:'", at: start))
                continue
            }
            if documents.count > 1 {
                diagnostics.append(Report.warning("only the first YAML document of a compose file is read", at: documents[1].location))
            }
            guard root.isMapping else {
                diagnostics.append(Report.error("expected a mapping with 'services:' at the top level, found \(root.shape)", at: root.location))
                continue
            }
            let interpolated = ComposeTree.interpolate(root, with: interpolator, diagnostics: &diagnostics)
            merged = merged.map { ComposeTree.merge($0, interpolated) ?? $0 } ?? interpolated
        }
        let files = sources.map(\.name)
        guard let root = merged else {
            return ImportResult(model: emptyModel(files: files, projectDirectory: projectDirectory), diagnostics: diagnostics.inFileOrder())
        }
        return build(root: root, files: files, projectDirectory: projectDirectory, interpolator: interpolator, diagnostics: diagnostics)
    }

    static let knownTopLevelKeys: Set<String> = ["version", "name", "services", "networks", "volumes", "secrets", "configs", "include", "models"]

    func build(root: YAMLNode, files: [String], projectDirectory: String?, interpolator: Interpolator,
               diagnostics initial: [Diagnostic]) -> ImportResult {
        var diagnostics = initial
        for entry in root.entries where !Self.knownTopLevelKeys.contains(entry.name) && !entry.name.hasPrefix("x-") {
            diagnostics.append(Report.note("unknown top-level key '\(entry.name)' ignored", at: entry.key.location))
        }
        if let include = root.entry("include") {
            diagnostics.append(Report.warning("'include' is not followed; import the included files too", at: include.key.location))
        }
        var model = emptyModel(files: files, projectDirectory: projectDirectory)
        if let name = root.entry("name"), let text = name.value.string, systemName == nil {
            model.system = text
            model.location = name.key.location
        }
        guard let servicesEntry = root.entry("services") else {
            diagnostics.append(Report.error("no 'services:' in the compose file", at: root.location,
                                            hint: "a compose file lists its containers under 'services:'"))
            return ImportResult(model: model, diagnostics: diagnostics.inFileOrder())
        }
        if root.entry("name") == nil || systemName != nil { model.location = servicesEntry.key.location }
        guard servicesEntry.value.isMapping, !servicesEntry.value.entries.isEmpty else {
            diagnostics.append(Report.error("'services' must be a mapping of service names, found \(servicesEntry.value.shape)",
                                            at: servicesEntry.value.location))
            return ImportResult(model: model, diagnostics: diagnostics.inFileOrder())
        }

        diagnostics += ComposeTree.extendsCycles(servicesEntry.value)
        var components: [Component] = []
        var evidence: [String: [CallEvidence]] = [:]
        var names: [String: String] = [:]
        var completed: Set<String> = []
        let active = activeProfiles(interpolator)
        for entry in servicesEntry.value.entries {
            let name = entry.name
            guard !name.isEmpty else { continue }
            // docker compose refuses any other name; a control character or bidirectional override would reach terminals and reports.
            guard NameCheck.isPlainIdentifier(name) else {
                diagnostics.append(Report.error("the service name \(NameCheck.quoted(name)) is not one docker compose accepts: "
                                                + "only ASCII letters, digits, '.', '_' and '-'; not imported", at: entry.key.location))
                continue
            }
            let serviceProfiles = entry.value["profiles"]?.items.compactMap(\.string) ?? []
            if !serviceProfiles.isEmpty, active.isDisjoint(with: serviceProfiles) {
                diagnostics.append(Report.note("service '\(name)' runs only with profile \(serviceProfiles.joined(separator: ", ")); not imported",
                                               at: entry.key.location, hint: "activate it with COMPOSE_PROFILES or --profile"))
                continue
            }
            guard entry.value.isMapping || entry.value.isNull else {
                diagnostics.append(Report.error("service '\(name)' must be a mapping, found \(entry.value.shape)", at: entry.value.location))
                continue
            }
            var reader = ComposeServiceReader(
                name: name, key: entry.key, service: entry.value, namedVolumes: root["volumes"],
                projectDirectory: projectDirectory, interpolator: interpolator,
                environmentFileReader: { path in YAMLDocument.readTextIfPresent(path) })
            components.append(reader.read())
            diagnostics += reader.diagnostics
            evidence[name] = reader.evidence
            completed.formUnion(reader.completedDependencies)
            names[name.lowercased()] = name
            for alias in reader.aliases where names[alias.lowercased()] == nil { names[alias.lowercased()] = name }
        }
        for index in components.indices where completed.contains(components[index].name) && !components[index].job {
            components[index].job = true
        }
        CallInference(resolve: { names[$0.lowercased()] }).apply(to: &components, evidence: evidence, diagnostics: &diagnostics)
        StoreOwnership.apply(to: &components, diagnostics: &diagnostics)
        model.components = components
        return ImportResult(model: model, diagnostics: diagnostics.inFileOrder())
    }

    func emptyModel(files: [String], projectDirectory: String?) -> Model {
        let name = systemName ?? ModelNaming.systemName(fromDirectory: projectDirectory)
        let location = SourceLocation(file: files.first ?? "compose.yaml", line: 1, column: 1)
        return Model(system: name, origin: Origin(format: .compose, files: files, unknowns: ImportUnknowns.all), location: location)
    }
}

/// Default system names for imported models.
enum ModelNaming {
    /// The directory's name as compose makes a project name: lower case, letters, digits, `-` and `_`.
    static func systemName(fromDirectory directory: String?) -> String {
        let url = URL(fileURLWithPath: directory ?? FileManager.default.currentDirectoryPath).standardizedFileURL
        let cleaned = url.lastPathComponent.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        return cleaned.isEmpty ? "imported" : cleaned
    }
}
