import Foundation

/// Lintel's JSON text, written straight into bytes: keys sorted by their UTF-8 bytes, two-space pretty printing
/// with `"key" : value`, empty containers as `{` newline newline `}`, `/` unescaped, numbers as Swift prints them
/// without a trailing `.0`, and `inf`, `-inf`, `nan` as strings — the bytes Foundation's `JSONEncoder` writes with
/// `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]` (`JSONTextEncoderTests` holds the two together).
///
/// Why not `JSONEncoder`: it builds a boxed tree of the whole value before writing. A review at the model-size
/// limit (133,000 findings, 190 MB of SARIF) took 11 s and 1.15 GB that way. Here every value is written into one
/// buffer as it is encoded; an object's members are put in key order when the object is finished.
struct JSONTextEncoder {
    /// `value` as JSON bytes (no trailing newline).
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let buffer = JSONBuffer()
        try JSONValueEncoder.write(value, depth: 0, into: buffer, parent: nil, key: nil)
        return buffer.bytes
    }
}

/// The bytes being written, shared by every encoder of one value (and its own for a container that is
/// filled later, see `JSONValueEncoder.deferred`).
final class JSONBuffer {
    // Unchecked: only the encoder of one value touches it, from one thread (dynamic exclusivity checks on every
    // append were measurable).
    @exclusivity(unchecked) var bytes: [UInt8] = []
    /// Reused by every small object's rewrite (`JSONContainer.rewriteThroughCopy`), so it allocates once.
    @exclusivity(unchecked) var scratch: [UInt8] = []
}

