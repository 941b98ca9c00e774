/// The shape of a value in the model file. One description drives the loader's checks,
/// the JSON Schema, and `lintel explain`, so the three cannot disagree.
public indirect enum ValueType: Sendable {
    case string
    case boolean
    /// A whole number in `minimum…maximum` (both written in the spec; no count is unbounded).
    case integer(minimum: Int, maximum: Int)
    case number(minimum: Double, maximum: Double)
    /// A quantity with a unit; `range` narrows the kind's default range (`QuantityKind.defaultRange`).
    case quantity(QuantityKind, range: QuantityRange? = nil)
    case enumeration([String])
    case list(ValueType)
    /// A mapping with free keys (names chosen by the user) and values of one type.
    case dictionary(ValueType)
    /// A mapping with the fields of a named `ObjectSpec`.
    case object(String)
    /// Any of several forms (a shorthand and a full form).
    case either([ValueType])
    /// The name of a component of this model.
    case componentName
    /// The name of a flow of this model.
    case flowName

    /// How the type reads in documentation.
    public var summary: String {
        switch self {
        case .string: "string"
        case .boolean: "boolean"
        case .integer(let minimum, let maximum): "integer \(minimum)…\(maximum)"
        case .number(let minimum, let maximum): "number \(UnitFormat.number(minimum))…\(UnitFormat.number(maximum))"
        case .quantity(let kind, let range): kind.rawValue + ((range ?? kind.defaultRange).map { " " + $0.summary(kind) } ?? "")
        case .enumeration(let values): values.joined(separator: " | ")
        case .list(let element): "list of \(element.summary)"
        case .dictionary(let element): "mapping of name → \(element.summary)"
        case .object(let name): name
        case .either(let types): types.map(\.summary).joined(separator: " or ")
        case .componentName: "component name"
        case .flowName: "flow name"
        }
    }
}

/// One key of an object in the model file.
public struct FieldSpec: Sendable {
    public var key: String
    public var type: ValueType
    public var doc: String
    /// The default as it would be written in the file, or a sentence ("per kind").
    public var defaultValue: String?
    public var required: Bool

    public init(_ key: String, _ type: ValueType, _ doc: String, default defaultValue: String? = nil, required: Bool = false) {
        self.key = key
        self.type = type
        self.doc = doc
        self.defaultValue = defaultValue
        self.required = required
    }
}

/// An object of the model file: its keys, documented.
public struct ObjectSpec: Sendable {
    public var name: String
    public var doc: String
    public var fields: [FieldSpec]

    public init(_ name: String, _ doc: String, _ fields: [FieldSpec]) {
        self.name = name
        self.doc = doc
        self.fields = fields
    }

    public func field(_ key: String) -> FieldSpec? { fields.first { $0.key == key } }
}
