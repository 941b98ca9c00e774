import CLibFuzzer
import Foundation
import LintelModel
import Yams

/// A structure-aware mutator for Lintel models: it edits the YAML tree the way a user's typo or a
/// hostile file would — numbers at their limits, wrong units, references to unknown or to other
/// components, call cycles, deleted and duplicated keys, well-known keys with extreme values —
/// and serialises it back. One mutation in five (and every input that is not a YAML mapping) goes
/// to libFuzzer's byte mutator, which keeps exploring the parser itself.
enum ModelMutator {
    /// Numbers a count, rate, duration or multiplier should never accept silently.
    static let limitNumbers = [
        "0", "-1", "1", "-0", "0.5", "1e308", "-1e308", "1e-300", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "2147483648", "4294967296", "1e40", "1e300", "NaN", "nan", ".nan", "inf", ".inf", "-.inf",
        "1000000", "999999999999", "0x10", "1_000", "1e6", "3.5",
    ]
    /// Unit suffixes from every quantity family, and some that belong to none.
    static let units = [
        "", "ms", "s", "m", "h", "d", "us", "ns", "%", "%/year", "x", "x/year", "/s", "/min", "/h", "/d",
        "GB", "MB", "KB", "TB", "GB/month", "y", "w", "req/s", "rps", "/ms", "%/s", "µs", " s", "s ",
    ]
    /// Keys whose values carry counts, rates, durations and multipliers across the specification.
    static let numericKeys = [
        "instances", "workers", "retries", "timeout", "per_request", "hit_ratio", "queue_limit", "partitions",
        "replicas", "max_connections", "pool", "rate", "peak", "average", "growth", "p50", "p99", "p999", "mean",
        "latency", "error_rate", "scale", "at", "for", "duration", "rate_limit", "window", "open_for", "failures",
        "copies", "probability", "consumers", "minimum_requests", "size", "volume", "rows", "writes", "availability",
        "latency_p99", "max_deliveries", "instances_down", "workers_down", "backoff", "concurrency", "batch",
    ]
    /// Names that are valid, unknown, empty or carry control characters.
    static let strangeNames = ["ghost", "", "a\u{7}b", "tab\tname", "new\nline", "DROP", "ünï", "x", "-", "*", "&"]

    /// Percent of mutations that edit the tree (`LINTEL_FUZZ_STRUCTURE`, default 80); the rest are
    /// libFuzzer's byte mutations.
    static let structurePercent = ProcessInfo.processInfo.environment["LINTEL_FUZZ_STRUCTURE"].flatMap { Int($0) } ?? 80

