import LintelReview

/// The review as JSON: every report with its findings, one result per location, each with its fingerprint.
/// (Text and Markdown group findings by rule; JSON and SARIF stay one result per location, for programs.)
public enum ReviewJSON {
    /// The JSON document: every report, and the counts over all of them.
    public struct Document: Sendable, Encodable {
        /// Version of this document's shape; bumped when a field changes meaning or disappears.
        public var format = 1
        public var summary: FindingCounts
        public var reports: [Report]

        public init(_ reports: [ReviewReport]) {
            summary = FindingCounts(reports)
            self.reports = reports.map(Report.init)
        }
    }

    /// One report with its findings in display order, each carrying its fingerprint.
    public struct Report: Sendable, Encodable {
        public var system: String
        public var files: [String]
        public var rules: [String]
        public var summary: FindingCounts
        public var findings: [FingerprintedFinding]

        public init(_ report: ReviewReport) {
            system = report.system
            files = report.files
            rules = report.rules
            summary = FindingCounts([report])
            findings = Finding.inDisplayOrder(report.findings).map(FingerprintedFinding.init)
        }
    }

    /// A finding encoded with its own keys plus `fingerprint`, the identity baselines match on.
    public struct FingerprintedFinding: Sendable, Encodable {
        public var finding: Finding

        public init(_ finding: Finding) { self.finding = finding }

        private enum CodingKeys: String, CodingKey { case fingerprint }

        public func encode(to encoder: any Encoder) throws {
            try finding.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(finding.fingerprint, forKey: .fingerprint)
        }
    }

    /// `reports` as one JSON document ending in a newline.
    public static func render(_ reports: [ReviewReport]) throws(JSONOutput.Failure) -> String {
        try JSONOutput.encode(Document(reports))
    }
}
