import LintelModel

/// Documentation of the model file's keys, from `ModelSpec`: what `lintel explain KEY` prints.
///
/// Keys are addressed by dotted paths from the top of the file; `*` stands for a name the user
/// chooses (a component, a flow) and lists are transparent: `components.*.calls.timeout`.
public enum ModelKeyDocs {
    /// One key of the model file at one place in it.
    public struct Entry: Sendable {
        /// The dotted path from the top of the file, e.g. `components.*.calls.timeout`.
        public var path: String
        /// The object the key belongs to, e.g. `Call`.
        public var object: String
        public var field: FieldSpec
    }

    /// Every key of the model file, in the order the spec declares them, depth first.
    public static let entries: [Entry] = {
        var result: [Entry] = []
        collect(ModelSpec.rootName, prefix: [], visiting: [], into: &result)
        return result
    }()

    private static func collect(_ objectName: String, prefix: [String], visiting: Set<String>, into result: inout [Entry]) {
        guard let object = ModelSpec.object(objectName), !visiting.contains(objectName) else { return }
        for field in object.fields {
            let path = prefix + [field.key]
            result.append(Entry(path: path.joined(separator: "."), object: objectName, field: field))
            for (child, wildcard) in children(of: field.type) {
                collect(child, prefix: wildcard ? path + ["*"] : path, visiting: visiting.union([objectName]), into: &result)
            }
        }
    }

    /// The objects nested under a value of `type`, and whether a user-chosen name comes first.
    private static func children(of type: ValueType) -> [(String, Bool)] {
        switch type {
        case .object(let name): [(name, false)]
        case .list(let element): children(of: element)
        case .dictionary(let element): children(of: element).map { ($0.0, true) }
        case .either(let types): types.flatMap(children(of:))
        default: []
        }
    }

    /// The keys matching `query`: a full path (`components.*.calls.timeout`, concrete names allowed in
    /// place of `*`), or its last segments (`calls.timeout`, `timeout`). Case-insensitive.
    public static func lookup(_ query: String) -> [Entry] {
        let wanted = segments(query)
        guard !wanted.isEmpty else { return [] }
        return entries.filter { entry in
            let path = entry.path.split(separator: ".").map(String.init)
            guard path.count >= wanted.count else { return false }
            return zip(path.suffix(wanted.count), wanted).allSatisfy { pattern, segment in
                pattern == "*" || pattern.lowercased() == segment.lowercased()
            }
        }
    }

    /// The object spec named `query` (`Call`, `circuitbreaker`), if any.
    public static func object(named query: String) -> ObjectSpec? {
        ModelSpec.objects.first { $0.name.lowercased() == query.lowercased() }
    }

    /// Words `lintel explain` knows, for "did you mean": every key, every path and every object name.
    public static var vocabulary: [String] {
        var words = Set(entries.map(\.field.key))
        words.formUnion(entries.map(\.path))
        words.formUnion(ModelSpec.objects.map(\.name))
        return words.sorted()
    }

    /// The documentation of `entries` for a terminal.
    public static func text(_ entries: [Entry]) -> String {
        entries.map { entry in
            var lines = ["\(entry.path)  (\(entry.object).\(entry.field.key))", "  " + entry.field.doc,
                         "  type: " + entry.field.type.summary]
            if entry.field.required { lines.append("  required") }
            if let value = entry.field.defaultValue { lines.append("  default: " + value) }
            if case .object(let name) = entry.field.type, let object = ModelSpec.object(name) {
                lines.append("  keys: " + object.fields.map(\.key).joined(separator: ", "))
            }
            return lines.joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }

    /// The documentation of one object and its keys for a terminal.
    public static func text(_ object: ObjectSpec) -> String {
        var lines = ["\(object.name): \(object.doc)", ""]
        let width = object.fields.map(\.key.count).max() ?? 0
        for field in object.fields {
            var line = "  " + field.key + String(repeating: " ", count: width - field.key.count) + "  " + field.doc
            line += " (" + field.type.summary + (field.defaultValue.map { "; default: " + $0 } ?? "")
            line += field.required ? "; required)" : ")"
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func segments(_ query: String) -> [String] {
        var text = query.trimmingPrefix("$.")
        text = Substring(text.replacing(/\[[^\]]*\]/, with: ""))
        return text.split(separator: ".").map(String.init)
    }
}
