import Foundation
import LintelModel
@testable import LintelRender
import Testing

@Suite("Every example renders in every format and view")
struct ExampleRenderingTests {
    /// Every combination a user can ask for of one model: views × groupings × flows × overlays.
    static func allOptions(_ model: Model, format: DiagramFormat) -> [(String, RenderOptions)] {
        var combinations: [(String, RenderOptions)] = []
        let overlay = syntheticOverlay(model)
        for grouping in DiagramGrouping.allCases {
            for withOverlay in [false, true] {
                let options = RenderOptions(format: format, view: .system, grouping: grouping, overlay: withOverlay ? overlay : DiagramOverlay())
                combinations.append(("system/\(grouping.rawValue)\(withOverlay ? "+overlays" : "")", options))
            }
        }
        combinations.append(("context", RenderOptions(format: format, view: .context)))
        combinations.append(("context+overlays", RenderOptions(format: format, view: .context, overlay: overlay)))
        for flow in model.flows {
            combinations.append(("sequence/\(flow.name)", RenderOptions(format: format, view: .sequence, flow: flow.name)))
        }
        return combinations
    }

    /// Findings of every severity and load on every component, to exercise every colour and label.
    static func syntheticOverlay(_ model: Model) -> DiagramOverlay {
        var findings: [String: ComponentFindings] = [:]
        var load: [String: ComponentLoad] = [:]
        for (index, component) in model.components.enumerated() {
            let severities: [FindingSeverity?] = [nil, .info, .warning, .error]
            if let severity = severities[index % 4] {
                findings[component.name] = ComponentFindings(worst: severity, rules: ["rule-\(index)", "rule-a", "rule-b", "rule-c"])
            }
            load[component.name] = ComponentLoad(rate: Double(index) * 12.5, utilisation: index % 5 == 0 ? nil : Double(index) / 10)
        }
        return DiagramOverlay(findings: findings, load: load)
    }

    @Test("the examples directory has examples to render")
    func examplesExist() {
        #expect(RenderPaths.exampleFiles.count >= 1, "no examples in \(RenderPaths.examples.path)")
    }

    @Test("Mermaid renders every example in every view", arguments: RenderPaths.exampleFiles)
    func mermaid(file: String) throws {
        let model = try loadExample(file)
        if model.flows.isEmpty {
            // Without flows there is no request to follow: the documented answer is `noFlows`.
            #expect(DiagramRenderer.render(model, options: RenderOptions(view: .sequence)) == .failure(.noFlows))
        }
        for (name, options) in Self.allOptions(model, format: .mermaid) {
            let text = try DiagramRenderer.render(model, options: options).get()
            let header = options.view == .sequence ? "sequenceDiagram" : "flowchart LR"
            #expect(text.split(separator: "\n").dropFirst().first == Substring(header), "\(file) \(name)")
            // Every component of a system view is drawn.
            if options.view == .system {
                for component in model.components {
                    #expect(text.contains(TextEscaping.mermaid(component.name)), "\(file) \(name) misses \(component.name)")
                }
            }
            // Blocks open and close in pairs.
            let opened = text.split(separator: "\n").filter { line in
                ["par ", "opt ", "loop ", "alt ", "subgraph "].contains { line.trimmingCharacters(in: .whitespaces).hasPrefix($0) }
            }.count
            let closed = text.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces) == "end" }.count
            #expect(opened == closed, "\(file) \(name): \(opened) blocks opened, \(closed) closed")
        }
    }

    @Test("Graphviz renders every example's DOT in every view without a warning", arguments: RenderPaths.exampleFiles)
    func dot(file: String) throws {
        let model = try loadExample(file)
        for (name, options) in Self.allOptions(model, format: .dot) {
            let text = try DiagramRenderer.render(model, options: options).get()
            let svg = try renderWithDot(text, "\(file) \(name)")
            #expect(svg.contains("<svg"), "\(file) \(name) produced no SVG")
        }
    }

    @Test("rendering is deterministic: the same model gives the same bytes", arguments: RenderPaths.exampleFiles)
    func deterministic(file: String) throws {
        let first = try loadExample(file)
        let second = try loadExample(file)
        for format in DiagramFormat.allCases {
            for (name, options) in Self.allOptions(first, format: format) {
                let a = try DiagramRenderer.render(first, options: options).get()
                let b = try DiagramRenderer.render(second, options: options).get()
                #expect(a == b, "\(file) \(name) \(format)")
            }
        }
    }
}
