/// The containers `JSONValueEncoder` hands to `encode(to:)`: each writes its members through its `JSONContainer`.
struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: JSONContainer
    var codingPath: [any CodingKey] { storage.encoder.codingPath }

    init(_ storage: JSONContainer) { self.storage = storage }

    mutating func encodeNil(forKey key: Key) throws {
        storage.member(key.stringValue) { storage.buffer.bytes.append(contentsOf: "null".utf8) }
    }

    // The types synthesized `Codable` code calls directly, written without a cast.
    mutating func encode(_ value: String, forKey key: Key) throws {
        storage.member(key.stringValue) { JSONScalar.string(value, into: &storage.buffer.bytes) }
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        storage.member(key.stringValue) { JSONScalar.double(value, into: &storage.buffer.bytes) }
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        storage.member(key.stringValue) { storage.buffer.bytes.append(contentsOf: String(value).utf8) }
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        storage.member(key.stringValue) { storage.buffer.bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try storage.member(key.stringValue) {
            try JSONValueEncoder.write(value, depth: storage.depth + 1, into: storage.buffer, parent: storage.encoder, key: key)
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        storage.deferredMember(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        storage.deferredMember(key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { storage.deferredMember(JSONIndexKey(stringValue: "super")) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { storage.deferredMember(key) }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let storage: JSONContainer
    var codingPath: [any CodingKey] { storage.encoder.codingPath }
    var count: Int { storage.count }

    init(_ storage: JSONContainer) { self.storage = storage }

    mutating func encodeNil() throws { storage.member("") { storage.buffer.bytes.append(contentsOf: "null".utf8) } }

    mutating func encode(_ value: some Encodable) throws {
        let key = JSONIndexKey(intValue: count)
        try storage.member("") {
            try JSONValueEncoder.write(value, depth: storage.depth + 1, into: storage.buffer, parent: storage.encoder, key: key)
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        storage.deferredMember(JSONIndexKey(intValue: count)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        storage.deferredMember(JSONIndexKey(intValue: count)).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { storage.deferredMember(JSONIndexKey(intValue: count)) }
}

/// A value that is one value: it takes its encoder's place and depth.
struct JSONSingleValue: SingleValueEncodingContainer {
    let encoder: JSONValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.writeNull() }

    mutating func encode(_ value: some Encodable) throws { try encoder.writeSingle(value) }
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
