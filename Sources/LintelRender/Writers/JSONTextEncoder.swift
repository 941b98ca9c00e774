import Foundation

/// Lintel's JSON text, written straight into bytes: keys sorted by their UTF-8 bytes, two-space pretty printing
/// with `"key" : value`, empty containers as `{` newline newline `}`, `/` unescaped, numbers as Swift prints them
/// without a trailing `.0`, and `inf`, `-inf`, `nan` as strings — the bytes Foundation's `JSONEncoder` wrote with
/// `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]` (the golden files hold both to it).
///
/// Why not `JSONEncoder`: it builds a boxed tree of the whole value before writing. A review at the model-size
/// limit (133,000 findings, 190 MB of SARIF) took 11 s and 1.15 GB that way. Here each value is turned into its
/// bytes as soon as its `encode(to:)` returns, so only the containers still open hold pieces.
struct JSONTextEncoder {
    /// `value` as JSON bytes (no trailing newline).
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        try JSONValueEncoder.bytes(of: value, depth: 0, codingPath: [])
    }
}

/// One value being encoded at an indentation depth: what its `encode(to:)` asked for (a keyed or unkeyed
/// container, or a single value), turned into bytes by `finish`.
final class JSONValueEncoder: Encoder {
    let depth: Int
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// The container or single value `encode(to:)` made; nil when it encoded nothing (written as `{}`).
    var content: JSONSlot?

    init(depth: Int, codingPath: [any CodingKey]) {
        self.depth = depth
        self.codingPath = codingPath
    }

    /// The bytes of `value` at `depth`: primitives directly, anything else through its `encode(to:)`.
    static func bytes(of value: some Encodable, depth: Int, codingPath: [any CodingKey]) throws -> [UInt8] {
        if let scalar = JSONScalar.bytes(of: value) { return scalar }
        let encoder = JSONValueEncoder(depth: depth, codingPath: codingPath)
        try value.encode(to: encoder)
        return encoder.finish()
    }

    func finish() -> [UInt8] {
        var out: [UInt8] = []
        (content ?? .container(JSONContainer(keyed: true, depth: depth))).write(to: &out)
        return out
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(JSONKeyedContainer<Key>(container(keyed: true), encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { JSONUnkeyedContainer(container(keyed: false), encoder: self) }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONSingleValue(encoder: self) }

    /// The value's container, made on first request (a type may ask again, as a superclass does).
    private func container(keyed: Bool) -> JSONContainer {
        if case .container(let existing) = content, existing.keyed == keyed { return existing }
        let made = JSONContainer(keyed: keyed, depth: depth)
        content = .container(made)
        return made
    }
}

/// A value inside a container: its finished bytes, a nested container still being filled, or an encoder
/// handed out by `superEncoder` that is filled later.
enum JSONSlot {
    case bytes([UInt8])
    case container(JSONContainer)
    case encoder(JSONValueEncoder)

    func write(to out: inout [UInt8]) {
        switch self {
        case .bytes(let bytes): out.append(contentsOf: bytes)
        case .container(let container): container.write(to: &out)
        case .encoder(let encoder): out.append(contentsOf: encoder.finish())
        }
    }
}

/// An object or array whose closing bracket is indented `depth` levels; its members one level deeper.
final class JSONContainer {
    let keyed: Bool
    let depth: Int
    var members: [(key: String, value: JSONSlot)] = []

    init(keyed: Bool, depth: Int) {
        self.keyed = keyed
        self.depth = depth
    }

    func write(to out: inout [UInt8]) {
        out.append(keyed ? UInt8(ascii: "{") : UInt8(ascii: "["))
        out.append(UInt8(ascii: "\n"))
        var entries = members
        if keyed {
            // Sorted by UTF-8 bytes; a key encoded twice keeps its last value, as a dictionary would.
            entries = members.enumerated().sorted { a, b in
                a.element.key == b.element.key ? a.offset < b.offset : a.element.key.utf8.lexicographicallyPrecedes(b.element.key.utf8)
            }.map(\.element)
            entries = entries.enumerated().filter { $0.offset + 1 == entries.count || entries[$0.offset + 1].key != $0.element.key }
                .map(\.element)
        }
        if entries.isEmpty { out.append(UInt8(ascii: "\n")) }
        for (index, entry) in entries.enumerated() {
            Self.indent(depth + 1, &out)
            if keyed {
                JSONScalar.string(entry.key, into: &out)
                out.append(contentsOf: " : ".utf8)
            }
            entry.value.write(to: &out)
            if index + 1 < entries.count { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\n"))
        }
        Self.indent(depth, &out)
        out.append(keyed ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }

    static func indent(_ depth: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: JSONContainer
    let encoder: JSONValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    init(_ storage: JSONContainer, encoder: JSONValueEncoder) {
        self.storage = storage
        self.encoder = encoder
    }

    mutating func encodeNil(forKey key: Key) throws { storage.members.append((key.stringValue, .bytes(Array("null".utf8)))) }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        let bytes = try JSONValueEncoder.bytes(of: value, depth: storage.depth + 1, codingPath: codingPath + [key])
        storage.members.append((key.stringValue, .bytes(bytes)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = nestedEncoder(key)
        return nested.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { nestedEncoder(key).unkeyedContainer() }

    mutating func superEncoder() -> any Encoder { nestedEncoder(JSONIndexKey(stringValue: "super")) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { nestedEncoder(key) }

    private func nestedEncoder(_ key: any CodingKey) -> JSONValueEncoder {
        let nested = JSONValueEncoder(depth: storage.depth + 1, codingPath: codingPath + [key])
        storage.members.append((key.stringValue, .encoder(nested)))
        return nested
    }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let storage: JSONContainer
    let encoder: JSONValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { storage.members.count }

    init(_ storage: JSONContainer, encoder: JSONValueEncoder) {
        self.storage = storage
        self.encoder = encoder
    }

    mutating func encodeNil() throws { storage.members.append(("", .bytes(Array("null".utf8)))) }

    mutating func encode(_ value: some Encodable) throws {
        let key = JSONIndexKey(intValue: count)
        let bytes = try JSONValueEncoder.bytes(of: value, depth: storage.depth + 1, codingPath: codingPath + [key])
        storage.members.append(("", .bytes(bytes)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        nestedEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { nestedEncoder().unkeyedContainer() }

    mutating func superEncoder() -> any Encoder { nestedEncoder() }

    private func nestedEncoder() -> JSONValueEncoder {
        let nested = JSONValueEncoder(depth: storage.depth + 1, codingPath: codingPath + [JSONIndexKey(intValue: count)])
        storage.members.append(("", .encoder(nested)))
        return nested
    }
}

/// A value that is one value: it takes its encoder's place and depth.
struct JSONSingleValue: SingleValueEncodingContainer {
    let encoder: JSONValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.content = .bytes(Array("null".utf8)) }

    mutating func encode(_ value: some Encodable) throws {
        encoder.content = .bytes(try JSONValueEncoder.bytes(of: value, depth: encoder.depth, codingPath: codingPath))
    }
}

struct JSONIndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}
