/// Builds typed model values from a validated `YAMLTree`. Cross-references are checked
/// afterwards by `ReferenceChecker`; defaults that depend on other parts are resolved there too.
final class ModelBuilder {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    func build(_ tree: YAMLTree) -> Model {
        let root = FieldReader(tree)
        var model = Model(
            version: root.int("lintel") ?? 1,
            system: root.string("system") ?? "",
            location: root.location("system") ?? tree.location)
        if let system = root.string("system"), system.trimmed.isEmpty {
            diagnostics.append(Diagnostic("'system' must name the system", at: root.valueLocation("system") ?? tree.location))
        } else if let system = root.string("system"), let problem = NameCheck.problem(system) {
            diagnostics.append(Diagnostic("the system name \(NameCheck.quoted(system)) \(problem)", at: root.valueLocation("system") ?? tree.location))
        }
        model.description = root.string("description")
        model.origin = Origin(format: .lintel, files: [file])
        if let (origin, at) = OriginReader.origin(root["origin"]) {
            model.origin = origin
            if let at { model.location = at }
        }
        if let node = root["requirements"] { model.requirements = requirements(node) }
        if let node = root["domain"] {
            let builder = DomainBuilder()
            model.domain = builder.domain(node)
            diagnostics += builder.diagnostics
        }
        if let node = root["preferences"], node.entries != nil {
            let fields = FieldReader(node)
            model.preferences = DesignPreferences(
                languages: fields.strings("languages"), hosting: fields.enumeration("hosting"),
                prefer: fields.strings("prefer").map { $0.lowercased() }, avoid: fields.strings("avoid").map { $0.lowercased() },
                maturity: fields.string("maturity"))
        }
        for entry in root["components"]?.entries ?? [] {
            var component = ComponentBuilder().component(name: entry.key, at: entry.keyLocation, entry.value)
            var operations = OperationBuilder()
            operations.build(entry.value["operations"], into: &component)
            diagnostics += operations.diagnostics
            OriginReader.apply(entry.value["origin"], to: &component)
            model.components.append(component)
        }
        for entry in root["flows"]?.entries ?? [] where entry.value.entries != nil {
            model.flows.append(flow(name: entry.key, at: entry.keyLocation, entry.value))
        }
        for entry in root["scenarios"]?.entries ?? [] {
            model.scenarios.append(scenario(name: entry.key, at: entry.keyLocation, entry.value))
        }
        for item in root["accept"]?.items ?? [] where item.entries != nil {
            let fields = FieldReader(item)
            model.accept.append(AcceptedRisk(
                rule: fields.string("rule") ?? "", component: fields.string("component"), flow: fields.string("flow"),
                reason: fields.string("reason") ?? "", until: fields.date("until"), location: fields.location("rule") ?? item.location))
        }
        return model
    }

    func requirements(_ tree: YAMLTree) -> Requirements {
        let fields = FieldReader(tree)
        var result = Requirements(location: tree.location)
        if let node = fields["team"], node.entries != nil {
            let team = FieldReader(node)
            result.team = Team(engineers: team.int("engineers") ?? 1, teams: team.int("teams") ?? 1, location: node.location)
        }
        if let node = fields["traffic"], node.entries != nil {
            let traffic = FieldReader(node)
            result.traffic = Traffic(average: traffic.rate("average"), peak: traffic.rate("peak"), growth: traffic.growth("growth"), location: node.location)
        }
        if let node = fields["slo"] { result.slo = serviceLevel(node) }
        if let node = fields["data"], node.entries != nil {
            let data = FieldReader(node)
            result.data = DataRequirements(size: data.size("size"), growth: data.dataGrowth("growth"), retention: data.duration("retention"), location: node.location)
        }
        result.consistency = fields.enumeration("consistency")
        result.compliance = fields.strings("compliance").compactMap(Compliance.init(rawValue:))
        result.budget = fields.money("budget")
        return result
    }

    func serviceLevel(_ tree: YAMLTree) -> ServiceLevel? {
        guard tree.entries != nil else { return nil }
        let fields = FieldReader(tree)
        return ServiceLevel(availability: fields.fraction("availability", kind: .percent), latencyP50: fields.duration("latency_p50"),
                            latencyP99: fields.duration("latency_p99"), location: tree.location, keyLocations: fields.keyLocations)
    }

    func flow(name: String, at location: SourceLocation, _ tree: YAMLTree) -> Flow {
        let fields = FieldReader(tree)
        // Rates are resolved by ReferenceChecker; zero marks "not given" until then.
        var flow = Flow(name: name, entry: fields.string("entry") ?? "", route: fields.strings("route"),
                        rate: fields.rate("rate") ?? Rate(perSecond: 0), peak: fields.rate("peak") ?? Rate(perSecond: 0),
                        critical: fields.bool("critical") ?? true, location: location)
        flow.description = fields.string("description")
        flow.share = fields.fraction("share")
        flow.slo = fields["slo"].flatMap(serviceLevel)
        flow.consistency = fields.enumeration("consistency")
        flow.saga = fields.bool("saga")
        if let text = fields.string("operation") {
            flow.operation = OperationReference(parsing: text, defaultComponent: flow.path.last)
            if flow.operation == nil {
                diagnostics.append(Diagnostic("'operation' must name an operation as component.operation, like trips.get-status, not '\(text)'",
                                              at: fields.valueLocation("operation") ?? location))
            }
        }
        flow.keyLocations = fields.keyLocations
        if let at = fields.valueLocation("entry") { flow.keyLocations["entry"] = at }
        if let at = fields.valueLocation("operation") { flow.keyLocations["operation"] = at }
        return flow
    }

    func scenario(name: String, at location: SourceLocation, _ tree: YAMLTree) -> Scenario {
        let fields = FieldReader(tree)
        var scenario = Scenario(name: name, duration: fields.duration("duration") ?? TimeSpan(seconds: 0), location: location)
        scenario.description = fields.string("description")
        for item in fields["load"]?.items ?? [] where item.entries != nil {
            let step = FieldReader(item)
            guard let at = step.duration("at") else { continue }
            // A rate or scale that did not parse is already an error; the step is left out rather than
            // reported a second time as having neither.
            if (step["rate"] != nil && step.rate("rate") == nil) || (step["scale"] != nil && step.multiplier("scale") == nil) { continue }
            scenario.load.append(LoadStep(at: at, rate: step.rate("rate"),
                                          scale: step.multiplier("scale"), flow: step.string("flow"), location: item.location))
        }
        for item in fields["faults"]?.items ?? [] where item.entries != nil {
            let fault = FieldReader(item)
            scenario.faults.append(Fault(
                at: fault.duration("at") ?? TimeSpan(seconds: 0), duration: fault.duration("for") ?? TimeSpan(seconds: 0),
                component: fault.string("component") ?? "", down: fault.bool("down") ?? false, instancesDown: fault.int("instances_down"),
                latencyFactor: fault.multiplier("latency"), errorRate: fault.fraction("error_rate"), workers: fault.int("workers"),
                location: item.location))
        }
        return scenario
    }
}
