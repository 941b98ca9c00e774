import Foundation
import LintelModel
import Yams

/// Reads YAML text into located `YAMLNode` trees, applying merge keys and refusing alias bombs.
struct YAMLReader {
    /// Largest accepted input, in bytes.
    var maxBytes = 16 * 1024 * 1024
    /// Largest number of nodes one file may expand to once aliases are followed.
    var maxNodes = 500_000

    /// The documents of a YAML stream (one for compose, several for Kubernetes manifests).
    /// Parse errors become located diagnostics; documents read before the error are kept.
    func documents(text: String, file: String) -> (documents: [YAMLNode], diagnostics: [Diagnostic]) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard text.utf8.count <= maxBytes else {
            return ([], [Report.error("file is larger than \(maxBytes / (1024 * 1024)) MiB", at: start)])
        }
        var documents: [YAMLNode] = []
        var diagnostics: [Diagnostic] = []
        var budget = maxNodes
        do {
            var sequence = try Yams.compose_all(yaml: text)
            while let node = sequence.next() {
                var converter = Converter(file: file, budget: budget)
                guard let converted = converter.convert(node, depth: 0) else {
                    if let deep = converter.tooDeep {
                        diagnostics.append(Self.nestingError(at: deep))
                    } else {
                        diagnostics.append(Report.error("document expands to more than \(maxNodes) nodes (alias expansion)",
                                                      at: location(node.mark, file) ?? start,
                                                      hint: "reduce the use of anchors and aliases"))
                    }
                    return (documents, diagnostics)
                }
                diagnostics += converter.diagnostics
                budget = converter.budget
                documents.append(converted)
            }
            if let error = sequence.error { diagnostics.append(diagnostic(for: error, file: file)) }
        } catch {
            diagnostics.append(diagnostic(for: error, file: file))
        }
        return (documents, diagnostics)
    }

    /// Reads a file from disk; an unreadable file is a diagnostic.
    func documents(path: String, displayName: String? = nil) -> (documents: [YAMLNode], diagnostics: [Diagnostic]) {
        let name = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            return ([], [Report.error("cannot read file", at: SourceLocation(file: name, line: 1, column: 1))])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return ([], [Report.error("file is not UTF-8 text", at: SourceLocation(file: name, line: 1, column: 1))])
        }
        return documents(text: text, file: name)
    }

    /// Deepest nesting of mappings and lists accepted (libyaml stops at the same depth).
    static let maxDepth = 1000

    static func nestingError(at location: SourceLocation) -> Diagnostic {
        Report.error("mappings and lists nested deeper than \(maxDepth) levels", at: location,
                     hint: "a compose file or manifest nests a few levels; this input is not one")
    }

    private func location(_ mark: Mark?, _ file: String) -> SourceLocation? {
        mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
    }

    private func diagnostic(for error: Error, file: String) -> Diagnostic {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let yaml = error as? YamlError else {
            return Report.error("not valid YAML: \(error)", at: start)
        }
        switch yaml {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            // libyaml's words for its depth limit name a C function; say what it means instead.
            if problem.hasPrefix("Maximum nesting level") {
                return Self.nestingError(at: location(mark, file) ?? start)
            }
            let message = context.map { "\(problem) (\($0.text) at \($0.mark.line):\($0.mark.column))" } ?? problem
            return Report.error("not valid YAML: \(message)", at: location(mark, file) ?? start)
        case let .duplicatedKeysInMapping(duplicates, context):
            return Report.error("duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in mapping",
                              at: location(context.mark, file) ?? start)
        case let .reader(problem, _, _, _):
            return Report.error("not valid YAML: \(problem)", at: start)
        default:
            return Report.error("not valid YAML: \(yaml)", at: start)
        }
    }
}

/// Converts `Yams.Node` into `YAMLNode`, counting nodes against a budget (aliases are
/// shared subtrees in Yams, so a small file can expand exponentially when walked).
private struct Converter {
    let file: String
    var budget: Int
    var diagnostics: [Diagnostic] = []
    /// Where the conversion stopped because the tree is nested too deeply.
    var tooDeep: SourceLocation?

    init(file: String, budget: Int) {
        self.file = file
        self.budget = budget
    }

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    mutating func convert(_ node: Node, depth: Int) -> YAMLNode? {
        budget -= 1
        guard depth < YAMLReader.maxDepth else {
            tooDeep = location(node.mark)
            return nil
        }
        guard budget >= 0 else { return nil }
        let tag = node.tag.description
        switch node {
        case .scalar(let scalar):
            return YAMLNode(.scalar(scalar.string), tag: tag, plain: scalar.style == .plain || scalar.style == .any,
                            location: location(scalar.mark))
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                guard let converted = convert(item, depth: depth + 1) else { return nil }
                items.append(converted)
            }
            return YAMLNode(.sequence(items), tag: tag, location: location(sequence.mark))
        case .mapping(let mapping):
            var explicit: [YAMLEntry] = []
            var merged: [YAMLEntry] = []
            for (key, value) in mapping {
                guard let convertedKey = convert(key, depth: depth + 1), let convertedValue = convert(value, depth: depth + 1) else {
                    return nil
                }
                if isMergeKey(key) {
                    merged += mergeSources(convertedValue)
                } else {
                    explicit.append(YAMLEntry(key: convertedKey, value: convertedValue))
                }
            }
            // Explicit keys win over merged ones; among merge sources the first wins (YAML merge-key spec).
            var seen = Set(explicit.compactMap { $0.key.string })
            var entries = explicit
            for entry in merged where !seen.contains(entry.name) {
                seen.insert(entry.name)
                entries.append(entry)
            }
            return YAMLNode(.mapping(entries), tag: tag, location: location(mapping.mark))
        case .alias(let alias):
            diagnostics.append(Report.warning("unresolved alias", at: location(alias.mark)))
            return YAMLNode(.scalar(""), tag: YAMLTag.null, location: location(alias.mark))
        }
    }

    func isMergeKey(_ key: Node) -> Bool {
        guard case .scalar(let scalar) = key, scalar.string == "<<" else { return false }
        return scalar.style == .plain || scalar.style == .any || key.tag.description == YAMLTag.merge
    }

    mutating func mergeSources(_ value: YAMLNode) -> [YAMLEntry] {
        switch value.content {
        case .mapping(let entries):
            return entries
        case .sequence(let items):
            return items.flatMap { item -> [YAMLEntry] in
                if item.isMapping { return item.entries }
                diagnostics.append(Report.warning("merge key '<<' expects a mapping or a list of mappings", at: item.location))
                return []
            }
        case .scalar:
            diagnostics.append(Report.warning("merge key '<<' expects a mapping or a list of mappings", at: value.location))
            return []
        }
    }
}
