import Foundation
import Testing

/// "Text output of a 30-service compose file fits on two screens before details" (issue 12): the head of
/// `lintel review` — counts, "fix these first", one entry per rule — of Appwrite's 34-service compose file.
@Suite("The review's head fits two screens")
struct ReviewHeadLengthTests {
    /// Terminal rows the text takes at `columns` columns: a longer line wraps onto several rows.
    static func rows(_ lines: [Substring], columns: Int) -> Int {
        lines.reduce(0) { $0 + max(1, ($1.count + columns - 1) / columns) }
    }

    @Test("Appwrite's docker-compose.yml (34 services, 97 findings): the head before Details is at most 100 rows at 120 columns")
    func appwrite() throws {
        let directory = CLI.root.appendingPathComponent("Tests/Corpus/appwrite")
        let result = try CLI.run(["review", "docker-compose.yml", "--color", "never"], in: directory)
        #expect(result.status == 1, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let details = try #require(lines.firstIndex(of: "Details"), "no Details section: \(result.stdout)")
        let head = Array(lines[..<details])
        // Two screens of 50 rows; the details follow with every finding at its place.
        #expect(Self.rows(head, columns: 120) <= 100, "\(Self.rows(head, columns: 120)) rows:\n\(head.joined(separator: "\n"))")
        #expect(head.count <= 100)
        // Every finding is still in the details: the head groups, it does not drop.
        #expect(lines[details...].filter { $0.contains(": error: ") || $0.contains(": warning: ") || $0.contains(": info: ") }.count
                == head.first { $0.contains(" errors, ") }.map { Self.total($0) } ?? -1)
    }

    /// "26 errors, 70 warnings, 1 info; 57 rules checked." → 97.
    static func total(_ line: Substring) -> Int {
        line.split(separator: ";")[0].split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces).split(separator: " ")[0]) }.reduce(0, +)
    }
}
