/// Checks a `YAMLTree` against `ModelSpec`: types, units, ranges, unknown and missing keys.
/// Collects every problem rather than stopping at the first.
struct SpecValidator {
    private(set) var diagnostics: [Diagnostic] = []

    mutating func validate(_ tree: YAMLTree, as type: ValueType, key: String) {
        if tree.isNull { return }
        switch type {
        case .string, .componentName, .flowName:
            expectScalar(tree, key: key, what: type.summary)
        case .boolean:
            guard expectScalar(tree, key: key, what: "true or false"), let text = tree.scalar else { return }
            if ScalarValue.bool(text) == nil {
                error("'\(key)' must be true or false, not '\(text)'", at: tree.location)
            }
        case .integer(let minimum, let maximum):
            guard expectScalar(tree, key: key, what: "a whole number"), let text = tree.scalar else { return }
            guard let value = ScalarValue.int(text), (minimum...maximum).contains(value) else {
                error("'\(key)' must be a whole number between \(minimum) and \(maximum), not \(text.trimmed)", at: tree.location,
                      hint: ScalarValue.int(text) == nil ? nil : Self.rangeHint(key))
                return
            }
        case .number(let minimum, let maximum):
            guard expectScalar(tree, key: key, what: "a number"), let text = tree.scalar else { return }
            guard let value = ScalarValue.double(text), value >= minimum, value <= maximum else {
                error("'\(key)' must be a number between \(UnitFormat.number(minimum)) and \(UnitFormat.number(maximum)), not \(text.trimmed)",
                      at: tree.location, hint: ScalarValue.double(text) == nil ? nil : Self.rangeHint(key))
                return
            }
        case .quantity(let kind, let range):
            guard expectScalar(tree, key: key, what: kind.rawValue), let text = tree.scalar else { return }
            checkQuantity(text, kind: kind, range: range ?? kind.defaultRange, key: key, at: tree.location)
        case .enumeration(let values):
            guard expectScalar(tree, key: key, what: "one of \(values.joined(separator: ", "))"), let text = tree.scalar else { return }
            if !values.contains(text) {
                let hint = Suggestion.closest(to: text, in: values).map { "did you mean '\($0)'? " } ?? ""
                error("unknown value '\(text)' for '\(key)'", at: tree.location,
                      hint: hint + "expected one of: \(values.joined(separator: ", "))")
            }
        case .list(let element):
            guard let items = tree.items else {
                error("'\(key)' must be a list, found \(tree.typeDescription)", at: tree.location)
                return
            }
            for item in items { validate(item, as: element, key: key) }
        case .dictionary(let element):
            guard let entries = tree.entries else {
                error("'\(key)' must be a mapping of names, found \(tree.typeDescription)", at: tree.location)
                return
            }
            for entry in entries {
                if entry.key.trimmed.isEmpty {
                    error("a name in '\(key)' is empty", at: entry.keyLocation)
                } else if let problem = NameCheck.problem(entry.key) {
                    error("the name \(NameCheck.quoted(entry.key)) in '\(key)' \(problem)", at: entry.keyLocation,
                          hint: "names appear in reports, diagrams and terminals; use letters, digits, '-' and '_'")
                }
                if entry.value.isNull, case .object(let name) = element, ModelSpec.object(name)?.fields.contains(where: \.required) == true {
                    error("'\(entry.key)' has no settings", at: entry.keyLocation, hint: "\(name) needs at least: " +
                          (ModelSpec.object(name)?.fields.filter(\.required).map(\.key).joined(separator: ", ") ?? ""))
                    continue
                }
                validate(entry.value, as: element, key: entry.key)
            }
        case .object(let name):
            guard let spec = ModelSpec.object(name) else { return }
            validateObject(tree, spec: spec, key: key)
        case .either(let types):
            validate(tree, as: Self.pick(types, for: tree), key: key)
        }
    }

