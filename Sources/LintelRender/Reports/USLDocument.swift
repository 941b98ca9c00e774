import Foundation
import LintelCapacity
import LintelModel

/// Builds the document of a Universal Scalability Law fit (`lintel capacity fit`).
public enum USLDocument {
    /// A fit and the data it came from, as JSON writes it.
    public struct Data: Sendable, Codable, Equatable {
        public var alpha: Double
        public var beta: Double
        public var gamma: Double
        public var rSquared: Double
        public var peakConcurrency: Double?
        public var throughputCeiling: Double?
        public var points: [Point]
        public var formula: String

        public struct Point: Sendable, Codable, Equatable {
            public var concurrency: Double
            public var measured: Double
            public var fitted: Double
        }
    }

    public static func data(_ fit: USLFit, measurements: Measurements) -> Data {
        Data(alpha: fit.model.alpha, beta: fit.model.beta, gamma: fit.model.gamma, rSquared: fit.rSquared,
             peakConcurrency: fit.model.peakConcurrency, throughputCeiling: fit.model.throughputCeiling,
             points: zip(measurements.concurrency, measurements.throughput).map {
                 .init(concurrency: $0, measured: $1, fitted: fit.model.throughput($0))
             },
             formula: "X(N) = γN / (1 + α(N − 1) + βN(N − 1)); peak N* = √((1 − α)/β); least squares (Levenberg–Marquardt)")
    }

    public static func build(_ fit: USLFit, measurements: Measurements) -> Document {
        let doc = data(fit, measurements: measurements)
        func number(_ value: Double?, _ decimals: Int = 4) -> String {
            value.map { UnitFormat.number($0, decimals: decimals) } ?? "none (β = 0: no retrograde region)"
        }
        let figures = [
            ("α (contention)", String(format: "%.7g", doc.alpha)),
            ("β (coherency)", String(format: "%.7g", doc.beta)),
            ("γ (throughput at N = 1)", String(format: "%.7g", doc.gamma)),
            ("R²", UnitFormat.number(doc.rSquared, decimals: 5)),
            ("peak concurrency N* = √((1 − α)/β)", number(doc.peakConcurrency, 2)),
            ("throughput ceiling X(N*)", number(doc.throughputCeiling, 2)),
        ]
        let points = doc.points.map {
            [UnitFormat.number($0.concurrency), UnitFormat.number($0.measured), UnitFormat.number($0.fitted),
             UnitFormat.number($0.measured - $0.fitted)]
        }
        return Document(title: "Universal Scalability Law fit", blocks: [
            .table(Table(headers: ["figure", "value"], plainRows: figures.map { [$0.0, $0.1] }, numeric: [1])),
            .table(Table(headers: ["concurrency", "measured", "fitted", "residual"], plainRows: points, numeric: [0, 1, 2, 3],
                         rowHeaders: false)),
            .paragraph(Inline(doc.formula)),
        ])
    }
}
