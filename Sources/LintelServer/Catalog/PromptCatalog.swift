import MCP

/// Prompts a client offers its user as ready-made requests; each one tells the agent which
/// Lintel tools compute the answer, so the numbers in the reply come from Lintel, not from a guess.
enum PromptCatalog {
    static func list() -> [Prompt] {
        [
            Prompt(name: "review-architecture", title: "Review this architecture",
                   description: "Review a system described as a Lintel model, a docker-compose file or Kubernetes manifests, with computed figures.",
                   arguments: [
                       .init(name: "path", description: "A model or deployment file inside the server's root.", required: false),
                       .init(name: "model", description: "The model or deployment file as text (when there is no file).", required: false),
                   ]),
            Prompt(name: "size-for-peak", title: "Size this system for a peak",
                   description: "Find what breaks first at a peak load and how many instances, connections and partitions the peak needs.",
                   arguments: [
                       .init(name: "path", description: "A model file inside the server's root.", required: false),
                       .init(name: "model", description: "The model as text (when there is no file).", required: false),
                       .init(name: "peak", description: "The peak as a multiple of the model's peak rates (3x) or a rate (2000/s).", required: true),
                   ]),
            Prompt(name: "design-from-requirements", title: "Design from these requirements",
                   description: "Turn requirements into a Lintel model, then check, review, size and simulate it until it holds.",
                   arguments: [
                       .init(name: "requirements", description: "What the system must do: load, latency and availability targets, data, team, constraints.", required: true),
                   ]),
        ]
    }

    /// The messages of prompt `name`; nil when there is no such prompt.
    static func get(_ name: String, arguments: [String: String]) -> GetPrompt.Result? {
        let input = modelReference(arguments)
        switch name {
        case "review-architecture":
            return result("Review this architecture with Lintel", """
                Review the architecture in \(input).

                Compute, do not estimate: call the `check` tool first and fix any error it locates \
                (file:line:col). Then call `review` for the findings and `capacity` for utilisation, \
                queueing delay, availability and latency budgets. For each finding of severity error or \
                warning, say what fails, quote the figure Lintel computed, and give the remedy; read \
                `lintel://rules/<rule-id>` when you need a rule's rationale. If the model has scenarios, \
                run `simulate` on the one with faults and report whether the system recovers. \
                Finish with the three changes that remove the most risk, most important first.
                """)
        case "size-for-peak":
            let peak = arguments["peak"].map { $0.isEmpty ? "its peak" : $0 } ?? "its peak"
            return result("Size a system for a peak with Lintel", """
                Size the system in \(input) for a peak of \(peak).

                Call `capacity` with `at` set to the peak as a multiple of the model's peak rates (for a \
                rate such as 2000/s, divide it by the flows' peak rate from a first `capacity` call). \
                Report the busiest component, every component above 70% utilisation with the instances it \
                needs, connection budgets and partitions that fall short, and the flows whose latency or \
                availability misses the SLO. Then raise instances (and pools or partitions) in the model \
                and call `capacity` again until nothing is saturated; if the model has a scenario at that \
                load, confirm with `simulate`. Quote Lintel's figures with their formulas; do not round \
                them into guesses.
                """)
        case "design-from-requirements":
            let requirements = arguments["requirements"] ?? "(no requirements given: ask for load, latency, availability and data volumes)"
            return result("Design a system from requirements with Lintel", """
                Design a backend for these requirements:

                \(requirements)

                Write the requirements as a Lintel model with `requirements` (traffic, SLO, data, team, \
                consistency, compliance) and a `domain` (bounded contexts, entities with fields, query \
                patterns, volumes, events); read the `lintel://schema` resource for the keys. Call `check` \
                until it is valid, then `design`: it returns the sized model, one decision record per \
                decision with its weighted matrix, and the design document. Check the designed model with \
                `review`, `capacity` and `simulate` (its failure scenarios), and present the decisions with \
                the alternatives they weighed and what would flip them, quoting Lintel's figures.
                """)
        default:
            return nil
        }
    }

    private static func modelReference(_ arguments: [String: String]) -> String {
        if let path = arguments["path"], !path.isEmpty { return "the file `\(path)` (pass it to the tools as `path`)" }
        if let model = arguments["model"], !model.isEmpty {
            return "this model (pass it to the tools as `model`):\n\n```yaml\n\(model)\n```\n"
        }
        return "the model the user names (pass a file inside the root as `path`, or the text as `model`)"
    }

    private static func result(_ description: String, _ text: String) -> GetPrompt.Result {
        GetPrompt.Result(description: description, messages: [.user(.text(text: text))])
    }
}
