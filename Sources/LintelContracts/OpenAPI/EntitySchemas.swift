import LintelModel
import OpenAPIKit

/// JSON Schemas for an entity's representation, its create and patch bodies, and its page,
/// with formats and enums from the field types and one deterministic example each.
enum EntitySchemas {
    /// Items per page at most; `limit` is bounded by it and every page's `data` has it as `maxItems`.
    static let maxPageSize = 100
    static let defaultPageSize = 20

    /// The key fields of `entity` that the model does not declare (`id` by default): server-generated uuids.
    static func generatedKey(_ entity: Entity) -> [String] {
        entity.key.filter { name in !entity.fields.contains { $0.name == name } }
    }

    /// The representation returned by reads: every field, generated keys read-only.
    static func representation(_ entity: Entity) -> JSONSchema {
        var properties = OrderedDictionary<String, JSONSchema>()
        for name in generatedKey(entity) {
            properties[name] = .string(format: .uuid, permissions: .readOnly, description: "Assigned by the server.")
        }
        for field in entity.fields { properties[field.name] = schema(field) }
        return .object(title: entity.name, properties: properties, additionalProperties: .boolean(false))
    }

    /// The body of a create request: the declared fields; non-nullable ones required.
    static func input(_ entity: Entity) -> JSONSchema {
        var properties = OrderedDictionary<String, JSONSchema>()
        for field in entity.fields { properties[field.name] = schema(field) }
        return .object(title: "\(entity.name)Input", description: "The fields a client sends to create a \(entity.name).",
                       properties: properties, additionalProperties: .boolean(false))
    }

    /// A JSON Merge Patch (RFC 7396) body: any subset of the declared fields.
    static func patch(_ entity: Entity) -> JSONSchema {
        var properties = OrderedDictionary<String, JSONSchema>()
        for field in entity.fields { properties[field.name] = schema(field).optionalSchemaObject() }
        return .object(title: "\(entity.name)Patch", description: "The fields to change (JSON Merge Patch, RFC 7396).",
                       minProperties: 1, properties: properties, additionalProperties: .boolean(false))
    }

    /// A page of a collection: at most `maxPageSize` items and the cursor of the next page (null on the last).
    static func page(_ entity: Entity) -> JSONSchema {
        .object(
            title: "\(entity.name)Page",
            description: "One page of \(entity.name) items; pass next_cursor as `cursor` to get the next page.",
            properties: [
                "data": .array(maxItems: maxPageSize, items: .reference(.component(named: entity.name))),
                "next_cursor": .string(nullable: true, description: "Opaque cursor of the next page; null on the last page."),
            ],
            additionalProperties: .boolean(false))
    }

    /// The schema of one field: its type and format, enum values, nullability.
    static func schema(_ field: Field) -> JSONSchema {
        let nullable = field.nullable
        let required = !field.nullable
        let description = field.sensitive ? "Personal or payment data: log and cache with care." : nil
        switch field.type {
        case .uuid:
            return .string(format: .uuid, required: required, nullable: nullable, description: description)
        case .string, .text:
            return .string(required: required, nullable: nullable, description: description)
        case .int:
            return .integer(format: .int32, required: required, nullable: nullable, description: description)
        case .bigint:
            return .integer(format: .int64, required: required, nullable: nullable, description: description)
        case .decimal:
            // A decimal travels as a string so no client rounds it through a binary float.
            return .string(required: required, nullable: nullable,
                           description: description ?? "A decimal number as a string (no binary rounding).",
                           pattern: "^-?[0-9]+(\\.[0-9]+)?$")
        case .float:
            return .number(format: .double, required: required, nullable: nullable, description: description)
        case .bool:
            return .boolean(required: required, nullable: nullable, description: description)
        case .timestamp:
            return .string(format: .dateTime, required: required, nullable: nullable, description: description)
        case .date:
            return .string(format: .date, required: required, nullable: nullable, description: description)
        case .json:
            return .object(required: required, nullable: nullable, description: description)
        case .bytes:
            return .string(required: required, nullable: nullable, description: description, contentEncoding: .base64)
        case .enumeration(let values):
            return .string(required: required, nullable: nullable, description: description,
                           allowedValues: values.map { AnyCodable($0) })
        case .reference(let target):
            return .string(format: .uuid, required: required, nullable: nullable,
                           description: "The id of a \(target)." + (description.map { " " + $0 } ?? ""))
        }
    }

    /// A deterministic example of `entity`, read-side (with its generated key) or write-side.
    static func example(_ entity: Entity, withKey: Bool) -> AnyCodable {
        var object: [String: AnyCodable] = [:]
        if withKey {
            for name in generatedKey(entity) { object[name] = AnyCodable(exampleUUID(entity.name)) }
        }
        for field in entity.fields { object[field.name] = exampleValue(field) }
        return AnyCodable(object)
    }

    static func exampleValue(_ field: Field) -> AnyCodable {
        switch field.type {
        case .uuid: AnyCodable(exampleUUID(field.name))
        case .reference(let target): AnyCodable(exampleUUID(target))
        case .string: AnyCodable(field.name.contains("email") ? "ada@example.com" : "example \(field.name)")
        case .text: AnyCodable("Some \(field.name).")
        case .int, .bigint: AnyCodable(1)
        case .decimal: AnyCodable("19.99")
        case .float: AnyCodable(0.5)
        case .bool: AnyCodable(true)
        case .timestamp: AnyCodable("2026-01-15T09:30:00Z")
        case .date: AnyCodable("2026-01-15")
        case .json: AnyCodable([String: AnyCodable]())
        case .bytes: AnyCodable("aGVsbG8=")
        case .enumeration(let values): AnyCodable(values.first ?? "")
        }
    }

    /// A fixed, valid uuid derived from a name (FNV-1a), so examples are stable across runs.
    static func exampleUUID(_ seed: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        let digits = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        let chars = Array(digits + digits.reversed())
        func part(_ range: Range<Int>) -> String { String(chars[range]) }
        // Version 4 and variant bits set so validators accept it as a uuid.
        return "\(part(0..<8))-\(part(8..<12))-4\(part(13..<16))-a\(part(17..<20))-\(part(20..<32))"
    }
}
