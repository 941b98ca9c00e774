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
            if let range = rangeText(field.type) { description += " Range: \(range)." }
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
        case .integer(let minimum, let maximum):
            return ["type": "integer", "minimum": minimum, "maximum": maximum]
        case .number(let minimum, let maximum):
            return ["type": "number", "minimum": minimum, "maximum": maximum]
        case .quantity(let kind, let range):
            let range = range ?? kind.defaultRange
            var text: [String: Any] = ["type": "string", "pattern": kind.pattern, "$comment": kind.acceptedForms]
            // A written quantity is a string, which `minimum`/`maximum` cannot bound: the range is
            // stated for readers and checked by the loader.
            if let range { text["$comment"] = kind.acceptedForms + "; range " + range.summary(kind) }
            guard kind == .fraction || kind == .count || kind == .cpu else { return text }
            var number: [String: Any] = ["type": "number", "minimum": range?.minimum ?? 0]
            if let range {
                number["maximum"] = range.maximum
                if range.excludesMinimum {
                    number["exclusiveMinimum"] = range.minimum
                    number["minimum"] = nil
                }
            }
            return ["anyOf": [number, text]]
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

    /// The documented range of a scalar type, as written in a model file.
    public static func rangeText(_ type: ValueType) -> String? {
        switch type {
        case .integer(let minimum, let maximum): "\(minimum)…\(maximum)"
        case .number(let minimum, let maximum): "\(UnitFormat.number(minimum))…\(UnitFormat.number(maximum))"
        case .quantity(let kind, let range): (range ?? kind.defaultRange)?.summary(kind)
        case .list(let element): rangeText(element)
        default: nil
        }
    }

    /// A default written in the spec as JSON of the field's type, when it is a plain value.
    static func typedDefault(_ text: String, for type: ValueType) -> Any? {
        switch type {
        case .integer: return Int(text)
        case .number: return Double(text)
        case .boolean: return ScalarValue.bool(text)
        case .enumeration(let values): return values.contains(text) ? text : nil
        case .quantity(let kind, _):
            guard case .success = QuantityParser.parse(text, as: kind) else { return nil }
            return text
        default: return nil
        }
    }
}
