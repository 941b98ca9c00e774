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
    /// The node's explicit tag as libyaml resolved it (`!reset`, `tag:yaml.org,2002:str`), nil when none
    /// was written. Models ignore tags; compose files use `!reset` and `!override`.
    public var tag: String?

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
