import Foundation
import Testing
@testable import LintelReview
import LintelRender

/// One report per format against a checked-in file, so any change to the output is seen in review.
/// Re-record on purpose with `LINTEL_RECORD=1 swift test --filter OutputGoldenTests`.
@Suite("Golden output")
struct OutputGoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let recording = ProcessInfo.processInfo.environment["LINTEL_RECORD"] == "1"

    @Test("Each format renders the fixture report byte for byte as recorded", arguments: ReviewFormat.allCases)
    func golden(format: ReviewFormat) throws {
        let options = ReportOutput.ReviewOptions(rules: OutputFixtures.rules, toolVersion: "0.1.0")
        let text = try ReportOutput.review([OutputFixtures.report], format: format, options: options)
        let file = Self.directory.appendingPathComponent("review.\(format.rawValue)")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
            return
        }
        let recorded = try #require(try? String(contentsOf: file, encoding: .utf8),
                                    "missing \(file.path); record it with LINTEL_RECORD=1 swift test")
        #expect(text == recorded, "\(format.rawValue) output differs from \(file.lastPathComponent); if intended, re-record with LINTEL_RECORD=1 swift test")
    }
}
