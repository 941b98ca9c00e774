import MCP

/// The tools `lintel mcp` offers: name, one-sentence description, input and output schemas.
///
/// Each description says what the tool computes and from what, in one sentence, because an agent
/// picks a tool by reading it. Output schemas name only the top-level keys of the CLI's JSON that
/// a client can rely on; the documents themselves are the CLI's `--format json` output.
enum ToolCatalog {
    /// The names, in the order `tools/list` gives them.
    static let names = ["check", "review", "capacity", "simulate", "render", "import", "explain", "design"]

    /// Every tool's definition; `limit` is the model text limit stated in the schemas.
    static func tools(limit: Int) -> [Tool] {
        let model = ModelSource.schemaProperties(limit: limit)
        return [
            Tool(name: "check", title: "Validate a model",
                 description: "Validates a Lintel model (or a docker-compose file or Kubernetes manifests, imported on the fly) and returns a one-paragraph summary of the system, or the located errors.",
                 inputSchema: schema(model), annotations: readOnly("Validate a model"),
                 outputSchema: output(["valid": ["type": "boolean"], "system": ["type": "string"], "summary": ["type": "string"],
                                       "warnings": ["type": "array", "items": ["type": "string"]]],
                                      required: ["valid", "system", "summary", "warnings"])),
            Tool(name: "review", title: "Review an architecture",
                 description: "Reviews a model against Lintel's rule catalog and returns every finding (rule id, severity, place in the file, computed figures, remedy) as `lintel review --format json` prints it.",
                 inputSchema: schema(model.merging([
                     "today": ["type": "string", "pattern": #"^\d{4}-\d{2}-\d{2}$"#,
                               "description": "The date accepted risks expire against, YYYY-MM-DD (default: today, UTC)."],
                 ]) { a, _ in a }),
                 annotations: readOnly("Review an architecture"),
                 outputSchema: output(["format": ["type": "integer"], "summary": ["type": "object"], "reports": ["type": "array"]],
                                      required: ["format", "summary", "reports"])),
            Tool(name: "capacity", title: "Size a system",
                 description: "Computes per-component utilisation, queueing delay, instances needed, connection and partition budgets, storage growth and per-flow availability and latency from queueing theory, as `lintel capacity --format json` prints it.",
                 inputSchema: schema(model.merging([
                     "at": ["type": "string", "pattern": #"^[0-9.]+x?$"#,
                            "description": "Evaluate at this multiple of every flow's peak rate, e.g. 2x (default 1x)."],
                     "months": ["type": "number", "minimum": 0,
                                "description": "Months of the model's traffic growth to project the load over (default 0)."],
                     "target_utilisation": ["type": "string",
                                            "description": "Utilisation to size instances for, e.g. 70% (default)."],
                 ]) { a, _ in a }),
                 annotations: readOnly("Size a system"),
                 outputSchema: output(["system": ["type": "string"], "components": ["type": "array"], "flows": ["type": "array"]],
                                      required: ["system", "components", "flows"])),
            Tool(name: "simulate", title: "Simulate under load and faults",
                 description: "Runs the model as a seeded discrete-event simulation of a scenario's load and faults and returns per-flow goodput, errors, timeouts and latency percentiles, per-component utilisation and the recovery verdict, as `lintel simulate --format json` prints it; reports progress and stops at the server's time limit or on cancellation.",
                 inputSchema: schema(model.merging([
                     "scenario": ["type": "string", "description": "A scenario from the model's `scenarios:` (default: the flows' average rates for 60 s, no faults)."],
                     "seed": ["type": "integer", "minimum": 0, "description": "Seed of the random generator (default 1); the same seed gives the same report."],
                     "duration": ["type": "string", "description": "Simulated time overriding the scenario's, e.g. 90s or 10m."],
                     "replications": ["type": "integer", "minimum": 1, "maximum": 100,
                                      "description": "Independent runs with seeds seed, seed+1, …, reported as means with 95% confidence intervals (default 1; no progress is reported for more)."],
                 ]) { a, _ in a }),
                 annotations: readOnly("Simulate under load and faults"),
                 outputSchema: output(["system": ["type": "string"], "scenario": ["type": "string"], "seed": ["type": "integer"],
                                       "flows": ["type": "array"], "components": ["type": "array"], "verdict": ["type": "object"]],
                                      required: ["system", "scenario", "seed", "flows", "components", "verdict"])),
            Tool(name: "render", title: "Draw the architecture",
                 description: "Draws the model as a Mermaid or Graphviz DOT diagram: the system view, the context view, or the sequence of one flow's calls.",
                 inputSchema: schema(model.merging([
                     "format": ["type": "string", "enum": ["mermaid", "dot"], "description": "Diagram language (default mermaid)."],
                     "view": ["type": "string", "enum": ["system", "context", "sequence"], "description": "What to draw (default system)."],
                     "group": ["type": "string", "enum": ["kind", "context", "none"], "description": "How the system view clusters components (default kind)."],
                     "flow": ["type": "string", "description": "The flow of the sequence view (default: the first flow)."],
                     "findings": ["type": "boolean", "description": "Colour components by their worst open review finding."],
                     "load": ["type": "boolean", "description": "Label components with arrival rate and utilisation at peak."],
                 ]) { a, _ in a }),
                 annotations: readOnly("Draw the architecture"),
                 outputSchema: output(["format": ["type": "string"], "view": ["type": "string"], "diagram": ["type": "string"]],
                                      required: ["format", "view", "diagram"])),
            Tool(name: "import", title: "Import deployment files",
                 description: "Builds a Lintel model (YAML) from a docker-compose file or Kubernetes manifests, listing what the files could not say as unknowns, with located diagnostics.",
                 inputSchema: schema(model.merging([
                     "format": ["type": "string", "enum": ["compose", "kubernetes"],
                                "description": "What the input is (default: decided from its top-level keys)."],
                     "system": ["type": "string", "description": "The system name (default: compose 'name:', the common namespace, or the directory name)."],
                 ]) { a, _ in a }),
                 annotations: readOnly("Import deployment files"),
                 outputSchema: output(["model": ["type": "string"], "diagnostics": ["type": "array", "items": ["type": "string"]]],
                                      required: ["model", "diagnostics"])),
            Tool(name: "explain", title: "Explain a rule or a model key",
                 description: "Explains a review rule (rationale, remedy, examples) or a key of the model file (type, default, meaning), given a rule id, a dotted key path, a key name or an object name.",
                 inputSchema: ["type": "object", "additionalProperties": false, "required": ["topic"],
                               "properties": ["topic": ["type": "string", "maxLength": 256,
                                                        "description": "A rule id (single-point-of-failure), a key path (components.*.calls.timeout), a key (timeout) or an object name (CircuitBreaker)."]]],
                 annotations: readOnly("Explain a rule or a model key"),
                 outputSchema: output(["topic": ["type": "string"], "kind": ["type": "string", "enum": ["rule", "object", "key"]],
                                       "text": ["type": "string"]],
                                      required: ["topic", "kind", "text"])),
            Tool(name: "design", title: "Design an architecture",
                 description: "Designs an architecture from a model's requirements, domain and preferences and returns the sized model (model.yaml), one decision record per decision with its weighted matrix, and the design document, as `lintel design -o DIR` writes them.",
                 inputSchema: schema(model), annotations: readOnly("Design an architecture"),
                 outputSchema: output(["model": ["type": "string"], "document": ["type": "string"],
                                       "files": ["type": "array", "items": ["type": "object", "properties": [
                                           "path": ["type": "string"], "contents": ["type": "string"]]]],
                                       "sizingConverged": ["type": "boolean"]],
                                      required: ["model", "document", "files", "sizingConverged"])),
        ]
    }

    /// The arguments each tool accepts.
    static func arguments(of tool: String) -> [String] {
        if tool == "explain" { return ["topic"] }
        let extra: [String] = switch tool {
        case "review": ["today"]
        case "capacity": ["at", "months", "target_utilisation"]
        case "simulate": ["scenario", "seed", "duration", "replications"]
        case "render": ["format", "view", "group", "flow", "findings", "load"]
        case "import": ["format", "system"]
        default: []
        }
        return ModelSource.argumentNames + extra
    }

    private static func schema(_ properties: [String: Value]) -> Value {
        ["type": "object", "additionalProperties": false, "properties": .object(properties)]
    }

    private static func output(_ properties: [String: Value], required: [String]) -> Value {
        ["type": "object", "properties": .object(properties), "required": .array(required.map { .string($0) })]
    }

    /// Every Lintel tool only reads: it computes from its input and writes nothing.
    private static func readOnly(_ title: String) -> Tool.Annotations {
        Tool.Annotations(title: title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false)
    }
}
