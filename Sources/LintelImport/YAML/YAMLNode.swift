import Foundation
import LintelModel

/// A YAML node with its source location, detached from the parser.
///
/// Importers work on this plain value rather than on `Yams.Node` so that every value keeps
/// the file it came from (several files are merged into one tree), merge keys are already
/// applied, and the tree is `Sendable`.
struct YAMLNode: Sendable, Equatable {
    enum Content: Sendable, Equatable {
        case scalar(String)
        case mapping([YAMLEntry])
        case sequence([YAMLNode])
    }

    var content: Content
    /// The resolved tag's name: `tag:yaml.org,2002:str`, `…:null`, `…:int`, or a local tag such as `!reset`.
    var tag: String
    /// True when the scalar was written plain (unquoted, not a block scalar).
    var plain: Bool
    var location: SourceLocation
    /// The scalar's text as written, when interpolation changed it (`${DB_PASSWORD}`).
    var raw: String?

    init(_ content: Content, tag: String = "", plain: Bool = true, location: SourceLocation) {
        self.content = content
        self.tag = tag
        self.plain = plain
        self.location = location
    }

    static func scalar(_ text: String, at location: SourceLocation, plain: Bool = false) -> YAMLNode {
        YAMLNode(.scalar(text), tag: plain ? "" : YAMLTag.str, plain: plain, location: location)
    }

    /// A YAML null: `~`, `null`, an empty value.
    var isNull: Bool {
        if tag == YAMLTag.null { return true }
        if case .scalar(let text) = content, plain, tag.isEmpty || tag == YAMLTag.null {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// The text of a non-null scalar.
    var string: String? {
        guard case .scalar(let text) = content, !isNull else { return nil }
        return text
    }

    /// A boolean scalar, accepting YAML 1.1 forms (`yes`, `on`) as compose and Kubernetes do.
    var bool: Bool? {
        guard let text = string?.lowercased() else { return nil }
        switch text {
        case "true", "yes", "on", "y": return true
        case "false", "no", "off", "n": return false
        default: return nil
        }
    }

    /// An integer scalar.
    var int: Int? {
        guard let text = string?.trimmingCharacters(in: .whitespaces) else { return nil }
        return Int(text)
    }

    /// A number scalar.
    var double: Double? {
        guard let text = string?.trimmingCharacters(in: .whitespaces), let value = Double(text), value.isFinite else { return nil }
        return value
    }

    var entries: [YAMLEntry] {
        if case .mapping(let entries) = content { return entries }
        return []
    }

    var items: [YAMLNode] {
        if case .sequence(let items) = content { return items }
        return []
    }

    var isMapping: Bool { if case .mapping = content { true } else { false } }
    var isSequence: Bool { if case .sequence = content { true } else { false } }
    var isScalar: Bool { if case .scalar = content { true } else { false } }

    /// The entry whose key is `key`.
    func entry(_ key: String) -> YAMLEntry? {
        entries.first { $0.key.string == key }
    }

    /// The value under `key` in a mapping.
    subscript(key: String) -> YAMLNode? {
        entry(key)?.value
    }

    /// Follows a path of mapping keys.
    subscript(path: [String]) -> YAMLNode? {
        var node: YAMLNode? = self
        for key in path { node = node?[key] }
        return node
    }

    /// What the node is, for diagnostics: "a mapping", "a list", "a string".
    var shape: String {
        switch content {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar: isNull ? "empty" : "a scalar"
        }
    }
}

/// One `key: value` pair of a mapping, both with their locations.
struct YAMLEntry: Sendable, Equatable {
    var key: YAMLNode
    var value: YAMLNode
    /// The key's text (empty for a non-scalar key).
    var name: String { key.string ?? "" }
}

enum YAMLTag {
    static let str = "tag:yaml.org,2002:str"
    static let null = "tag:yaml.org,2002:null"
    static let merge = "tag:yaml.org,2002:merge"
}
