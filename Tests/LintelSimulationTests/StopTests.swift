import Foundation
import LintelModel
import Testing
@testable import LintelSimulation

/// A run asked to stop ends at the next time-series interval and says so, instead of running to the end.
@Suite("Stopping a run")
struct StopTests {
    static let mm4 = Fixture.model([Fixture.component("server", workers: 4, mean: 1)],
                                   flows: [Fixture.flow(entry: "server", rate: 3.6)])

    /// Counts the stop checks and says "stop" from the `after`-th on.
    final class Stopper: @unchecked Sendable {
        private let lock = NSLock()
        private var checks = 0
        let after: Int
        init(after: Int) { self.after = after }
        var count: Int { lock.lock(); defer { lock.unlock() }; return checks }
        func shouldStop() -> Bool {
            lock.lock(); defer { lock.unlock() }
            checks += 1
            return checks >= after
        }
    }

    @Test("stopping after 3 intervals of a 1,000-interval run throws .cancelled after exactly 3 checks")
    func stopsAtTheInterval() {
        let stopper = Stopper(after: 3)
        let options = SimulationOptions(seed: 1, seriesInterval: TimeSpan(seconds: 10))
        #expect(throws: SimulationError.cancelled) {
            try Simulation.run(Self.mm4, scenario: Fixture.scenario(duration: 10_000), options: options,
                               shouldStop: { stopper.shouldStop() })
        }
        #expect(stopper.count == 3)
    }

    @Test("a stop hook that never fires leaves the report byte-identical to a run without one")
    func neverStopping() throws {
        let options = SimulationOptions(seed: 3)
        let scenario = Fixture.scenario(duration: 500)
        let plain = try Simulation.run(Self.mm4, scenario: scenario, options: options)
        let hooked = try Simulation.run(Self.mm4, scenario: scenario, options: options, shouldStop: { false })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(plain) == encoder.encode(hooked))
    }

    @Test("replications stop too: every seed checks the hook and the run throws .cancelled")
    func replicationsStop() {
        var options = SimulationOptions(seed: 1, seriesInterval: TimeSpan(seconds: 10))
        options.replications = 3
        #expect(throws: SimulationError.cancelled) {
            try Simulation.run(Self.mm4, scenario: Fixture.scenario(duration: 10_000), options: options, shouldStop: { true })
        }
    }
}
