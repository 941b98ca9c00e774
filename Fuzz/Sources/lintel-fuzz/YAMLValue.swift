import LintelModel
import Yams

/// A YAML document as plain values the mutator can edit by path: Yams' `Node` carries marks,
/// tags and styles that a mutation would have to keep consistent.
indirect enum YAMLValue: Equatable {
    case scalar(String)
    case mapping([Pair])
    case sequence([YAMLValue])

    struct Pair: Equatable {
        var key: YAMLValue
        var value: YAMLValue
    }

    /// One step from a node to a child: a mapping's n-th key or value, a sequence's n-th item.
    enum Step: Equatable {
        case key(Int), value(Int), item(Int)
    }

    /// From the loader's tree, which expands aliases within a node budget: Yams' own `compose`
    /// expands an alias bomb without limit (the first campaign's out-of-memory was the mutator
    /// composing `Tests/.../bomb.yaml`).
    init(_ tree: YAMLTree) {
        switch tree.value {
        case .scalar(let text, _): self = .scalar(text)
        case .mapping(let entries): self = .mapping(entries.map { Pair(key: .scalar($0.key), value: YAMLValue($0.value)) })
        case .sequence(let items): self = .sequence(items.map { YAMLValue($0) })
        }
    }

    var node: Node {
        switch self {
        case .scalar(let string): .scalar(.init(string))
        case .mapping(let pairs): .mapping(.init(pairs.map { ($0.key.node, $0.value.node) }))
        case .sequence(let items): .sequence(.init(items.map(\.node)))
        }
    }

    var string: String? {
        if case .scalar(let string) = self { return string }
        return nil
    }

    /// The value of the first pair whose key is the scalar `key`.
    subscript(key: String) -> YAMLValue? {
        guard case .mapping(let pairs) = self else { return nil }
        return pairs.first { $0.key == .scalar(key) }?.value
    }

    /// Every node's path, the root's (empty) first, parents before their children.
    var paths: [[Step]] {
        var result: [[Step]] = []
        collect(prefix: [], into: &result)
        return result
    }

    private func collect(prefix: [Step], into result: inout [[Step]]) {
        result.append(prefix)
        switch self {
        case .scalar: break
        case .mapping(let pairs):
            for (i, pair) in pairs.enumerated() {
                pair.key.collect(prefix: prefix + [.key(i)], into: &result)
                pair.value.collect(prefix: prefix + [.value(i)], into: &result)
            }
        case .sequence(let items):
            for (i, item) in items.enumerated() { item.collect(prefix: prefix + [.item(i)], into: &result) }
        }
    }

    /// The node at `path`, or nil when the path does not lead anywhere.
    subscript(path path: ArraySlice<Step>) -> YAMLValue? {
        guard let step = path.first else { return self }
        switch (self, step) {
        case (.mapping(let pairs), .key(let i)) where pairs.indices.contains(i): return pairs[i].key[path: path.dropFirst()]
        case (.mapping(let pairs), .value(let i)) where pairs.indices.contains(i): return pairs[i].value[path: path.dropFirst()]
        case (.sequence(let items), .item(let i)) where items.indices.contains(i): return items[i][path: path.dropFirst()]
        default: return nil
        }
    }

    /// Replaces the node at `path` with `change(node)`; a path that leads nowhere changes nothing.
    mutating func update(_ path: ArraySlice<Step>, _ change: (inout YAMLValue) -> Void) {
        guard let step = path.first else { return change(&self) }
        switch (self, step) {
        case (.mapping(var pairs), .key(let i)) where pairs.indices.contains(i):
            pairs[i].key.update(path.dropFirst(), change)
            self = .mapping(pairs)
        case (.mapping(var pairs), .value(let i)) where pairs.indices.contains(i):
            pairs[i].value.update(path.dropFirst(), change)
            self = .mapping(pairs)
        case (.sequence(var items), .item(let i)) where items.indices.contains(i):
            items[i].update(path.dropFirst(), change)
            self = .sequence(items)
        default:
            return
        }
    }
}
