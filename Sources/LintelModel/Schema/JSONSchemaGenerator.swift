import Foundation

/// Generates the JSON Schema (draft 2020-12) of the model file from `ModelSpec`, with
/// descriptions and defaults, for editors (yaml-language-server) and validators.
public enum JSONSchemaGenerator {
    public static let identifier = "https://lintel.dev/schema/model-1.json"

    /// The schema as pretty-printed JSON with sorted keys (byte-stable).
    public static func json() -> String {
        let data = (try? JSONSerialization.data(withJSONObject: schema(), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The schema as a JSON object tree.
    public static func schema() -> [String: Any] {
        var definitions: [String: Any] = [:]
        for object in ModelSpec.objects where object.name != ModelSpec.rootName {
            definitions[object.name] = objectSchema(object)
        }
        var root = ModelSpec.object(ModelSpec.rootName).map(objectSchema) ?? [:]
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        root["$id"] = identifier
        root["title"] = "Lintel model"
        root["$defs"] = definitions
        return root
    }

    static func objectSchema(_ object: ObjectSpec) -> [String: Any] {
        var properties: [String: Any] = [:]
        for field in object.fields {
            var property = typeSchema(field.type)
            var description = field.doc
            if let value = field.defaultValue {
                description += " Default: \(value)."
                if let typed = typedDefault(value, for: field.type) { property["default"] = typed }
            }
            property["description"] = description
            property["markdownDescription"] = "**\(field.key)** (\(field.type.summary)): " + description
            properties[field.key] = property
        }
        var schema: [String: Any] = [
            "type": "object",
            "description": object.doc,
            "properties": properties,
            "additionalProperties": false,
            "patternProperties": ["^x-": [String: Any]()],
        ]
        let required = object.fields.filter(\.required).map(\.key)
        if !required.isEmpty { schema["required"] = required }
        return schema
    }

    static func typeSchema(_ type: ValueType) -> [String: Any] {
        switch type {
        case .string:
            return ["type": "string"]
        case .componentName:
            return ["type": "string", "minLength": 1, "$comment": "the name of a component in this model"]
        case .flowName:
            return ["type": "string", "minLength": 1, "$comment": "the name of a flow in this model"]
        case .boolean:
            return ["type": "boolean"]
        case .integer(let minimum):
            return ["type": "integer", "minimum": minimum]
        case .number(let minimum, let maximum):
            var schema: [String: Any] = ["type": "number", "minimum": minimum]
            if let maximum { schema["maximum"] = maximum }
            return schema
        case .quantity(let kind):
            let text: [String: Any] = ["type": "string", "pattern": kind.pattern, "$comment": kind.acceptedForms]
            switch kind {
            case .fraction: return ["anyOf": [["type": "number", "minimum": 0, "maximum": 1], text]]
            case .count, .cpu: return ["anyOf": [["type": "number", "minimum": 0], text]]
            default: return text
            }
        case .enumeration(let values):
            return ["enum": values]
        case .list(let element):
            return ["type": "array", "items": typeSchema(element)]
        case .dictionary(let element):
            return ["type": "object", "additionalProperties": typeSchema(element)]
        case .object(let name):
            return ["$ref": "#/$defs/\(name)"]
        case .either(let types):
            return ["anyOf": types.map(typeSchema)]
        }
    }

    /// A default written in the spec as JSON of the field's type, when it is a plain value.
    static func typedDefault(_ text: String, for type: ValueType) -> Any? {
        switch type {
        case .integer: return Int(text)
        case .number: return Double(text)
        case .boolean: return ScalarValue.bool(text)
        case .enumeration(let values): return values.contains(text) ? text : nil
        case .quantity(let kind):
            guard case .success = QuantityParser.parse(text, as: kind) else { return nil }
            return text
        default: return nil
        }
    }
}
