import LintelModel

/// The busiest component at each load change of each scenario, from the core's `LoadTimeline`.
enum ScenarioSteps {
    /// Utilisation uses the holding times at average load, so it is linear in the step's rates
    /// (retries and rejections as at average load).
    /// `charge` is called with one graph pass per load change.
    static func analyze<E: Error>(semantics: SemanticModel, average steady: SteadyState,
                                  charge: (Int, String) throws(E) -> Void) throws(E) -> [ScenarioCapacity] {
        let average = steady.state, attempts = steady.attempts, admitted = steady.admitted
        let model = semantics.model
        let pass = semantics.graph.count + semantics.graph.edges.count
        var scenarios: [ScenarioCapacity] = []
        for scenario in model.scenarios {
            guard let timeline = try? LoadTimeline(flows: model.flows, scenario: scenario) else {
                scenarios.append(ScenarioCapacity(name: scenario.name, steps: []))
                continue
            }
            var steps: [ScenarioCapacity.Step] = []
            for change in timeline.changes {
                try charge(pass, "the scenario load changes")
                let arrival = semantics.propagate(flowRates: change.rates, attempts: attempts, admitted: admitted).arrival
                var busiest: Int?
                var highest = 0.0
                for node in arrival.indices where average.queue[node].servers > 0 {
                    let utilisation = arrival[node] * (1 - average.queue[node].rateLimited) * average.holding[node]
                        / Double(average.queue[node].servers)
                    if utilisation > highest { highest = utilisation; busiest = node }
                }
                steps.append(.init(at: change.at,
                                   totalRate: Figure(change.rates.reduce(0, +), .perSecond, "Σ flow rates at this step (LoadTimeline)"),
                                   busiest: busiest.map { model.components[$0].name },
                                   utilisation: Figure(highest, .fraction, "λ × holding time at average load / servers")))
            }
            scenarios.append(ScenarioCapacity(name: scenario.name, steps: steps))
        }
        return scenarios
    }
}
