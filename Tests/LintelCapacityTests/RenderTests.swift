import Foundation
import LintelModel
import Testing
@testable import LintelCapacity

@Suite("The USL CSV reader")
struct RenderTests {

    @Test("The CSV reader takes the header in any order and locates bad cells")
    func csv() throws {
        let good = try Measurements.parseCSV("# measured\nthroughput, concurrency\n1,1\n1.8868,2\n\n3.0769,4\n", file: "m.csv").get()
        #expect(good.concurrency == [1, 2, 4])
        #expect(good.throughput == [1, 1.8868, 3.0769])
        guard case .failure(let error) = Measurements.parseCSV("concurrency,throughput\n1,1\n2,abc\n3,x\n", file: "m.csv") else {
            Issue.record("bad cells must fail")
            return
        }
        #expect(error.diagnostics.map(\.location.description) == ["m.csv:3:3", "m.csv:4:3"])
        #expect(error.diagnostics.first?.description.hasPrefix("m.csv:3:3: error: 'abc' is not a positive number") == true)
        guard case .failure(let header) = Measurements.parseCSV("n,x\n1,1\n", file: "m.csv") else {
            Issue.record("a missing header must fail")
            return
        }
        #expect(header.diagnostics.first?.location.line == 1)
    }
}
