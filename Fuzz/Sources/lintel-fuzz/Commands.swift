import Foundation
import LintelCapacity
import LintelModel
import LintelRender
import LintelReview
import LintelSimulation

/// One CLI command with its default options on one input, for the worst-case benchmark
/// (`Fuzz/worst-case`): `LINTEL_FUZZ_COMMAND=simulate lintel-fuzz INPUT` runs what
/// `lintel simulate INPUT` computes (the 60 s steady run, default budgets) and nothing else, so
/// `/usr/bin/time` measures that command alone. The binary is coverage-instrumented, so its CPU
/// times are an upper bound on the plain release build's.
enum Command: String, CaseIterable {
    case check, review, capacity, simulate, render

    static let chosen = ProcessInfo.processInfo.environment["LINTEL_FUZZ_COMMAND"].flatMap(Command.init(rawValue:))

    func run(_ data: Data) {
        guard let model = Pipeline.load(data) else {
            // Say why, so a benchmark row of an invalid input is not mistaken for a fast command.
            if case .success(let input) = YAMLDocument.input(data: data, name: "input.yaml"), case .success(let tree) = input.tree {
                do throws(ModelLoadError) {
                    _ = try ModelLoader.load(tree: tree, file: input.name)
                } catch {
                    for diagnostic in error.diagnostics.prefix(3) { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
                }
            }
            FileHandle.standardError.write(Data("lintel-fuzz: \(rawValue): the input is not a valid model\n".utf8))
            return
        }
        switch self {
        case .check:
            break
        case .review:
            let report = Reviewer.review(model, options: ReviewOptions(today: CalendarDate(year: 2026, month: 6, day: 1)))
            _ = try? ReportOutput.review([report], format: .text)
        case .capacity:
            do throws(CapacityError) {
                let report = try CapacityAnalyzer.analyze(model, budget: .standard)
                _ = try? ReportOutput.capacity(report, format: .text)
            } catch {
                FileHandle.standardError.write(Data("lintel-fuzz: capacity: \(error)\n".utf8))
            }
        case .simulate:
            do throws(SimulationError) {
                let report = try Simulation.run(model, scenario: nil as String?)
                _ = try? ReportOutput.simulation(report, format: .text)
                FileHandle.standardError.write(Data("lintel-fuzz: simulate: \(report.events) events, scale 1/\(report.scale), \(report.verdict.outcome)\n".utf8))
            } catch {
                FileHandle.standardError.write(Data("lintel-fuzz: simulate: \(error)\n".utf8))
            }
        case .render:
            _ = DiagramRenderer.render(model, options: RenderOptions(format: .dot, view: .system))
            _ = DiagramRenderer.render(model, options: RenderOptions(format: .mermaid, view: .sequence))
        }
    }
}
