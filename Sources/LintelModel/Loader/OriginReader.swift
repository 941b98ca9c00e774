/// Reads the provenance an importer writes into a model (`origin:` at the top and per component),
/// so a model saved by `lintel import` is reviewed exactly as the deployment files it came from:
/// same unknowns, findings located at the original lines.
enum OriginReader {
    /// `file:line:col` → a location; the file may itself contain colons (the last two fields are numbers).
    static func location(_ text: String) -> SourceLocation? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]),
              line >= 1, column >= 1 else { return nil }
        let file = parts.dropLast(2).joined(separator: ":")
        return file.isEmpty ? nil : SourceLocation(file: file, line: line, column: column)
    }

    /// The model's origin from `origin: { format, files, unknowns, at }`; `nil` when absent.
    static func origin(_ tree: YAMLTree?) -> (origin: Origin, location: SourceLocation?)? {
        guard let tree, tree.entries != nil else { return nil }
        let fields = FieldReader(tree)
        let origin = Origin(format: fields.enumeration("format") ?? .lintel, files: fields.strings("files"), unknowns: fields.strings("unknowns"))
        return (origin, fields.string("at").flatMap(location))
    }

    /// Applies a component's `origin: { at, keys }`: its declaration, every key's location, and the
    /// locations of its variables (`env.NAME`), calls (`calls.N`) and volumes (`volumes.N`).
    static func apply(_ tree: YAMLTree?, to component: inout Component) {
        guard let tree, tree.entries != nil else { return }
        let fields = FieldReader(tree)
        if let at = fields.string("at").flatMap(location) { component.location = at }
        guard let keys = fields["keys"]?.entries else { return }
        var keyLocations: [String: SourceLocation] = [:]
        for entry in keys {
            guard let at = entry.value.scalar.flatMap(location) else { continue }
            let parts = entry.key.split(separator: ".", maxSplits: 1).map(String.init)
            switch (parts.first, parts.count == 2 ? parts[1] : nil) {
            case ("env", let name?):
                for index in component.env.indices where component.env[index].name == name { component.env[index].location = at }
            case ("calls", let position?):
                if let index = Int(position), component.calls.indices.contains(index) {
                    component.calls[index].location = at
                    component.calls[index].keyLocations = ["to": at]
                }
            case ("volumes", let position?):
                if let index = Int(position), component.volumes.indices.contains(index) { component.volumes[index].location = at }
            default:
                keyLocations[entry.key] = at
            }
        }
        component.keyLocations = keyLocations
    }
}
