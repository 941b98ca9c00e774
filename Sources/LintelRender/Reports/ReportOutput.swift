import LintelCapacity
import LintelDesign
import LintelReview
import LintelSimulation

/// The output formats of `lintel capacity` and `lintel simulate`: the document formats, plus JSON of the report itself.
public enum ReportFormat: String, Sendable, CaseIterable, Codable {
    case text, markdown, html, json

    /// The document format, or nil for JSON (the report value, not its document).
    public var document: DocumentFormat? {
        switch self {
        case .text: .text
        case .markdown: .markdown
        case .html: .html
        case .json: nil
        }
    }
}

/// The output formats of `lintel review`: the document formats, JSON and SARIF (both one result per location).
public enum ReviewFormat: String, Sendable, CaseIterable, Codable {
    case text, markdown, html, json, sarif

    public var document: DocumentFormat? {
        switch self {
        case .text: .text
        case .markdown: .markdown
        case .html: .html
        case .json, .sarif: nil
        }
    }
}

/// Every report in every format: engines' reports go through a builder to a document, then one writer; JSON goes
/// through the one encoder. Throws only when JSON encoding fails.
public enum ReportOutput {
    public static func capacity(_ report: CapacityReport, format: ReportFormat, color: Bool = false) throws(JSONOutput.Failure) -> String {
        guard let document = format.document else { return try JSONOutput.encode(report) }
        return document.writer(color: color).write(CapacityDocument.build(report))
    }

    public static func simulation(_ report: SimulationReport, format: ReportFormat, color: Bool = false) throws(JSONOutput.Failure) -> String {
        guard let document = format.document else { return try SimulationDocument.json(report) }
        return document.writer(color: color).write(SimulationDocument.build(report))
    }

    /// `lintel design` without -o: design.md in any document format, or the whole result as JSON.
    public static func design(_ result: DesignResult, format: ReportFormat, color: Bool = false) throws(JSONOutput.Failure) -> String {
        guard let document = format.document else { return try JSONOutput.encode(result) }
        return document.writer(color: color).write(DesignDocument.build(result))
    }

    public static func usl(_ fit: USLFit, measurements: Measurements, format: ReportFormat, color: Bool = false) throws(JSONOutput.Failure) -> String {
        guard let document = format.document else { return try JSONOutput.encode(USLDocument.data(fit, measurements: measurements)) }
        return document.writer(color: color).write(USLDocument.build(fit, measurements: measurements))
    }

    /// What a review needs besides the reports.
    public struct ReviewOptions: Sendable {
        public var document: ReviewDocument.Options
        public var color: Bool
        /// The rule catalog, for SARIF rule metadata.
        public var rules: [RuleDescription]
        /// The tool version written into SARIF.
        public var toolVersion: String
        /// Directory that SARIF locations are made relative to (the repository root); nil keeps paths as given.
        public var baseDirectory: String?

        public init(rules: [RuleDescription] = [], criticalFlows: [String: [String]] = [:], grouping: ReviewDocument.Grouping = .rule,
                    color: Bool = false, toolVersion: String = "0.0.0", baseDirectory: String? = nil) {
            self.document = ReviewDocument.Options(rules: rules, criticalFlows: criticalFlows, grouping: grouping)
            self.color = color
            self.rules = rules
            self.toolVersion = toolVersion
            self.baseDirectory = baseDirectory
        }
    }

    public static func review(_ reports: [ReviewReport], format: ReviewFormat, options: ReviewOptions = ReviewOptions()) throws(JSONOutput.Failure) -> String {
        switch format {
        case .text, .markdown, .html:
            let writer = (format.document ?? .text).writer(color: options.color)
            return writer.write(ReviewDocument.build(reports, options: options.document))
        case .json:
            return try ReviewJSON.render(reports)
        case .sarif:
            return try JSONOutput.encode(SARIFRenderer.log(reports, rules: options.rules, toolVersion: options.toolVersion,
                                                           baseDirectory: options.baseDirectory))
        }
    }
}
