import LintelModel

/// The busiest component at each load step of each scenario.
enum ScenarioLoad {
    /// Steps follow `LoadStep`: `rate` is split over flows by their average rates, `scale`
    /// multiplies every average rate, and a step naming a flow changes that flow only.
    /// Utilisation uses the holding times at average load, so it is linear in the step's rate.
    static func analyze(model: Model, load: LoadPropagation, graph: CallGraph, walk: inout GraphWalk) -> [ScenarioCapacity] {
        guard !model.scenarios.isEmpty else { return [] }
        let averages = model.flows.map(\.rate.perSecond)
        let averageTotal = averages.reduce(0, +)
        let average = QueueState(graph: graph, arrival: load.arrivals(flowRates: averages),
                                  edgeRates: load.edgeRates(flowRates: averages), walk: &walk)
        let flowIndex = Dictionary(model.flows.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        return model.scenarios.map { scenario in
            var rates = averages
            let steps = scenario.load.sorted { $0.at < $1.at }.map { step -> ScenarioCapacity.Step in
                let targets = step.flow.flatMap { flowIndex[$0] }.map { [$0] } ?? Array(rates.indices)
                for flow in targets {
                    if let rate = step.rate?.perSecond {
                        rates[flow] = step.flow != nil ? rate
                            : averageTotal > 0 ? rate * averages[flow] / averageTotal : rate / Double(max(1, rates.count))
                    } else if let scale = step.scale {
                        rates[flow] = averages[flow] * scale
                    }
                }
                let arrival = load.arrivals(flowRates: rates)
                var busiest: Int?
                var highest = 0.0
                for node in arrival.indices where average.servers[node] > 0 {
                    let utilisation = arrival[node] * average.holding[node] / Double(average.servers[node])
                    if utilisation > highest { highest = utilisation; busiest = node }
                }
                return .init(at: step.at.seconds,
                             totalRate: Figure(rates.reduce(0, +), .perSecond, "Σ flow rates at this step"),
                             busiest: busiest.map { graph.components[$0].name },
                             utilisation: Figure(highest, .fraction, "λ × holding time at average load / (instances × workers)"))
            }
            return ScenarioCapacity(name: scenario.name, steps: steps)
        }
    }
}
