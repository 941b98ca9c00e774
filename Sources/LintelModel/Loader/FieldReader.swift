/// Typed access to the keys of one mapping that has already passed `SpecValidator`;
/// values that failed validation read as `nil` (their problem is already reported).
struct FieldReader {
    let tree: YAMLTree

    init(_ tree: YAMLTree) { self.tree = tree }

    subscript(key: String) -> YAMLTree? { tree[key] }

    func location(_ key: String) -> SourceLocation? { tree.entry(key)?.keyLocation }

    /// Where the value of `key` starts (for references, where the misspelt name is).
    func valueLocation(_ key: String) -> SourceLocation? { tree.entry(key)?.value.location }

    /// Locations of every key present, by key.
    var keyLocations: [String: SourceLocation] {
        var result: [String: SourceLocation] = [:]
        for entry in tree.entries ?? [] { result[entry.key] = entry.keyLocation }
        return result
    }

    func string(_ key: String) -> String? { tree[key]?.scalar }

    func bool(_ key: String) -> Bool? { tree[key]?.scalar.flatMap(ScalarValue.bool) }

    func int(_ key: String) -> Int? { tree[key]?.scalar.flatMap(ScalarValue.int) }

    func double(_ key: String) -> Double? { tree[key]?.scalar.flatMap(ScalarValue.double) }

    func strings(_ key: String) -> [String] {
        guard let node = tree[key] else { return [] }
        if let items = node.items { return items.compactMap(\.scalar) }
        return node.scalar.map { [$0] } ?? []
    }

    func enumeration<T: RawRepresentable>(_ key: String, _: T.Type = T.self) -> T? where T.RawValue == String {
        string(key).flatMap(T.init(rawValue:))
    }

    func quantity(_ key: String, _ kind: QuantityKind) -> QuantityValue? {
        guard let text = string(key), !kind.requiresUnit || ScalarValue.double(text) == nil else { return nil }
        return try? QuantityParser.parse(text, as: kind).get()
    }

    func duration(_ key: String) -> TimeSpan? {
        if case .duration(let value)? = quantity(key, .duration), value.seconds >= 0 { return value }
        return nil
    }

    func rate(_ key: String) -> Rate? {
        if case .rate(let value)? = quantity(key, .rate), value.perSecond >= 0 { return value }
        return nil
    }

    func size(_ key: String) -> DataSize? {
        if case .size(let value)? = quantity(key, .size), value.bytes > 0 { return value }
        return nil
    }

    func dataGrowth(_ key: String) -> DataGrowth? {
        if case .dataGrowth(let value)? = quantity(key, .dataGrowth) { return value }
        return nil
    }

    func growth(_ key: String) -> Growth? {
        if case .growth(let value)? = quantity(key, .growth) { return value }
        return nil
    }

    /// A percentage or fraction as a fraction in 0…1.
    func fraction(_ key: String, kind: QuantityKind = .fraction) -> Double? {
        if case .fraction(let value)? = quantity(key, kind), (0...1).contains(value) { return value }
        return nil
    }

    func multiplier(_ key: String) -> Double? {
        if case .multiplier(let value)? = quantity(key, .multiplier), value > 0 { return value }
        return nil
    }

    func count(_ key: String, kind: QuantityKind = .count) -> Double? {
        if case .count(let value)? = quantity(key, kind), value >= 0 { return value }
        return nil
    }

    func money(_ key: String) -> Money? {
        if case .money(let value)? = quantity(key, .money) { return value }
        return nil
    }

    func date(_ key: String) -> CalendarDate? {
        if case .date(let value)? = quantity(key, .date) { return value }
        return nil
    }
}
