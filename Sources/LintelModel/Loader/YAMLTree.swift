import Yams

/// A YAML node with its source location, merge keys resolved and aliases expanded within limits.
///
/// The loader works on this tree rather than on Yams' `Node` so that every value keeps a
/// `SourceLocation`, merge keys (`<<: *base`) behave as YAML 1.1 specifies, and an alias
/// bomb is stopped by a node budget instead of exhausting memory.
public struct YAMLTree: Sendable {
    public indirect enum Value: Sendable {
        /// A scalar's text; `plain` is false for quoted and block scalars.
        case scalar(String, plain: Bool)
        case mapping([Entry])
        case sequence([YAMLTree])
    }

    public struct Entry: Sendable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: YAMLTree
    }

    public var value: Value
    public var location: SourceLocation

    /// True for `~`, `null` and empty plain scalars.
    public var isNull: Bool {
        if case .scalar(let text, let plain) = value, plain {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    public var scalar: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    public var entries: [Entry]? {
        if case .mapping(let entries) = value { return entries }
        return nil
    }

    public var items: [YAMLTree]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// The entry for `key` in a mapping.
    public func entry(_ key: String) -> Entry? {
        entries?.first { $0.key == key }
    }

    /// The value for `key` in a mapping, unless it is null.
    public subscript(key: String) -> YAMLTree? {
        guard let value = entry(key)?.value, !value.isNull else { return nil }
        return value
    }

    /// A short name of the node's type for messages: "a mapping", "a list", "a string".
    public var typeDescription: String {
        switch value {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar: isNull ? "null" : "a scalar"
        }
    }
}

/// Converts Yams nodes to `YAMLTree`, resolving merge keys and enforcing a node budget.
struct YAMLTreeBuilder {
    let file: String
    var budget: Int
    var diagnostics: [Diagnostic] = []
    var exhausted = false

    init(file: String, budget: Int) {
        self.file = file
        self.budget = budget
    }

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    mutating func build(_ node: Node) -> YAMLTree? {
        guard !exhausted else { return nil }
        budget -= 1
        if budget < 0 {
            exhausted = true
            diagnostics.append(Diagnostic(
                "document expands to too many nodes (YAML aliases nested too deeply?)",
                at: location(node.mark), hint: "Lintel limits alias expansion to protect against 'billion laughs' files"))
            return nil
        }
        switch node {
        case .scalar(let scalar):
            return YAMLTree(value: .scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any),
                            location: location(scalar.mark))
        case .alias(let alias):
            diagnostics.append(Diagnostic("unresolved alias '*\(alias.anchor.rawValue)'", at: location(alias.mark)))
            return nil
        case .sequence(let sequence):
            var items: [YAMLTree] = []
            items.reserveCapacity(sequence.count)
            for element in sequence {
                guard let item = build(element) else { if exhausted { return nil } else { continue } }
                items.append(item)
            }
            return YAMLTree(value: .sequence(items), location: location(sequence.mark))
        case .mapping(let mapping):
            var entries: [YAMLTree.Entry] = []
            var merged: [YAMLTree.Entry] = []
            entries.reserveCapacity(mapping.count)
            for (keyNode, valueNode) in mapping {
                guard case .scalar(let keyScalar) = keyNode else {
                    diagnostics.append(Diagnostic("mapping keys must be plain strings, found \(describe(keyNode))",
                                                  at: location(keyNode.mark)))
                    continue
                }
                let keyLocation = location(keyScalar.mark)
                if keyScalar.string == "<<", keyScalar.style == .plain || keyScalar.style == .any {
                    merged += mergeEntries(valueNode, at: keyLocation)
                    if exhausted { return nil }
                    continue
                }
                guard let value = build(valueNode) else { if exhausted { return nil } else { continue } }
                entries.append(YAMLTree.Entry(key: keyScalar.string, keyLocation: keyLocation, value: value))
            }
            // Explicit keys win over merged ones; among merged mappings the first listed wins.
            var seen = Set(entries.map(\.key))
            for entry in merged where !seen.contains(entry.key) {
                seen.insert(entry.key)
                entries.append(entry)
            }
            return YAMLTree(value: .mapping(entries), location: location(mapping.mark))
        }
    }

    private mutating func mergeEntries(_ node: Node, at keyLocation: SourceLocation) -> [YAMLTree.Entry] {
        let sources: [Node]
        switch node {
        case .mapping: sources = [node]
        case .sequence(let sequence): sources = Array(sequence)
        default:
            diagnostics.append(Diagnostic("a merge key '<<' needs a mapping or a list of mappings", at: keyLocation))
            return []
        }
        var result: [YAMLTree.Entry] = []
        for source in sources {
            guard case .mapping = source else {
                diagnostics.append(Diagnostic("a merge key '<<' needs a mapping or a list of mappings", at: location(source.mark)))
                continue
            }
            guard let tree = build(source), let entries = tree.entries else { return result }
            for entry in entries where !result.contains(where: { $0.key == entry.key }) {
                result.append(entry)
            }
        }
        return result
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar: "a scalar"
        case .alias: "an alias"
        }
    }
}
