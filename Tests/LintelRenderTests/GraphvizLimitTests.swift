import Foundation
import LintelModel
@testable import LintelRender
import Testing

/// Graphviz's layout grows superlinearly (2,000 components: 20 s; 10,000: many minutes), so Lintel never
/// waits on it without bound: `dot` is stopped at a deadline, and the report page does not draw a system
/// too large to read.
@Suite("Graphviz within limits")
struct GraphvizLimitTests {
    @Test("a dot that does not finish is killed at the deadline and reported as timed out, not as a crash")
    func timeout() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lintel-slow-dot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // A stand-in for dot on a graph too large to lay out: it never finishes on its own.
        let slow = directory.appendingPathComponent("dot")
        try Data("#!/bin/sh\nexec sleep 600\n".utf8).write(to: slow)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: slow.path)
        let result = GraphvizRunner.run("digraph { a -> b }", executable: slow.path, timeout: 1)
        #expect(result == .failure(.timedOut(seconds: 1)))
        #expect(GraphvizRunner.Failure.timedOut(seconds: 1).description.contains("--view context"))
    }

    @Test("a dot that fails on its own is still a failure with its status, not a timeout")
    func failure() throws {
        let result = GraphvizRunner.run("digraph { a -> b }", executable: "/bin/false", timeout: 5)
        #expect(result == .failure(.failed(status: 1, stderr: "")))
    }

    @Test("the report page does not draw a system above 1,000 components, and says why; at 1,000 it tries")
    func pageLimit() throws {
        func model(_ count: Int) throws -> Model {
            let lines = (0..<count).map { "  c\($0): { kind: service }" }.joined(separator: "\n")
            return try ModelLoader.load(text: "lintel: 1\nsystem: big\ncomponents:\n" + lines + "\n").model
        }
        guard case .failure(let problem) = DiagramFigure.svg(try model(1_001), overlay: DiagramOverlay(), dot: nil) else {
            Issue.record("a system of 1,001 components was drawn")
            return
        }
        #expect(problem.message.hasPrefix("a system of 1001 components is too large to draw on the page (at most 1000)"))
        // At the limit it goes on to Graphviz (absent here, so the page says how to install it).
        guard case .failure(let missing) = DiagramFigure.svg(try model(1_000), overlay: DiagramOverlay(), dot: nil) else { return }
        #expect(missing.message == GraphvizRunner.Failure.notInstalled.description)
    }
}
