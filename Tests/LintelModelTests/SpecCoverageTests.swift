import Foundation
import LintelModel
import Testing

/// The spec is the single source of the model's keys: a key it documents must reach the built
/// model. For every key of every object, a generated model sets it to a value other than its
/// default and the test asserts the built `Model` differs from the one without it.
@Suite("Every key of the spec reaches the built model")
struct SpecCoverageTests {
    /// A valid model in which every object of the spec occurs once, as JSON (the loader reads JSON too).
    static func base() -> [String: Any] {
        [
            "lintel": 1, "system": "s",
            "requirements": ["team": ["engineers": 2], "traffic": ["average": "10/s"], "slo": [String: Any](), "data": [String: Any]()],
            "preferences": [String: Any](),
            "domain": ["contexts": ["ordering": [
                "entities": ["Order": ["fields": ["id": "uuid", "status": ["type": "string"]], "queries": [["by": "id"]],
                                       "volume": [String: Any]()]],
                "events": ["Placed": ["fields": ["id": "uuid"]]],
            ]]],
            "components": [
                "api": ["kind": "service", "calls": [["to": "cache", "hit_ratio": 0.9], ["to": "db", "circuit_breaker": [String: Any]()]], "latency": ["p50": "10ms"],
                        "autoscale": ["min": 1, "max": 2], "health_check": ["path": "/health"], "security": [String: Any](),
                        "resources": [String: Any](), "volumes": [["mount": "/data"]], "env": ["A": ["secret": "S"]],
                        "operations": ["get": ["http": "GET /orders"]], "origin": ["at": "compose.yaml:3:3"]],
                "db": ["kind": "postgres", "instances": 3],
                "other": ["kind": "service"],
                "cache": ["kind": "redis"],
                "events": ["kind": "topic"],
            ],
            "flows": ["f": ["entry": "api"]],
            "scenarios": ["s": ["load": [["at": "0s", "rate": "5/s"]], "faults": [["at": "0s", "for": "1s", "component": "db", "latency": "2x"]]]],
            "accept": [["rule": "x", "reason": "y"]],
            "origin": ["format": "compose", "files": ["compose.yaml"]],
        ]
    }

    /// Where one instance of each object sits in `base()`: keys, and list indices as numbers.
    static var paths: [String: [Any]] { [
        "Model": [], "Preferences": ["preferences"], "Requirements": ["requirements"], "Team": ["requirements", "team"],
        "Traffic": ["requirements", "traffic"], "SLO": ["requirements", "slo"], "DataRequirements": ["requirements", "data"],
        "Domain": ["domain"], "Context": ["domain", "contexts", "ordering"],
        "Entity": ["domain", "contexts", "ordering", "entities", "Order"],
        "Field": ["domain", "contexts", "ordering", "entities", "Order", "fields", "status"],
        "Query": ["domain", "contexts", "ordering", "entities", "Order", "queries", 0],
        "Volume": ["domain", "contexts", "ordering", "entities", "Order", "volume"],
        "Event": ["domain", "contexts", "ordering", "events", "Placed"],
        "Component": ["components", "api"], "Latency": ["components", "api", "latency"],
        "HealthCheck": ["components", "api", "health_check"], "Security": ["components", "api", "security"],
        "Autoscale": ["components", "api", "autoscale"], "VolumeMount": ["components", "api", "volumes", 0],
        "Resources": ["components", "api", "resources"], "SecretRef": ["components", "api", "env", "A"],
        "Operation": ["components", "api", "operations", "get"], "Call": ["components", "api", "calls", 1], "CircuitBreaker": ["components", "api", "calls", 1, "circuit_breaker"],
        "Flow": ["flows", "f"], "Scenario": ["scenarios", "s"], "LoadStep": ["scenarios", "s", "load", 0],
        "Fault": ["scenarios", "s", "faults", 0], "AcceptedRisk": ["accept", 0],
        "Origin": ["origin"], "ComponentOrigin": ["components", "api", "origin"],
    ] }

