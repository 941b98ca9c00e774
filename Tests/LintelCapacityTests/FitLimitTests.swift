import LintelCapacity
import LintelModel
import Testing

/// `capacity fit` input limits: located column errors, a row limit, and a fit that is finite or refused.
@Suite("USL fit limits")
struct FitLimitTests {
    @Test("a row with fewer or more columns than the header is a located error")
    func columns() throws {
        let result = Measurements.parseCSV("concurrency,throughput,note\n1,10,a\n2,20\n4,40,b,c\n8,70,d\n", file: "m.csv")
        guard case .failure(let error) = result else { Issue.record("accepted"); return }
        #expect(error.diagnostics.map(\.description) == [
            "m.csv:3:1: error: expected 3 columns as in the header, found 2",
            "m.csv:4:1: error: expected 3 columns as in the header, found 4",
        ])
    }

    @Test("more than 100,000 rows are refused at the first row past the limit")
    func rows() throws {
        var text = "concurrency,throughput\n"
        for n in 1...(Measurements.maximumRows + 1) { text += "\(n),\(n)\n" }
        guard case .failure(let error) = Measurements.parseCSV(text, file: "m.csv") else { Issue.record("accepted"); return }
        #expect(error.diagnostics.first?.description == "m.csv:\(Measurements.maximumRows + 2):1: error: more than 100000 rows\nm.csv:\(Measurements.maximumRows + 2):1: note: a USL fit needs a few dozen (concurrency, throughput) rows")
    }

    @Test("a fit of extreme but finite measurements has finite parameters or is refused with a reason", arguments: [
        [(1.0, 1e-300), (2, 2e-300), (4, 4e-300), (8, 8e-300)],
        [(1.0, 1e300), (1e10, 1e300), (1e20, 1e300), (1e30, 1e300)],
        [(1.0, 1.0), (2, 1e-200), (3, 1e200), (4, 1)],
    ])
    func extreme(_ points: [(Double, Double)]) {
        do {
            let fit = try USL.fit(concurrency: points.map(\.0), throughput: points.map(\.1))
            #expect(fit.model.alpha.isFinite && fit.model.beta.isFinite && fit.model.gamma.isFinite && fit.rSquared.isFinite)
            #expect(fit.model.gamma > 0)
        } catch {
            #expect(!error.description.isEmpty)
        }
    }
}
