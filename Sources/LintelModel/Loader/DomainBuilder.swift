/// Builds the `domain:` section: contexts, entities, fields, queries and events.
final class DomainBuilder {
    private(set) var diagnostics: [Diagnostic] = []

    func domain(_ tree: YAMLTree) -> Domain {
        let fields = FieldReader(tree)
        return Domain(contexts: (fields["contexts"]?.entries ?? []).map { context(name: $0.key, at: $0.keyLocation, $0.value) })
    }

    func context(name: String, at location: SourceLocation, _ tree: YAMLTree) -> BoundedContext {
        let fields = FieldReader(tree)
        var context = BoundedContext(name: name, location: location)
        context.description = fields.string("description")
        context.team = fields.string("team")
        context.entities = (fields["entities"]?.entries ?? []).map { entity(name: $0.key, at: $0.keyLocation, $0.value) }
        context.events = (fields["events"]?.entries ?? []).map { entry in
            let event = FieldReader(entry.value)
            return DomainEvent(name: entry.key, fields: self.fields(event["fields"]), topic: event.string("topic"), location: entry.keyLocation)
        }
        return context
    }

    func entity(name: String, at location: SourceLocation, _ tree: YAMLTree) -> Entity {
        let fields = FieldReader(tree)
        var entity = Entity(name: name, fields: self.fields(fields["fields"]), location: location)
        let key = fields.strings("key")
        if !key.isEmpty { entity.key = key }
        entity.queries = (fields["queries"]?.items ?? []).compactMap { item in
            guard item.entries != nil else { return nil }
            let query = FieldReader(item)
            return QueryPattern(by: query.strings("by"), order: query.string("order"), rate: query.rate("rate"), location: item.location)
        }
        if let node = fields["volume"], node.entries != nil {
            let volume = FieldReader(node)
            entity.volume = EntityVolume(rows: volume.count("rows"), writes: volume.rate("writes"), reads: volume.rate("reads"), rowSize: volume.size("row_size"))
        }
        entity.store = fields.string("store")
        entity.retention = fields.duration("retention")
        entity.partitionBy = fields.string("partition_by")
        return entity
    }

    /// Fields from `name: type` or `name: {type, nullable, unique, sensitive}`; unparseable types are
    /// reported by `ReferenceChecker` (it sees the raw text through `FieldType.parse`).
    func fields(_ tree: YAMLTree?) -> [Field] {
        (tree?.entries ?? []).compactMap { entry in
            let typeText: String?
            var nullable = false, unique = false, sensitive = false
            if let text = entry.value.scalar {
                typeText = text
            } else {
                let options = FieldReader(entry.value)
                typeText = options.string("type")
                nullable = options.bool("nullable") ?? false
                unique = options.bool("unique") ?? false
                sensitive = options.bool("sensitive") ?? false
            }
            guard var text = typeText?.trimmed else { return nil }
            if text.hasSuffix("?") {
                nullable = true
                text.removeLast()
            }
            guard let type = FieldType.parse(text) else {
                diagnostics.append(Diagnostic("unknown field type '\(text)' for '\(entry.key)'", at: entry.value.location,
                                              hint: "types: \(ModelSpec.fieldTypeHelp)"))
                return nil
            }
            return Field(name: entry.key, type: type, nullable: nullable, unique: unique, sensitive: sensitive, location: entry.keyLocation)
        }
    }
}

import Foundation
