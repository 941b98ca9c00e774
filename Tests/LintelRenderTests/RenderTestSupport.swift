import Foundation
import LintelModel
@testable import LintelRender
import Testing

/// Paths of the repository, its examples and this target's golden files.
enum RenderPaths {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = tests.deletingLastPathComponent().deletingLastPathComponent()
    static let examples = repository.appendingPathComponent("examples")
    static let golden = tests.appendingPathComponent("Golden")

    /// Every example model, enumerated when the tests run.
    static var exampleFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    }
}

func loadExample(_ name: String) throws -> Model {
    try ModelLoader.load(path: RenderPaths.examples.appendingPathComponent(name).path).model
}

/// Graphviz's `dot` on PATH, or a test failure that says how to install it.
func requireDot() throws -> String {
    try #require(GraphvizRunner.locate(),
                 "Graphviz's dot is not installed; these tests need it (apt-get install graphviz, brew install graphviz)")
}

/// Runs real `dot -Tsvg` and returns the SVG; records an issue when dot fails or says anything on stderr.
@discardableResult
func renderWithDot(_ source: String, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
    let executable = try requireDot()
    switch GraphvizRunner.run(source, format: "svg", executable: executable) {
    case .success(let output):
        #expect(output.warnings.isEmpty, "dot warned on \(what): \(output.warnings)", sourceLocation: sourceLocation)
        return String(decoding: output.data, as: UTF8.self)
    case .failure(let failure):
        Issue.record("dot failed on \(what): \(failure)\n\(source)", sourceLocation: sourceLocation)
        return ""
    }
}

/// Decodes Mermaid entity codes the way Mermaid does before drawing: `#name;` (HTML entity
/// names) and `#123;` (decimal code points), per the "Entity codes to escape characters"
/// section of Mermaid's flowchart and sequence diagram syntax pages.
func mermaidDecode(_ text: String) -> String {
    let named: [String: String] = ["quot": "\"", "amp": "&", "lt": "<", "gt": ">", "apos": "'", "nbsp": "\u{A0}"]
    var result = ""
    var index = text.startIndex
    while index < text.endIndex {
        if text[index] == "#", let end = text[index...].firstIndex(of: ";") {
            let code = String(text[text.index(after: index)..<end])
            if !code.isEmpty, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
                if let value = UInt32(code), let scalar = Unicode.Scalar(value) {
                    result.unicodeScalars.append(scalar)
                    index = text.index(after: end)
                    continue
                }
                if let character = named[code] {
                    result += character
                    index = text.index(after: end)
                    continue
                }
            }
        }
        result.append(text[index])
        index = text.index(after: index)
    }
    return result
}

/// Characters that end or change a Mermaid label when they appear raw: quotes, statement and
/// text separators, comment and entity starts, shape brackets, edge-label pipes, HTML and markdown.
let mermaidSpecials: Set<Character> = ["\"", "#", ";", ":", "%", "|", "{", "}", "[", "]", "(", ")", "<", ">", "&", "`"]

/// A label with its `<br/>` breaks and well-formed entity codes removed, leaving only literal text.
func mermaidLiteralText(_ label: String) -> String {
    var text = label.replacingOccurrences(of: "<br/>", with: " ")
    while let range = text.range(of: "#[A-Za-z0-9_]+;", options: .regularExpression) {
        text.removeSubrange(range)
    }
    return text
}

/// Builds components in code: `name`, kind and calls.
func component(_ name: String, _ kind: ComponentKind = .service, calls: [Call] = [], isPublic: Bool = false,
               consumers: [String] = [], context: String? = nil) -> Component {
    var component = Component(name: name, kind: kind, location: here)
    component.calls = calls
    component.isPublic = isPublic
    component.consumers = consumers
    component.context = context
    return component
}

func call(_ to: String, _ mode: CallMode = .sync, configure: (inout Call) -> Void = { _ in }) -> Call {
    var call = Call(to: to, mode: mode, location: here)
    configure(&call)
    return call
}

let here = LintelModel.SourceLocation(file: "test.yaml", line: 1, column: 1)
