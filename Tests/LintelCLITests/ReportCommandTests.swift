import Foundation
import Testing

/// `lintel report`, and `-o`/`--force` on capacity and simulate, run as the built binary.
@Suite("lintel report and report files")
struct ReportCommandTests {
    static let example = "examples/order-system.yaml"

    @Test("report writes one self-contained page with -o, refuses to overwrite without --force, and is byte-stable")
    func report() throws {
        let directory = try CLI.temporaryDirectory()
        let target = directory.appendingPathComponent("report.html").path
        let arguments = ["report", Self.example, "--scenario", "payment-outage", "--today", "2026-11-20", "-o", target]
        let first = try CLI.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.isEmpty)
        let html = try String(contentsOfFile: target, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for id in ["summary", "diagram", "findings", "capacity", "budgets", "simulation", "requirements"] {
            #expect(html.contains("<section id=\"\(id)\">"), "section \(id)")
        }
        // Nothing to fetch: no scripts, no sources, no links or CSS urls (the SVG namespaces are names, not fetches).
        for reference in ["<script", "src=", "href=\"http", "url(", "@import"] { #expect(!html.contains(reference), "\(reference)") }
        let again = try CLI.run(arguments)
        #expect(again.status == 2 && again.stderr.contains("file exists; pass --force"))
        #expect(try CLI.run(arguments + ["--force"]).status == 0)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == html)
    }

    @Test("report rejects a scenario no model has, naming the ones there are")
    func unknownScenario() throws {
        let result = try CLI.run(["report", Self.example, "--scenario", "nope"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no model has a scenario 'nope'; available: black-friday, payment-outage"))
        #expect(result.stdout.isEmpty)
    }

    @Test("capacity and simulate write -o files like review, and only replace them with --force")
    func outputFiles() throws {
        let directory = try CLI.temporaryDirectory()
        for (command, extra) in [("capacity", [String]()), ("simulate", ["--duration", "5s"])] {
            let target = directory.appendingPathComponent("\(command).md").path
            let arguments = [command, Self.example, "--format", "markdown", "-o", target] + extra
            let first = try CLI.run(arguments)
            #expect(first.status == 0 && first.stdout.isEmpty, "\(command): \(first.stderr)")
            let text = try String(contentsOfFile: target, encoding: .utf8)
            #expect(text == (try CLI.run(Array(arguments.dropLast(2 + extra.count)) + extra)).stdout, "\(command): file and stdout agree")
            let refused = try CLI.run(arguments)
            #expect(refused.status == 2 && refused.stderr.contains("pass --force"), "\(command)")
            #expect(try CLI.run(arguments + ["--force"]).status == 0, "\(command)")
        }
    }
}
