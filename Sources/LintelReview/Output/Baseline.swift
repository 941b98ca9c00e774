import Foundation

/// A baseline file: the fingerprints of findings a team has chosen to live with for now, so that CI
/// fails only on new ones. `lintel review --write-baseline` writes it, `--baseline` applies it.
///
/// Entries are sorted by fingerprint and carry the rule, components and message for the humans who
/// read the file in a diff; only the fingerprint is matched.
public struct Baseline: Sendable, Codable, Equatable {
    /// One accepted finding.
    public struct Entry: Sendable, Codable, Equatable {
        public var fingerprint: String
        public var rule: String
        public var components: [String]
        public var flow: String?
        /// The message when the baseline was written, for readers; not matched.
        public var message: String

        public init(_ finding: Finding) {
            fingerprint = finding.fingerprint
            rule = finding.ruleID
            components = finding.components
            flow = finding.flow
            message = finding.message
        }
    }

    /// Why a baseline file could not be read.
    public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Version of the file format.
    public var version: Int
    public var findings: [Entry]

    /// What an accepted finding's `acceptance` says when a baseline accepted it.
    public static let acceptance = "baseline"

    /// Whether `acceptance` (a finding's) came from a baseline rather than the model's `accept:`.
    public static func isBaselineAcceptance(_ acceptance: String) -> Bool {
        acceptance == Self.acceptance || acceptance.hasPrefix(Self.acceptance + ":")
    }

    /// A baseline of every open finding in `reports`, one entry per fingerprint.
    public init(_ reports: [ReviewReport]) {
        var entries: [String: Entry] = [:]
        for finding in Finding.inDisplayOrder(reports.flatMap(\.open)) where entries[finding.fingerprint] == nil {
            entries[finding.fingerprint] = Entry(finding)
        }
        version = 1
        findings = entries.values.sorted { $0.fingerprint < $1.fingerprint }
    }

    /// Reads a baseline from the bytes of a file written by `lintel review --write-baseline` (LintelRender's `JSONOutput`).
    public init(data: Data) throws(ReadError) {
        do {
            self = try JSONDecoder().decode(Baseline.self, from: data)
        } catch {
            throw ReadError(message: "not a Lintel baseline file: \(Self.describe(error))")
        }
        guard version == 1 else {
            throw ReadError(message: "baseline version \(version) is not supported (this Lintel reads version 1)")
        }
    }

    /// The fingerprints in the baseline.
    public var fingerprints: Set<String> { Set(findings.map(\.fingerprint)) }

    /// `report` with each open finding whose fingerprint is in the baseline marked accepted.
    public func apply(to report: ReviewReport) -> ReviewReport {
        let known = fingerprints
        var report = report
        for index in report.findings.indices where report.findings[index].status == .open
            && known.contains(report.findings[index].fingerprint) {
            report.findings[index].status = .accepted
            report.findings[index].acceptance = Self.acceptance
        }
        return report
    }

    /// Entries that match no finding of `reports` any more: fixed risks whose entries can be deleted.
    public func unmatched(in reports: [ReviewReport]) -> [Entry] {
        let present = Set(reports.flatMap(\.findings).map(\.fingerprint))
        return findings.filter { !present.contains($0.fingerprint) }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "missing key '\(path(context.codingPath + [key]))'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at '\(path(context.codingPath))'"
        case DecodingError.dataCorrupted(let context):
            context.codingPath.isEmpty ? "invalid JSON" : "invalid value at '\(path(context.codingPath))'"
        default:
            "unreadable"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce(into: "") { path, key in
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += (path.isEmpty ? "" : ".") + key.stringValue
            }
        }
    }
}