    /// The alternative of an `either` that matches the node's shape.
    static func pick(_ types: [ValueType], for tree: YAMLTree) -> ValueType {
        func matches(_ type: ValueType) -> Bool {
            switch (tree.value, type) {
            case (.mapping, .object), (.mapping, .dictionary), (.sequence, .list): return true
            case (.scalar(let text, _), .boolean): return ScalarValue.bool(text) != nil
            case (.scalar, .object), (.scalar, .dictionary), (.scalar, .list): return false
            case (.scalar, _): return true
            default: return false
            }
        }
        return types.first(where: matches) ?? types.first(where: {
            if case .boolean = $0 { return false }
            return true
        }) ?? types[0]
    }

    private mutating func validateObject(_ tree: YAMLTree, spec: ObjectSpec, key: String) {
        guard let entries = tree.entries else {
            error("'\(key)' must be a mapping (\(spec.doc.lowercased().trimmingCharacters(in: ["."])), found \(tree.typeDescription)", at: tree.location,
                  hint: "keys: " + spec.fields.map(\.key).joined(separator: ", "))
            return
        }
        for entry in entries {
            // `x-` keys are extension fields, ignored: a place for YAML anchors and tool-specific notes.
            if entry.key.hasPrefix("x-") { continue }
            guard let field = spec.field(entry.key) else {
                let hint = Suggestion.closest(to: entry.key, in: spec.fields.map(\.key)).map { "did you mean '\($0)'?" }
                    ?? "known keys: " + spec.fields.map(\.key).joined(separator: ", ")
                error("unknown key '\(entry.key)' in \(spec.name)", at: entry.keyLocation, hint: hint)
                continue
            }
            if entry.value.isNull && field.required {
                error("'\(entry.key)' needs a value", at: entry.keyLocation)
                continue
            }
            validate(entry.value, as: field.type, key: entry.key)
        }
        for field in spec.fields where field.required && tree.entry(field.key) == nil {
            error("missing required key '\(field.key)' in \(key == ModelSpec.rootName ? "the model" : "'\(key)'")", at: tree.location,
                  hint: "\(field.key): \(field.doc)")
        }
    }

    @discardableResult
    private mutating func expectScalar(_ tree: YAMLTree, key: String, what: String) -> Bool {
        guard tree.scalar != nil else {
            error("'\(key)' must be \(what), found \(tree.typeDescription)", at: tree.location)
            return false
        }
        return true
    }

    private mutating func checkQuantity(_ text: String, kind: QuantityKind, range: QuantityRange?, key: String, at location: SourceLocation) {
        if kind.requiresUnit, ScalarValue.double(text) != nil {
            error("'\(key)' needs a unit: '\(text)' is a bare number", at: location, hint: "write \(kind.acceptedForms)")
            return
        }
        switch QuantityParser.parse(text, as: kind) {
        case .failure(let failure):
            error("'\(key)': \(failure.message)", at: location, hint: "write \(kind.acceptedForms)")
        case .success(let value):
            guard let range, let base = value.baseValue, !range.contains(base) else { return }
            let percentForm = kind == .fraction && text.trimmed.hasSuffix("%") ? " (\(UnitFormat.percent(range.minimum))…\(UnitFormat.percent(range.maximum)))" : ""
            error("'\(key)' must be \(range.phrase(kind))\(percentForm), not \(text.trimmed)", at: location, hint: Self.rangeHint(key))
        }
    }

    /// Why a value outside its range is refused, pointing at the documentation of the key.
    static func rangeHint(_ key: String) -> String {
        "the range is documented in `lintel explain \(key)`; values outside it are typos, not systems"
    }

    private mutating func error(_ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.append(Diagnostic(message, at: location, hint: hint))
    }
}

/// Interpretation of scalar text shared by the validator and the builder.
enum ScalarValue {
    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }

    static func int(_ text: String) -> Int? {
        let digits = text.trimmed
        return Int(digits.contains("_") ? String(digits.filter { $0 != "_" }) : digits)
    }

    static func double(_ text: String) -> Double? {
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: ".") || first == UInt8(ascii: " ")
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
              let value = Double(text.trimmed), value.isFinite else { return nil }
        return value
    }
}

import Foundation
