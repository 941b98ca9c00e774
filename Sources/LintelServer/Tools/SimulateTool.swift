import Foundation
import LintelModel
import LintelRender
import LintelSimulation
import MCP

/// `lintel simulate --format json`, with progress notifications, the time limit and cancellation.
struct SimulateTool: Sendable {
    let engine: EngineTools
    /// One simulation at a time: a cancelled run keeps its thread until it ends (the engine has no
    /// stop hook), and this bounds the CPU such runs can take to one core.
    let gate: Gate

    /// The options the CLI would build from the same arguments.
    func options(_ arguments: Arguments) throws(ToolFailure) -> (scenario: String?, options: SimulationOptions) {
        let scenario = try arguments.string("scenario")
        let seed = try arguments.integer("seed") ?? 1
        guard seed >= 0 else { throw ToolFailure("simulate: 'seed' must be zero or positive") }
        var duration: TimeSpan?
        if let text = try arguments.string("duration") {
            guard case .success(.duration(let span)) = QuantityParser.parse(text, as: .duration), span.seconds > 0 else {
                throw ToolFailure("simulate: 'duration' must be a positive duration like 90s or 10m, got '\(text.prefix(64))'")
            }
            duration = span
        }
        let replications = try arguments.integer("replications") ?? 1
        guard (1...100).contains(replications) else { throw ToolFailure("simulate: 'replications' must be between 1 and 100") }
        var options = SimulationOptions(seed: UInt64(seed), duration: duration)
        // The event budget stays at its default (the CLI's --full is not offered): a run too large for it
        // simulates 1/k of the load on 1/k of the servers, which keeps every call's cost bounded.
        options.replications = replications
        return (scenario, options)
    }

    /// Runs the simulation on an engine thread; progress goes to `report` as whole percentages.
    func run(_ arguments: Arguments, limit: Double,
             report: @escaping @Sendable (Double) -> Void) async -> OffloadOutcome<Result<CallTool.Result, ToolFailure>> {
        let (scenario, options): (String?, SimulationOptions)
        do {
            (scenario, options) = try self.options(arguments)
        } catch {
            return .finished(.failure(error))
        }
        guard gate.tryEnter() else {
            return .finished(.failure(ToolFailure(
                "simulate: another simulation is running (a cancelled or timed-out one stops at its next time-series interval); try again shortly")))
        }
        let gate = self.gate, engine = self.engine
        return await Offload.run(limit: limit) { isAbandoned -> Result<CallTool.Result, ToolFailure> in
            defer { gate.leave() }
            do throws(ToolFailure) {
                let source = try engine.source(arguments)
                let (model, _) = try engine.loading.model(from: source)
                var shown = -1
                let progress: (Double) -> Void = { fraction in
                    let percent = Int((min(max(fraction, 0), 1) * 100).rounded(.down))
                    guard percent != shown, !isAbandoned() else { return }
                    shown = percent
                    report(Double(percent))
                }
                let simulated: SimulationReport
                do throws(SimulationError) {
                    simulated = try Simulation.run(model, scenario: scenario, options: options, progress: progress, shouldStop: isAbandoned)
                } catch {
                    throw ToolFailure("\(source.name): \(error.description)")
                }
                let json: String
                do {
                    json = try ReportOutput.simulation(simulated, format: .json)
                } catch {
                    throw ToolFailure("internal: the simulation report could not be encoded (\(error))")
                }
                return .success(try ToolOutput.cliJSON(json))
            } catch {
                return .failure(error)
            }
        }
    }
}

/// The message of a call stopped by the time limit.
enum Timeouts {
    static func failure(_ tool: String, limit: Double) -> ToolFailure {
        ToolFailure("\(tool): stopped after \(NumberFormatting.seconds(limit)) s, the server's time limit (`lintel mcp --time-limit`); ask for less (a shorter `duration`, a smaller model)")
    }
}

enum NumberFormatting {
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
