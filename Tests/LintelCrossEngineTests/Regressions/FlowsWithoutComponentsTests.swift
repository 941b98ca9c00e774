import LintelCapacity
import LintelModel
import LintelReview
import LintelSimulation
import Testing

/// Found by the fuzzing campaign (issue 11): a file with flows but no `components` key passed the
/// loader (a requirements file may omit components) and review trapped resolving the flow
/// (`ResolvedFlow.swift:88`, an index into an empty component array).
@Suite("A model with flows but no components")
struct FlowsWithoutComponentsTests {
    static let text = """
        lintel: 1
        system: x
        flows:
          a: { entry: api, rate: 1/s }
        """

    @Test("the loader refuses flows that name components when there are none, at the flows section")
    func loaderRefuses() throws {
        let error = try #require(throws: ModelLoadError.self) { try ModelLoader.load(text: Self.text, file: "f.yaml") }
        let first = try #require(error.diagnostics.first)
        #expect(first.message == "'flows' names components, but the model has no 'components'")
        #expect(first.location.line == 4)
    }

    @Test("a requirements file without flows still loads")
    func requirementsFileLoads() throws {
        let loaded = try ModelLoader.load(text: "lintel: 1\nsystem: x\nrequirements: { traffic: { average: 5/s } }\n", file: "r.yaml")
        #expect(loaded.model.components.isEmpty)
    }

    @Test("every engine takes such a model built in code without trapping, and finds no load")
    func enginesTakeIt() throws {
        let here = SourceLocation(file: "code", line: 1, column: 1)
        let model = Model(system: "x", flows: [Flow(name: "a", entry: "api", rate: Rate(perSecond: 1), location: here)], location: here)
        #expect(SemanticModel(model).flows.isEmpty)
        _ = Reviewer.review(model)
        let capacity = CapacityAnalyzer.analyze(model)
        #expect(capacity.components.isEmpty)
        let simulation = try Simulation.run(model, scenario: nil, options: SimulationOptions(seed: 1, duration: TimeSpan(seconds: 1)))
        #expect(simulation.components.isEmpty)
    }
}
