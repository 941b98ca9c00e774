import Foundation

/// Builds review reports as one SARIF 2.1.0 log (encoded by LintelRender's one JSON encoder) with one run that GitHub code scanning accepts:
/// the rule catalog as `tool.driver.rules`, each finding a result with a relative location,
/// accepted findings as suppressed results.
public enum SARIFRenderer {
    /// Where users learn about the tool (SARIF `tool.driver.informationUri`).
    public static let informationURI = "https://lintel.dev"
    /// The key of Lintel's fingerprint in `partialFingerprints`; versioned so a change of identity is visible.
    public static let fingerprintKey = "lintelFingerprint/v1"

    /// The SARIF log of `reports`, before encoding.
    public static func log(_ reports: [ReviewReport], rules: [RuleDescription], toolVersion: String,
                           baseDirectory: String? = nil) -> SARIF.Log {
        var descriptors = rules.sorted { $0.id < $1.id }.map(descriptor)
        var index = Dictionary(descriptors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var results: [SARIF.Result] = []
        // One URI per file, not per finding (a review at the size limit has 133,000 findings in one file).
        var uris: [String: String] = [:]
        for report in reports {
            for finding in Finding.inDisplayOrder(report.findings) {
                let ruleIndex: Int
                if let known = index[finding.ruleID] {
                    ruleIndex = known
                } else {
                    ruleIndex = descriptors.count
                    index[finding.ruleID] = ruleIndex
                    descriptors.append(descriptor(unknown: finding))
                }
                let file = finding.location.file
                let fileURI = uris[file] ?? uri(file, baseDirectory: baseDirectory)
                uris[file] = fileURI
                results.append(result(finding, ruleIndex: ruleIndex, uri: fileURI))
            }
        }
        let driver = SARIF.Driver(name: "Lintel", version: toolVersion, semanticVersion: toolVersion,
                                  informationUri: informationURI, rules: descriptors)
        return SARIF.Log(runs: [SARIF.Run(tool: SARIF.Tool(driver: driver), results: results)])
    }

    static func descriptor(_ rule: RuleDescription) -> SARIF.ReportingDescriptor {
        let help = SARIF.Message(text: "\(rule.rationale)\n\nFix: \(rule.remedy)",
                                 markdown: "**Why it matters.** \(rule.rationale)\n\n**How to fix it.** \(rule.remedy)")
        return SARIF.ReportingDescriptor(
            id: rule.id, name: pascalCase(rule.id), shortDescription: SARIF.Message(text: rule.title),
            fullDescription: SARIF.Message(text: rule.rationale), help: help,
            defaultConfiguration: SARIF.Configuration(level: SARIF.Level(rule.severity)),
            properties: properties(rule.category, rule.severity))
    }

    /// The category as a tag; security rules also carry GitHub's `security-severity` (high, medium, low).
    static func properties(_ category: RuleCategory, _ severity: Severity) -> SARIF.RuleProperties {
        guard category == .security else { return SARIF.RuleProperties(tags: [category.rawValue]) }
        let score = switch severity {
        case .error: "8.0"
        case .warning: "5.0"
        case .info: "2.0"
        }
        return SARIF.RuleProperties(tags: [category.rawValue], securitySeverity: score)
    }

    /// A descriptor for a finding whose rule is not in the catalog, so every result still names a rule.
    static func descriptor(unknown finding: Finding) -> SARIF.ReportingDescriptor {
        SARIF.ReportingDescriptor(
            id: finding.ruleID, name: pascalCase(finding.ruleID), shortDescription: SARIF.Message(text: finding.ruleID),
            fullDescription: SARIF.Message(text: finding.ruleID), help: SARIF.Message(text: finding.remedy),
            defaultConfiguration: SARIF.Configuration(level: SARIF.Level(finding.severity)),
            properties: properties(finding.category, finding.severity))
    }

    /// The result of `finding`, located in the file whose URI is `uri` (`uri(_:baseDirectory:)`).
    static func result(_ finding: Finding, ruleIndex: Int, uri: String) -> SARIF.Result {
        let place = finding.location
        let region = place.line >= 1 ? SARIF.Region(startLine: place.line, startColumn: place.column >= 1 ? place.column : nil) : nil
        let location = SARIF.Location(physicalLocation: SARIF.PhysicalLocation(
            artifactLocation: SARIF.ArtifactLocation(uri: uri), region: region))
        var suppressions: [SARIF.Suppression]?
        if finding.status == .accepted {
            let fromBaseline = finding.acceptance.map(Baseline.isBaselineAcceptance) ?? false
            suppressions = [SARIF.Suppression(kind: fromBaseline ? .external : .inSource, justification: finding.acceptance)]
        }
        return SARIF.Result(
            ruleId: finding.ruleID, ruleIndex: ruleIndex, level: SARIF.Level(finding.severity),
            message: SARIF.Message(text: finding.message), locations: [location],
            partialFingerprints: [fingerprintKey: finding.fingerprint], suppressions: suppressions,
            properties: SARIF.ResultProperties(category: finding.category.rawValue, components: finding.components,
                                               flow: finding.flow, remedy: finding.remedy, figures: finding.figures))
    }

    /// A relative URI reference for `path`: relative to `baseDirectory` when under it, `./` removed,
    /// percent-encoded; paths outside the base stay absolute as `file://` URIs.
    static func uri(_ path: String, baseDirectory: String?) -> String {
        var path = path
        if let base = baseDirectory.map({ $0.hasSuffix("/") ? String($0.dropLast()) : $0 }), !base.isEmpty,
           path.hasPrefix(base + "/") {
            path = String(path.dropFirst(base.count + 1))
        }
        while path.hasPrefix("./") { path = String(path.dropFirst(2)) }
        let encoded = path.addingPercentEncoding(withAllowedCharacters: pathCharacters) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }

    /// RFC 3986 unreserved characters and the path separator; everything else, non-ASCII included, is encoded.
    private static let pathCharacters = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")

    /// `single-point-of-failure` → `SinglePointOfFailure`, the form SARIF suggests for `name`.
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