    /// Values that a generic one would make invalid (a reference must name the right kind of thing).
    static var special: [String: Any] { [
        "Entity.store": "db", "Event.topic": "events", "Call.on_miss": "cache", "Call.to": "other", "Flow.entry": "other",
        "Fault.component": "other", "AcceptedRisk.component": "api", "AcceptedRisk.flow": "f", "LoadStep.flow": "f",
        "Component.consumes": ["events"], "Component.publishes": ["events"], "Component.consumers": ["api"],
        "Component.context": "ordering", "Entity.partition_by": "status", "Query.order": "status", "Query.by": "status",
        "Entity.key": "status", "Field.type": "text", "Component.calls": ["other"],
        "LoadStep.rate": "6/s", "Component.kind": "worker", "Model.system": "t",
        "Entity.fields": ["id": "uuid", "status": "text"], "Event.fields": ["id": "string"],
        "Flow.operation": "get", "Flow.peak": "70/s", "Traffic.peak": "70/s", "Flow.route": ["db"], "Call.mode": "async",
        "Call.circuit_breaker": false, "Operation.idempotent": false, "Operation.http": "POST /orders", "Operation.request": "Order",
        "Operation.response": "Order", "Operation.publishes": ["events"],
        "Origin.at": "compose.yaml:1:1", "Origin.files": ["base.yaml", "override.yaml"],
        "ComponentOrigin.at": "compose.yaml:9:5", "ComponentOrigin.keys": ["image": "compose.yaml:10:7"],
    ] }

    /// Keys that say only where things were written (an imported model's provenance): they change locations.
    static let locationKeys: Set<String> = ["Origin.at", "ComponentOrigin.at", "ComponentOrigin.keys"]

    /// Keys that cannot be set alone: the whole object is replaced (`scale` excludes `rate`, `rpc` excludes `http`),
    /// or the key belongs on another component.
    static var replacements: [String: (path: [Any], value: [String: Any])] { [
        "LoadStep.scale": (["scenarios", "s", "load", 0], ["at": "0s", "scale": "7x"]),
        "Operation.rpc": (["components", "api", "operations", "get"], ["rpc": "Orders.Get"]),
        "Component.consumers": (["components", "events"], ["kind": "topic", "consumers": ["other"]]),
    ] }

    /// Keys whose value is structure: what they hold is covered by the keys of the objects inside.
    static func isStructure(_ type: ValueType) -> Bool {
        switch type {
        case .object: true
        case .dictionary(let element), .list(let element): isStructure(element)
        default: false
        }
    }

    static var keys: [String] {
        ModelSpec.objects.flatMap { object in object.fields.filter { !isStructure($0.type) }.map { "\(object.name).\($0.key)" } }
    }

    /// A value of `type` that differs from `current` and from the default.
    static func sample(_ type: ValueType, field: FieldSpec, current: Any?) -> Any? {
        switch type {
        case .string: "changed"
        case .componentName: "other"
        case .flowName: "f"
        case .boolean: !((current as? Bool) ?? field.defaultValue.flatMap { $0 == "true" ? true : $0 == "false" ? false : nil } ?? false)
        case .integer(let minimum, let maximum):
            [minimum + 1, minimum + 2, minimum].first { value in
                value <= maximum && String(value) != field.defaultValue && (current as? Int) != value
            }
        case .number: 2.5
        case .quantity(let kind, _):
            switch kind {
            case .duration: "7s"
            case .rate: "7/s"
            case .size: "7MB"
            case .dataGrowth: "7GB/month"
            case .percent: "77%"
            case .fraction: "0.77"
            case .growth: "7x/year"
            case .multiplier: "7x"
            case .count: "7"
            case .money: "7 USD"
            case .date: "2030-01-01"
            case .cpu: "7"
            }
        case .enumeration(let values): values.first { $0 != field.defaultValue && $0 != current as? String }
        case .list(let element): sample(element, field: field, current: nil).map { [$0] }
        case .dictionary(let element): sample(element, field: field, current: nil).map { ["k": $0] }
        case .either(let types):
            types.lazy.filter { !isStructure($0) }.compactMap { sample($0, field: field, current: current) }.first
        case .object: nil
        }
    }

