import LintelModel

/// The busiest component at each load change of each scenario, from the core's `LoadTimeline`.
enum ScenarioSteps {
    /// Utilisation uses the holding times at average load, so it is linear in the step's rates
    /// (retries and rejections as at average load).
    static func analyze(semantics: SemanticModel, average steady: SteadyState) -> [ScenarioCapacity] {
        let average = steady.state, attempts = steady.attempts, admitted = steady.admitted
        let model = semantics.model
        return model.scenarios.map { scenario in
            guard let timeline = try? LoadTimeline(flows: model.flows, scenario: scenario) else {
                return ScenarioCapacity(name: scenario.name, steps: [])
            }
            let steps = timeline.changes.map { change -> ScenarioCapacity.Step in
                let arrival = semantics.propagate(flowRates: change.rates, attempts: attempts, admitted: admitted).arrival
                var busiest: Int?
                var highest = 0.0
                for node in arrival.indices where average.queue[node].servers > 0 {
                    let utilisation = arrival[node] * (1 - average.queue[node].rateLimited) * average.holding[node]
                        / Double(average.queue[node].servers)
                    if utilisation > highest { highest = utilisation; busiest = node }
                }
                return .init(at: change.at,
                             totalRate: Figure(change.rates.reduce(0, +), .perSecond, "Σ flow rates at this step (LoadTimeline)"),
                             busiest: busiest.map { model.components[$0].name },
                             utilisation: Figure(highest, .fraction, "λ × holding time at average load / servers"))
            }
            return ScenarioCapacity(name: scenario.name, steps: steps)
        }
    }
}
