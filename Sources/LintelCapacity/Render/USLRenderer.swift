import Foundation
import LintelModel

/// Formats a USL fit as text, Markdown or JSON.
public enum USLRenderer {
    /// A fit and the data it came from, as JSON renders it.
    public struct Document: Sendable, Codable, Equatable {
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

    public static func document(_ fit: USLFit, data: Measurements) -> Document {
        Document(alpha: fit.model.alpha, beta: fit.model.beta, gamma: fit.model.gamma, rSquared: fit.rSquared,
                 peakConcurrency: fit.model.peakConcurrency, throughputCeiling: fit.model.throughputCeiling,
                 points: zip(data.concurrency, data.throughput).map { .init(concurrency: $0, measured: $1, fitted: fit.model.throughput($0)) },
                 formula: "X(N) = γN / (1 + α(N − 1) + βN(N − 1)); peak N* = √((1 − α)/β); least squares (Levenberg–Marquardt)")
    }

    public static func render(_ fit: USLFit, data: Measurements, as style: CapacityRenderer.Style) -> String {
        let doc = document(fit, data: data)
        if style == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            guard let bytes = try? encoder.encode(doc), let text = String(data: bytes, encoding: .utf8) else { return "{}\n" }
            return text + "\n"
        }
        let markdown = style == .markdown
        func number(_ value: Double?, _ decimals: Int = 4) -> String {
            value.map { UnitFormat.number($0, decimals: decimals) } ?? "none (β = 0: no retrograde region)"
        }
        var lines: [String] = []
        lines.append(markdown ? "# Universal Scalability Law fit" : "Universal Scalability Law fit")
        lines.append("")
        let figures = [
            ("α (contention)", String(format: "%.7g", doc.alpha)),
            ("β (coherency)", String(format: "%.7g", doc.beta)),
            ("γ (throughput at N = 1)", String(format: "%.7g", doc.gamma)),
            ("R²", UnitFormat.number(doc.rSquared, decimals: 5)),
            ("peak concurrency N* = √((1 − α)/β)", number(doc.peakConcurrency, 2)),
            ("throughput ceiling X(N*)", number(doc.throughputCeiling, 2)),
        ]
        let summary = Table(headers: ["figure", "value"], rows: figures.map { [$0.0, $0.1] }, numeric: [1])
        lines.append(markdown ? summary.markdown() : summary.text())
        lines.append("")
        let points = Table(headers: ["concurrency", "measured", "fitted", "residual"],
                           rows: doc.points.map {
                               [UnitFormat.number($0.concurrency), UnitFormat.number($0.measured), UnitFormat.number($0.fitted),
                                UnitFormat.number($0.measured - $0.fitted)]
                           }, numeric: [0, 1, 2, 3])
        lines.append(markdown ? points.markdown() : points.text())
        lines.append("")
        lines.append(doc.formula)
        return lines.joined(separator: "\n") + "\n"
    }
}