    static func value(at path: [Any], in tree: Any) -> Any? {
        guard let first = path.first else { return tree }
        if let key = first as? String, let map = tree as? [String: Any], let child = map[key] { return value(at: Array(path.dropFirst()), in: child) }
        if let index = first as? Int, let list = tree as? [Any], list.indices.contains(index) { return value(at: Array(path.dropFirst()), in: list[index]) }
        return nil
    }

    static func setting(_ newValue: Any, at path: [Any], in tree: Any) -> Any {
        guard let first = path.first else { return newValue }
        let rest = Array(path.dropFirst())
        if let key = first as? String, var map = tree as? [String: Any] {
            map[key] = setting(newValue, at: rest, in: map[key] ?? [String: Any]())
            return map
        }
        if let index = first as? Int, var list = tree as? [Any], list.indices.contains(index) {
            list[index] = setting(newValue, at: rest, in: list[index])
            return list
        }
        return tree
    }

    /// The built model as JSON without source locations, which change whenever a key is added.
    static func built(_ tree: Any, keepLocations: Bool = false) throws -> Any {
        let data = try JSONSerialization.data(withJSONObject: tree, options: [.sortedKeys])
        let model = try ModelLoader.load(text: String(decoding: data, as: UTF8.self), file: "generated.json").model
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try JSONSerialization.jsonObject(with: encoder.encode(model))
        return keepLocations ? json : strip(json)
    }

    static func strip(_ value: Any) -> Any {
        if let map = value as? [String: Any] {
            var result: [String: Any] = [:]
            for (key, child) in map where key != "location" && key != "keyLocations" { result[key] = strip(child) }
            return result
        }
        if let list = value as? [Any] { return list.map(strip) }
        return value
    }

    @Test("the generated base model is valid")
    func baseLoads() throws {
        _ = try Self.built(Self.base())
    }

    @Test("every object of the spec occurs in the generated model")
    func everyObjectPlaced() {
        for object in ModelSpec.objects {
            #expect(Self.paths[object.name] != nil, "add \(object.name) to SpecCoverageTests.base() and .paths")
        }
    }

    @Test("setting a key to a non-default value changes the built model", arguments: keys)
    func keyChangesModel(_ key: String) throws {
        let parts = key.split(separator: ".").map(String.init)
        let object = try #require(ModelSpec.object(parts[0]))
        let field = try #require(object.field(parts[1]))
        let path = try #require(Self.paths[object.name], "\(object.name) has no place in the generated model")
        let base = Self.base()
        let current = Self.value(at: path + [field.key], in: base)
        // `lintel` has one valid value; nothing to change.
        let changed: Any
        let newValue: Any
        if let replacement = Self.replacements[key] {
            newValue = replacement.value
            changed = Self.setting(replacement.value, at: replacement.path, in: base)
        } else {
            guard let value = Self.special[key] ?? Self.sample(field.type, field: field, current: current) else { return }
            newValue = value
            changed = Self.setting(value, at: path + [field.key], in: base)
        }
        let keepLocations = Self.locationKeys.contains(key)
        let before = try Self.built(base, keepLocations: keepLocations)
        let after: Any
        do { after = try Self.built(changed, keepLocations: keepLocations) } catch {
            Issue.record("\(key) = \(newValue) does not load: \(error)")
            return
        }
        #expect(!NSDictionary(dictionary: before as? [String: Any] ?? [:]).isEqual(to: after as? [String: Any] ?? [:]),
                "\(key) = \(newValue) is accepted but does not change the built model: documented and ignored")
    }
}