/// One value being encoded at an indentation depth: a keyed or unkeyed container, or a single value.
final class JSONValueEncoder: Encoder {
    let depth: Int
    let buffer: JSONBuffer
    /// Where the value sits, for `codingPath` (built only when asked: almost no encoder asks).
    let parent: JSONValueEncoder?
    let key: (any CodingKey)?
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// The container `encode(to:)` asked for, closed by `finish`.
    private var container: JSONContainer?
    /// True once a single value was written.
    private var wroteValue = false

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var node: JSONValueEncoder? = self
        while let current = node, let key = current.key {
            path.append(key)
            node = current.parent
        }
        return path.reversed()
    }

    init(depth: Int, buffer: JSONBuffer, parent: JSONValueEncoder?, key: (any CodingKey)?) {
        self.depth = depth
        self.buffer = buffer
        self.parent = parent
        self.key = key
    }

    /// Writes `value` at the end of `buffer`: scalars directly, anything else through its `encode(to:)`.
    static func write(_ value: some Encodable, depth: Int, into buffer: JSONBuffer, parent: JSONValueEncoder?, key: (any CodingKey)?) throws {
        if JSONScalar.write(value, into: &buffer.bytes) { return }
        let encoder = JSONValueEncoder(depth: depth, buffer: buffer, parent: parent, key: key)
        try value.encode(to: encoder)
        encoder.finish()
    }

    /// Closes what `encode(to:)` opened; a value that encoded nothing is an empty object, as in Foundation.
    func finish() {
        if let container {
            container.close()
            // The container refers back to this encoder: let both go.
            self.container = nil
        } else if !wroteValue {
            JSONContainer(keyed: true, encoder: self).close()
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(JSONKeyedContainer<Key>(open(keyed: true)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { JSONUnkeyedContainer(open(keyed: false)) }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONSingleValue(encoder: self) }

    /// The value's container, opened on first request (a subclass and its superclass share one).
    private func open(keyed: Bool) -> JSONContainer {
        if let container, container.keyed == keyed { return container }
        let made = JSONContainer(keyed: keyed, encoder: self)
        container = made
        return made
    }

    /// Writes a single value in this encoder's place.
    func writeSingle(_ value: some Encodable) throws {
        wroteValue = true
        try Self.write(value, depth: depth, into: buffer, parent: parent, key: key)
    }

    func writeNull() {
        wroteValue = true
        buffer.bytes.append(contentsOf: "null".utf8)
    }

    /// An encoder for a member whose container is handed out now and filled later (`nestedContainer`,
    /// `superEncoder`): it writes into its own buffer, spliced in when the parent closes.
    func deferred(depth: Int, key: any CodingKey) -> JSONValueEncoder {
        JSONValueEncoder(depth: depth, buffer: JSONBuffer(), parent: self, key: key)
    }
}

/// An object or array being written at the end of its encoder's buffer: the opening bracket at once, then
/// each member on its own line as it comes, commas between. `close` puts an object's members in key order (the
/// order they came in is the declaration order) and adds the closing bracket.
final class JSONContainer {
    let keyed: Bool
    let encoder: JSONValueEncoder
    /// Where the first member starts in the buffer (after the opening bracket's line).
    private let start: Int
    /// Each member's key (empty in an array), its range in the buffer (without the comma), or the encoder
    /// it waits for.
    private var members: [(key: String, range: Range<Int>, deferred: JSONValueEncoder?)] = []
    private var hasDeferred = false

    var depth: Int { encoder.depth }
    var buffer: JSONBuffer { encoder.buffer }
    var count: Int { members.count }

    init(keyed: Bool, encoder: JSONValueEncoder) {
        self.keyed = keyed
        self.encoder = encoder
        encoder.buffer.bytes.append(keyed ? UInt8(ascii: "{") : UInt8(ascii: "["))
        encoder.buffer.bytes.append(UInt8(ascii: "\n"))
        start = encoder.buffer.bytes.count
        members.reserveCapacity(8)
    }

    /// Writes one member: the comma after the one before, its line's indentation and key, then `body` writes
    /// the value.
    func member(_ key: String, _ body: () throws -> Void) rethrows {
        if !members.isEmpty { buffer.bytes.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\n")]) }
        let begin = buffer.bytes.count
        Self.writeKey(key, keyed: keyed, depth: depth, into: &buffer.bytes)
        try body()
        members.append((key, begin..<buffer.bytes.count, nil))
    }

    /// A member filled later: its own encoder, one level deeper, spliced in by `close`.
    func deferredMember(_ key: any CodingKey) -> JSONValueEncoder {
        let nested = encoder.deferred(depth: depth + 1, key: key)
        members.append((keyed ? key.stringValue : "", buffer.bytes.count..<buffer.bytes.count, nested))
        hasDeferred = true
        return nested
    }

    func close() {
        if hasDeferred || !inKeyOrder { rewrite(keyOrder()) }
        buffer.bytes.append(UInt8(ascii: "\n"))
        Self.indent(depth, &buffer.bytes)
        buffer.bytes.append(keyed ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        // Deferred members' encoders refer back to this container's encoder.
        members = []
    }

    /// True when the members came in their final order: an array's always, an object's when the keys
    /// strictly increase.
    private var inKeyOrder: Bool {
        guard keyed else { return true }
        for index in members.indices.dropFirst() where !members[index - 1].key.utf8.lexicographicallyPrecedes(members[index].key.utf8) {
            return false
        }
        return true
    }

    /// The members' final order: by key's UTF-8 bytes, stable; a key written twice keeps its last value, as a
    /// dictionary would. An array's in the order they came.
    private func keyOrder() -> [Int] {
        var order = Array(members.indices)
        guard keyed else { return order }
        order.sort { a, b in
            members[a].key == members[b].key ? a < b : members[a].key.utf8.lexicographicallyPrecedes(members[b].key.utf8)
        }
        return order.indices.filter { $0 + 1 == order.count || members[order[$0 + 1]].key != members[order[$0]].key }.map { order[$0] }
    }

    /// Containers above this many bytes are rewritten in place (`rewriteInPlace`); smaller ones through a copy.
    private static let inPlaceThreshold = 1 << 16

    /// Writes the members again in `order`, deferred ones from their own buffers.
    private func rewrite(_ order: [Int]) {
        guard buffer.bytes.count - start > Self.inPlaceThreshold else { return rewriteThroughCopy(order) }
        rewriteInPlace(order)
    }

    private func rewriteThroughCopy(_ order: [Int]) {
        buffer.scratch.removeAll(keepingCapacity: true)
        buffer.scratch.append(contentsOf: buffer.bytes[start...])
        buffer.bytes.removeSubrange(start...)
        for (position, index) in order.enumerated() {
            if position > 0 { buffer.bytes.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\n")]) }
            let member = members[index]
            if let nested = member.deferred {
                // Its own buffer (and scratch), so finishing it leaves this one's scratch alone.
                writeDeferred(member.key, nested, into: &buffer.bytes)
            } else {
                buffer.bytes.append(contentsOf: buffer.scratch[(member.range.lowerBound - start)..<(member.range.upperBound - start)])
            }
        }
    }

    /// `rewrite` for a large container: the largest member is moved within the buffer (an object's members are
    /// few, and at the top of a large report one of them holds nearly all of it); only the others are copied
    /// out, so a 190 MB report is not copied whole at every level.
    private func rewriteInPlace(_ order: [Int]) {
        var largest: Int?
        for index in order where members[index].deferred == nil {
            if largest.map({ members[index].range.count > members[$0].range.count }) ?? true { largest = index }
        }
        // Every member's final bytes except the largest's, and the final length.
        var pieces: [Int: [UInt8]] = [:]
        var length = 0
        var largestOffset = 0
        for (position, index) in order.enumerated() {
            if position > 0 { length += 2 }
            let member = members[index]
            if index == largest {
                largestOffset = length
                length += member.range.count
                continue
            }
            var piece: [UInt8] = []
            if let nested = member.deferred {
                writeDeferred(member.key, nested, into: &piece)
            } else {
                piece = Array(buffer.bytes[member.range])
            }
            length += piece.count
            pieces[index] = piece
        }
        let end = buffer.bytes.count
        if start + length > end { buffer.bytes.append(contentsOf: repeatElement(0, count: start + length - end)) }
        if let largest {
            let from = members[largest].range, to = start + largestOffset
            buffer.bytes.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return }
                _ = memmove(base + to, base + from.lowerBound, from.count)
            }
        }
        var cursor = start
        for (position, index) in order.enumerated() {
            if position > 0 {
                buffer.bytes[cursor] = UInt8(ascii: ",")
                buffer.bytes[cursor + 1] = UInt8(ascii: "\n")
                cursor += 2
            }
            if index == largest {
                cursor += members[index].range.count
            } else if let piece = pieces[index] {
                buffer.bytes.replaceSubrange(cursor..<(cursor + piece.count), with: piece)
                cursor += piece.count
            }
        }
        buffer.bytes.removeSubrange((start + length)...)
    }

    /// A deferred member's line: its key, then its encoder's value, finished now.
    private func writeDeferred(_ key: String, _ nested: JSONValueEncoder, into out: inout [UInt8]) {
        Self.writeKey(key, keyed: keyed, depth: depth, into: &out)
        nested.finish()
        out.append(contentsOf: nested.buffer.bytes)
    }

    private static func writeKey(_ key: String, keyed: Bool, depth: Int, into out: inout [UInt8]) {
        indent(depth + 1, &out)
        guard keyed else { return }
        JSONScalar.string(key, into: &out)
        out.append(contentsOf: " : ".utf8)
    }

    static func indent(_ depth: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }
}