    static func mutate(_ data: UnsafeMutablePointer<UInt8>, size: Int, maxSize: Int, seed: UInt32) -> Int {
        var random = SplitMix64(seed: UInt64(seed))
        guard random.below(100) < structurePercent,
              let text = String(bytes: UnsafeBufferPointer(start: data, count: size), encoding: .utf8),
              case .success(let tree) = YAMLDocument.parse(text: text, file: "mutator.yaml"), tree.entries != nil else {
            return LLVMFuzzerMutate(data, size, maxSize)
        }
        var document = YAMLValue(tree)
        let rounds = 1 + random.below(3)
        for _ in 0..<rounds { mutate(&document, &random) }
        guard let output = try? Yams.serialize(node: document.node, width: -1) else {
            return LLVMFuzzerMutate(data, size, maxSize)
        }
        let bytes = Array(output.utf8)
        guard bytes.count <= maxSize else { return LLVMFuzzerMutate(data, size, maxSize) }
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            data.update(from: base, count: bytes.count)
        }
        return bytes.count
    }

    /// One structural change to `document`.
    static func mutate(_ document: inout YAMLValue, _ random: inout SplitMix64) {
        let paths = document.paths
        switch random.below(9) {
        case 0, 1: // a number at its limit, keeping or dropping its unit
            guard let path = random.pick(paths.filter { NumberText(document[path: $0[...]]?.string) != nil }) else { fallthrough }
            let limit = random.pick(limitNumbers) ?? "0"
            document.update(path[...]) { node in
                guard let number = NumberText(node.string) else { return }
                node = .scalar(limit + (random.below(4) == 0 ? "" : number.unit))
            }
        case 2: // the same number with another unit
            guard let path = random.pick(paths.filter { NumberText(document[path: $0[...]]?.string) != nil }) else { fallthrough }
            let unit = random.pick(units) ?? ""
            document.update(path[...]) { node in
                guard let number = NumberText(node.string) else { return }
                node = .scalar(number.digits + unit)
            }
        case 3: // a reference to another component, or to none
            let names = componentNames(document)
            let candidates = paths.filter { path in document[path: path[...]]?.string.map(names.contains) ?? false }
            guard let path = random.pick(candidates) else { fallthrough }
            let target = random.below(3) == 0 ? random.pick(strangeNames) : random.pick(names)
            document.update(path[...]) { $0 = .scalar(target ?? "ghost") }
        case 4: // a call cycle: a calls b and b calls a back (or a calls itself)
            let names = componentNames(document)
            guard let a = random.pick(names), let b = random.pick(names) else { fallthrough }
            addCall(&document, from: a, to: b)
            addCall(&document, from: b, to: a)
        case 5: // delete a key
            guard let path = random.pick(paths.filter { isMapping(document[path: $0[...]]) }) else { fallthrough }
            let pick = random.next()
            document.update(path[...]) { node in
                guard case .mapping(var pairs) = node, !pairs.isEmpty else { return }
                pairs.remove(at: Int(pick % UInt64(pairs.count)))
                node = .mapping(pairs)
            }
        case 6: // duplicate a key (the loader must refuse it with a location)
            guard let path = random.pick(paths.filter { isMapping(document[path: $0[...]]) }) else { fallthrough }
            let pick = random.next()
            document.update(path[...]) { node in
                guard case .mapping(var pairs) = node, !pairs.isEmpty else { return }
                pairs.append(pairs[Int(pick % UInt64(pairs.count))])
                node = .mapping(pairs)
            }
        case 7: // a well-known numeric key with an extreme value, in any mapping
            guard let path = random.pick(paths.filter { isMapping(document[path: $0[...]]) }),
                  let key = random.pick(numericKeys), let number = random.pick(limitNumbers), let unit = random.pick(units) else { fallthrough }
            document.update(path[...]) { node in
                guard case .mapping(var pairs) = node else { return }
                pairs.removeAll { $0.key == .scalar(key) }
                pairs.append(.init(key: .scalar(key), value: .scalar(number + unit)))
                node = .mapping(pairs)
            }
        default: // copy one subtree over another (grows and reshapes models)
            guard let from = random.pick(paths), let to = random.pick(paths), let copy = document[path: from[...]],
                  !to.isEmpty, !isPrefix(to, of: from) else { return }
            document.update(to[...]) { $0 = copy }
        }
    }

    static func componentNames(_ document: YAMLValue) -> [String] {
        guard case .mapping(let pairs) = document["components"] ?? .scalar("") else { return [] }
        return pairs.compactMap(\.key.string)
    }

    /// Appends `{to: target}` to the `calls` of component `name` (creating the list when missing).
    static func addCall(_ document: inout YAMLValue, from name: String, to target: String) {
        guard case .mapping(let root) = document, let c = root.firstIndex(where: { $0.key == .scalar("components") }),
              case .mapping(let components) = root[c].value,
              let i = components.firstIndex(where: { $0.key == .scalar(name) }) else { return }
        document.update([.value(c), .value(i)][...]) { component in
            guard case .mapping(var pairs) = component else { return }
            let call = YAMLValue.mapping([.init(key: .scalar("to"), value: .scalar(target))])
            if let k = pairs.firstIndex(where: { $0.key == .scalar("calls") }), case .sequence(let calls) = pairs[k].value {
                pairs[k].value = .sequence(calls + [call])
            } else {
                pairs.removeAll { $0.key == .scalar("calls") }
                pairs.append(.init(key: .scalar("calls"), value: .sequence([call])))
            }
            component = .mapping(pairs)
        }
    }

    static func isMapping(_ node: YAMLValue?) -> Bool {
        if case .mapping = node { return true }
        return false
    }

    static func isPrefix(_ prefix: [YAMLValue.Step], of path: [YAMLValue.Step]) -> Bool {
        prefix.count <= path.count && Array(path.prefix(prefix.count)) == prefix
    }
}

/// A scalar that starts like a number ("300ms", "-1", "99.95%", "1e3/s"): its digits and its unit.
struct NumberText {
    var digits: String
    var unit: String

    init?(_ text: String?) {
        guard let text, let first = text.unicodeScalars.first,
              CharacterSet.decimalDigits.contains(first) || first == "-" || first == "." || first == "+" else { return nil }
        let numeric = CharacterSet(charactersIn: "0123456789.-+eE_")
        let end = text.unicodeScalars.firstIndex { !numeric.contains($0) } ?? text.unicodeScalars.endIndex
        digits = String(text.unicodeScalars[..<end])
        unit = String(text.unicodeScalars[end...])
        guard digits.contains(where: \.isNumber) else { return nil }
    }
}

/// SplitMix64: a tiny seeded generator, so one libFuzzer seed always gives the same mutation.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (bound > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }

    mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[below(items.count)] }
}
