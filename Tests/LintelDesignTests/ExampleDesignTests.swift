import Foundation
import LintelCapacity
import LintelDesign
import LintelModel
import LintelReview
import LintelSimulation
import Testing

/// The six requirement sets designed end to end, each design checked by Lintel's other engines
/// exactly as a hand-written model would be.
@Suite("Designs of the six requirement sets pass their own checks")
struct ExampleDesignTests {
    @Test("the designed model.yaml loads (lintel check accepts it)", arguments: requirementSets)
    func loads(name: String) async throws {
        let result = try await design(name)
        let reloaded = try ModelLoader.load(text: result.modelYAML, file: "model.yaml")
        #expect(reloaded.model == result.model)
        #expect(!result.model.components.isEmpty)
        #expect(result.model.flows.count == result.model.domain.contexts.count)
        // The original requirements and domain travel with the design.
        let input = try loadRequirements(name)
        #expect(result.model.requirements.team?.engineers == input.requirements.team?.engineers)
        #expect(result.model.requirements.team?.teams == input.requirements.team?.teams)
        #expect(result.model.requirements.slo?.availability == input.requirements.slo?.availability)
        #expect(result.model.domain.entities.map(\.name) == input.domain.entities.map(\.name))
    }

    @Test("review finds nothing at error level", arguments: requirementSets)
    func review(name: String) async throws {
        let result = try await design(name)
        let report = Reviewer.review(result.model)
        let errors = report.findings.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.ruleID): \($0.message)" })")
    }

    @Test("capacity at peak shows every flow meeting its SLO, and it still holds after 12 months of growth", arguments: requirementSets)
    func capacity(name: String) async throws {
        let result = try await design(name)
        for options in [CapacityOptions(), CapacityOptions(months: 12)] {
            let report = CapacityAnalyzer.analyze(result.model, options: options)
            for flow in report.flows {
                #expect(flow.meetsLatency != false, "\(flow.name): p99 \(flow.latencyP99.value ?? -1) over \(flow.latencyObjective ?? -1)")
                #expect(flow.meetsAvailability != false, "\(flow.name): \(flow.availability.value ?? -1) under \(flow.availabilityObjective ?? -1)")
            }
            #expect(report.components.allSatisfy { !$0.saturated }, "saturated: \(report.components.filter(\.saturated).map(\.name))")
        }
        #expect(result.sizingConverged)
    }

    @Test("every hard dependency of a critical flow has a failure scenario", arguments: requirementSets)
    func scenarioPerCriticalDependency(name: String) async throws {
        let result = try await design(name)
        let report = CapacityAnalyzer.analyze(result.model)
        let critical = Set(report.flows.filter { flow in result.model.flows.first { $0.name == flow.name }?.critical ?? true }
            .flatMap(\.hardDependencies))
        let faulted = Set(result.model.scenarios.flatMap { $0.faults.map(\.component) })
        #expect(critical == faulted)
    }
}

/// Each generated failure scenario, simulated: the system must recover after the fault ends.
@Suite("Failure scenarios of the designs recover")
struct FailureScenarioTests {
    static let cases: [String] = requirementSets

    @Test("simulating each generated failure scenario ends recovered", arguments: cases)
    func recovers(name: String) async throws {
        let result = try await design(name)
        #expect(!result.model.scenarios.isEmpty)
        var options = SimulationOptions(seed: 7)
        options.maxEvents = 2_000_000
        for scenario in result.model.scenarios {
            let report = try Simulation.run(result.model, scenario: scenario, options: options)
            #expect(report.verdict.outcome == .recovered, "\(name)/\(scenario.name): \(report.verdict.outcome)")
        }
    }
}
