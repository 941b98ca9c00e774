import Foundation
import Testing

/// Every input a fuzzing campaign once crashed on (`Fuzz/regressions/`, docs/fuzzing.md) through the
/// CLI path, as a user would give it: each command ends with a result (0, or 1 for review findings)
/// or a clean located diagnostic (2), never a trap or a signal.
@Suite("Fuzz regressions through the CLI")
struct FuzzRegressionTests {
    static let folder = CLI.root.appendingPathComponent("Fuzz/regressions")

    static var inputs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }.sorted()
    }

    @Test("the regression folder holds the inputs the campaigns found")
    func folderIsThere() {
        #expect(Self.inputs.contains("flows-without-components.yaml"))
    }

    @Test("check, review, capacity, render and a short simulate end cleanly on every regression input", arguments: inputs)
    func cleanly(_ name: String) throws {
        let path = "Fuzz/regressions/" + name
        for command in [["check"], ["review"], ["capacity"], ["render"], ["simulate", "--duration", "1s"]] {
            let result = try CLI.run(command + [path])
            #expect([0, 1, 2].contains(result.status), "\(command) \(name): status \(result.status)\n\(result.stderr.prefix(600))")
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Crash"), "\(command) \(name)")
            if result.status == 2 {
                // A clean diagnostic is located in the input: path:line:col: error: …
                #expect(result.stderr.contains(path + ":") && result.stderr.contains(": error: "), "\(command) \(name): \(result.stderr.prefix(600))")
            }
        }
    }

    @Test("a model with flows but no components is refused at its flows section by every command")
    func flowsWithoutComponents() throws {
        for command in [["check"], ["review"], ["capacity"], ["simulate", "--duration", "1s"]] {
            let result = try CLI.run(command + ["Fuzz/regressions/flows-without-components.yaml"])
            #expect(result.status == 2)
            let line = result.stderr.split(separator: "\n").first { $0.hasPrefix("Fuzz/regressions/flows-without-components.yaml:4:") }
            #expect(line?.hasSuffix("error: 'flows' names components, but the model has no 'components'") == true, "\(command): \(result.stderr)")
        }
    }
}
