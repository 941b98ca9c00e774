import Foundation
import LintelDesign
import LintelRender
import Testing

/// design.md and the ADRs parsed by a real CommonMark parser (markdown-it-py, its CommonMark preset
/// plus tables): every table parses as a table, and the system diagram is a fenced `mermaid` block.
@Suite("Design documents are valid CommonMark")
struct CommonMarkTests {
    /// Prints, per document, the number of tables, the fence languages and the headings.
    static let script = """
    import json, sys
    from markdown_it import MarkdownIt
    md = MarkdownIt("commonmark").enable("table")
    out = []
    for text in json.load(sys.stdin):
        tokens = md.parse(text)
        out.append({
            "tables": sum(1 for t in tokens if t.type == "table_open"),
            "fences": [t.info.strip() for t in tokens if t.type == "fence"],
            "headings": [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"],
            "pipes_in_paragraphs": sum(1 for t in tokens if t.type == "inline" and t.content.startswith("|")),
        })
    print(json.dumps(out))
    """

    struct Parsed: Decodable {
        var tables: Int
        var fences: [String]
        var headings: [String]
        var pipes_in_paragraphs: Int
    }

    static func parse(_ documents: [String]) throws -> [Parsed] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(try JSONEncoder().encode(documents))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 with markdown-it-py (pip install markdown-it-py): \(message)")
        return try JSONDecoder().decode([Parsed].self, from: data)
    }

    @Test("design.md has the seeds' sections, a Mermaid block and only well-formed tables", arguments: requirementSets)
    func designDocument(name: String) async throws {
        let result = try await design(name)
        let parsed = try #require(try Self.parse([result.document]).first)
        #expect(parsed.fences == ["mermaid"])
        #expect(parsed.pipes_in_paragraphs == 0, "a table that did not parse as one")
        for section in ["Architecture pattern", "System diagram", "Services and data ownership", "Event-driven design",
                        "Caching strategy", "Database architecture", "API style", "Resilience patterns", "Capacity",
                        "Availability and latency budgets", "Observability", "Scalability", "Security",
                        "Risks and mitigations", "Recommendations", "Decisions"] {
            #expect(parsed.headings.contains(section), "missing section \(section)")
        }
        #expect(parsed.tables >= 8)
    }

    @Test("every ADR has the MADR sections and its decision matrix as a table", arguments: requirementSets)
    func decisionRecords(name: String) async throws {
        let result = try await design(name)
        let records = result.files.filter { $0.path.hasPrefix("decisions/") }
        #expect(records.count == result.decisions.count)
        for (record, parsed) in zip(records, try Self.parse(records.map(\.contents))) {
            for section in ["Context and problem statement", "Decision drivers", "Considered options", "Decision outcome",
                            "Consequences", "What would change this decision"] {
                #expect(parsed.headings.contains(section), "\(record.path): missing \(section)")
            }
            #expect(parsed.tables == 1, "\(record.path)")
            #expect(parsed.pipes_in_paragraphs == 0, "\(record.path)")
        }
    }
}
