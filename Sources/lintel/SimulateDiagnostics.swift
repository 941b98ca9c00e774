import LintelModel
import LintelSimulation

extension Simulate {
    /// A simulation error as a located diagnostic: at the fault or load step that names an unknown
    /// component or flow, at the scenarios (or the system) for an unknown scenario, at the system for
    /// a model without flows. `--scenario` and `--duration` are options, so their errors point at the
    /// part of the model they were checked against.
    static func diagnostic(_ error: SimulationError, model: Model, scenario name: String?) -> Diagnostic {
        let scenario = name.flatMap { name in model.scenarios.first { $0.name == name } }
        let location: SourceLocation
        switch error {
        case .unknownComponent(let component):
            location = scenario?.faults.first { $0.component == component }?.location ?? scenario?.location ?? model.location
        case .unknownFlow(let flow):
            location = scenario?.load.first { $0.flow == flow }?.location ?? scenario?.location ?? model.location
        case .unknownScenario:
            location = model.scenarios.first?.location ?? model.location
        case .invalidDuration, .tooMuchWork, .workExceeded:
            location = scenario?.location ?? model.location
        case .noFlows, .cancelled:
            location = model.location
        }
        return Diagnostic(error.description, at: location)
    }
}
