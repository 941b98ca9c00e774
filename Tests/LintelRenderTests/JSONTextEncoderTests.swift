import Foundation
import LintelCapacity
import LintelModel
@testable import LintelRender
import LintelReview
import LintelSimulation
import Testing

/// `JSONTextEncoder` writes the bytes Foundation's `JSONEncoder` writes with Lintel's options (sorted keys,
/// pretty printed, slashes unescaped, non-finite numbers as strings): Foundation is the independent truth,
/// on values chosen at the edges of the format and on the examples' real reports.
@Suite("JSON text encoder")
struct JSONTextEncoderTests {
    static func foundation(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return Array(try encoder.encode(value))
    }

    struct Inner: Codable { var b: Int; var a: [Double] }
    class Base: Encodable {
        var base = 1
        enum Keys: String, CodingKey { case base }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(base, forKey: .base)
        }
    }
    final class Derived: Base {
        var own = "x"
        enum OwnKeys: String, CodingKey { case own }
        override func encode(to encoder: any Encoder) throws {
            try super.encode(to: encoder)
            var container = encoder.container(keyedBy: OwnKeys.self)
            try container.encode(own, forKey: .own)
        }
    }
    /// Nested containers made by hand, filled after they were made.
    struct Nested: Encodable {
        enum Keys: String, CodingKey { case z, a, list }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var inner = container.nestedContainer(keyedBy: Keys.self, forKey: .z)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try container.encode("first", forKey: .a)
            try inner.encode(2, forKey: .z)
            try inner.encodeNil(forKey: .a)
            try list.encode(true)
            var deeper = list.nestedUnkeyedContainer()
            try deeper.encode(Int8(-5))
            try list.encodeNil()
        }
    }
    struct Edges: Encodable {
        var emptyArray: [Int] = []
        var emptyObject: [String: Int] = [:]
        var keys: [String: Int] = ["b": 1, "B": 2, "a10": 3, "a9": 4, "_x": 5, "é": 6, "Z": 7, "Ä": 8, "ä": 9]
        var numbers: [Double] = [0, -0.0, 3, 3.5400000000000005, 1e-7, 1e21, 1.5e300, 123456789012345680, 0.1, 1e15, 1e16,
                                 2e-5, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 9007199254740992]
        var floats: [Float] = [0.1, 3, 1e-7, 16777216, .infinity]
        var integers: [Int64] = [.min, .max, 0]
        var unsigned: UInt64 = .max
        var strings: [String] = ["a\"b\\c/d\n\t\r\u{8}\u{c}\u{1}\u{1b}\u{1f}\u{7f}é€😀\u{2028}", "", "<&>'"]
        var absent: String? = nil
        var present: Int? = 5
        var inner = Inner(b: 1, a: [])
        var innerList: [Inner] = [Inner(b: 2, a: [1.5]), Inner(b: 3, a: [])]
        var flag = true
        var derived = Derived()
        var nested = Nested()
        var url = URL(string: "https://example.com/a b")
        var byIndex: [Int: String] = [2: "two", 10: "ten"]
    }

    @Test("values at the edges of the format encode to Foundation's bytes")
    func edges() throws {
        #expect(try JSONTextEncoder.encode(Edges()) == Self.foundation(Edges()))
        for value in [[Int](), [1]] { #expect(try JSONTextEncoder.encode(value) == Self.foundation(value)) }
        #expect(try JSONTextEncoder.encode(3.0) == Self.foundation(3.0))
        #expect(try JSONTextEncoder.encode("top") == Self.foundation("top"))
    }

    /// Above 64 KB an object is reordered in place (its largest member moved, the others copied): members out of
    /// key order around a large one, and a container filled after later members were written.
    struct Large: Encodable {
        var zebra = (0..<20_000).map { "line \($0) \u{1}" }
        var apple = 1
        var nested = Nested()
        var middle = (0..<5_000).map(Double.init)
        var before = "b"
    }

    /// A large object with a member handed out before the others and filled after them.
    struct LargeDeferred: Encodable {
        enum Keys: String, CodingKey { case zulu, alpha, mike }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var later = container.nestedUnkeyedContainer(forKey: .zulu)
            try container.encode((0..<20_000).map { "row \($0)" }, forKey: .mike)
            try container.encode(Large(), forKey: .alpha)
            for i in 0..<3 { try later.encode(i) }
        }
    }

    @Test("a large object reordered in place encodes to Foundation's bytes, inside an array and alone")
    func large() throws {
        #expect(try JSONTextEncoder.encode(LargeDeferred()) == Self.foundation(LargeDeferred()))
        #expect(try JSONTextEncoder.encode(Large()) == Self.foundation(Large()))
        #expect(try JSONTextEncoder.encode([Large(), Large()]) == Self.foundation([Large(), Large()]))
    }

    @Test("the examples' review, capacity and simulation reports encode to Foundation's bytes",
          arguments: ["order-system.yaml", "flash-sale.yaml", "analytics-platform.yaml", "django-monolith.yaml"])
    func examples(file: String) throws {
        let model = try loadExample(file)
        let review = Reviewer.review(model)
        #expect(try JSONTextEncoder.encode(review) == Self.foundation(review))
        let capacity = CapacityAnalyzer.analyze(model)
        #expect(try JSONTextEncoder.encode(capacity) == Self.foundation(capacity))
        var options = SimulationOptions(seed: 1, duration: TimeSpan(seconds: 5))
        options.maxEvents = 200_000
        let simulation = try Simulation.run(model, scenario: nil, options: options)
        #expect(try JSONTextEncoder.encode(simulation) == Self.foundation(simulation))
    }
}
