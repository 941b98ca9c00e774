/// Stable, collision-free diagram identifiers for arbitrary names.
///
/// An identifier is a prefix plus the name with every character outside `[A-Za-z0-9]`
/// turned into `_` (runs collapsed). Names that sanitise alike get `_2`, `_3`, … in the
/// order they are registered (file order), skipping any identifier already taken, so
/// the same model always yields the same identifiers. The prefix keeps identifiers clear
/// of both languages' keywords (`end`, `graph`, `subgraph`, `node`, `edge`, …).
struct DiagramIdentifiers {
    private(set) var byName: [String: String] = [:]
    private var taken: Set<String> = []
    let prefix: String

    init(prefix: String) {
        self.prefix = prefix
    }

    /// Registers `names` in order.
    init<Names: Sequence>(prefix: String, names: Names) where Names.Element == String {
        self.init(prefix: prefix)
        for name in names { register(name) }
    }

    /// Reserves an identifier that names never receive (a fixed node such as `x_internet`).
    mutating func reserve(_ identifier: String) {
        taken.insert(identifier)
    }

    /// The identifier of `name`, registering it when new.
    @discardableResult
    mutating func register(_ name: String) -> String {
        if let existing = byName[name] { return existing }
        let base = prefix + Self.sanitise(name)
        var candidate = base
        var suffix = 2
        while taken.contains(candidate) {
            candidate = "\(base)_\(suffix)"
            suffix += 1
        }
        taken.insert(candidate)
        byName[name] = candidate
        return candidate
    }

    /// The identifier of a registered name; a sanitised fallback for names never registered.
    func id(_ name: String) -> String {
        byName[name] ?? prefix + Self.sanitise(name)
    }

    static func sanitise(_ name: String) -> String {
        var result = ""
        var lastWasUnderscore = false
        for scalar in name.unicodeScalars {
            let isAlphanumeric = scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar))
            if isAlphanumeric {
                result.unicodeScalars.append(scalar)
                lastWasUnderscore = false
            } else if !lastWasUnderscore {
                result.append("_")
                lastWasUnderscore = true
            }
        }
        return result.isEmpty ? "_" : result
    }
}
