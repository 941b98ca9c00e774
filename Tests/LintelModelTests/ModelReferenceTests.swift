import Foundation
import LintelModel
import Testing

@Suite("Model reference")
struct ModelReferenceTests {
    @Test("docs/model.md is the reference generated from ModelSpec, ranges included")
    func committed() throws {
        let url = Paths.repository.appendingPathComponent("docs/model.md")
        let generated = ModelReference.markdown()
        if ProcessInfo.processInfo.environment["LINTEL_RECORD"] == "1" {
            try Data(generated.utf8).write(to: url)
        }
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == generated, "docs/model.md is out of date: LINTEL_RECORD=1 swift test --filter ModelReferenceTests")
        #expect(generated.contains("| `instances` | integer 1…10000 | 1 |"))
        #expect(generated.contains("| `retries` | integer 0…20 | 0 |"))
    }
}
