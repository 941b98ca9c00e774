import LintelModel
import Testing

/// Every count, rate, size, duration and multiplier has a documented range; a value outside it,
/// or one that is not a finite number, is refused at its line and column with the range and the value.
@Suite("Limits of the model's values")
struct LimitTests {
    /// One refused value: the model text, the written value (its first occurrence is where the
    /// error must point) and the exact message.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var value: String
        var message: String
        var testDescription: String { name }
    }

    static func component(_ settings: String) -> String {
        "lintel: 1\nsystem: s\ncomponents:\n  api:\n    kind: service\n    \(settings)\n  db: { kind: postgres }\n"
    }

    static func call(_ settings: String) -> String {
        "lintel: 1\nsystem: s\ncomponents:\n  api:\n    kind: service\n    calls:\n      - { to: db, \(settings) }\n  db: { kind: postgres }\n"
    }

    static func requirements(_ settings: String) -> String {
        "lintel: 1\nsystem: s\nrequirements:\n  \(settings)\ncomponents:\n  api: { kind: service }\n"
    }

    static func scenario(_ settings: String) -> String {
        "lintel: 1\nsystem: s\ncomponents:\n  api: { kind: service }\nflows:\n  f: { entry: api, rate: 10/s }\nscenarios:\n  s:\n    \(settings)\n"
    }

    static let huge = "1" + String(repeating: "0", count: 308)

    static let cases: [Case] = [
        // Huge counts.
        Case(name: "a million instances", yaml: component("instances: 1000000"), value: "1000000",
             message: "'instances' must be a whole number between 1 and 10000, not 1000000"),
        Case(name: "Int.max workers", yaml: component("workers: 9223372036854775807"), value: "9223372036854775807",
             message: "'workers' must be a whole number between 1 and 100000, not 9223372036854775807"),
        Case(name: "workers beyond Int", yaml: component("workers: 99999999999999999999999"), value: "99999999999999999999999",
             message: "'workers' must be a whole number between 1 and 100000, not 99999999999999999999999"),
        Case(name: "a million retries", yaml: call("retries: 1000000"), value: "1000000",
             message: "'retries' must be a whole number between 0 and 20, not 1000000"),
        Case(name: "a million calls per request", yaml: call("per_request: 1e6"), value: "1e6",
             message: "'per_request' must be a number between 0 and 1000, not 1e6"),
        Case(name: "200 replicas", yaml: component("replicas: 200"), value: "200",
             message: "'replicas' must be a whole number between 0 and 100, not 200"),
        Case(name: "a port beyond 65535", yaml: component("ports: [70000]"), value: "70000",
             message: "'ports' must be a whole number between 1 and 65535, not 70000"),
        // Zero and negative values.
        Case(name: "zero instances", yaml: component("instances: 0"), value: "0",
             message: "'instances' must be a whole number between 1 and 10000, not 0"),
        Case(name: "negative workers", yaml: component("workers: -3"), value: "-3",
             message: "'workers' must be a whole number between 1 and 100000, not -3"),
        Case(name: "a zero timeout", yaml: call("timeout: 0ms"), value: "0ms",
             message: "'timeout' must be above 0s and at most 24h, not 0ms"),
        Case(name: "a service time of two hours", yaml: component("latency: 2h"), value: "2h",
             message: "'latency' must be between 0s and 60m, not 2h"),
        Case(name: "negative data growth", yaml: component("data_growth: -20GB/month"), value: "-20GB/month",
             message: "'data_growth' must be between 0B/month and 1EB/month, not -20GB/month"),
        Case(name: "a negative budget", yaml: requirements("budget: -5000 USD/month"), value: "-5000 USD/month",
             message: "'budget' must be between 0 and 1000000000000, not -5000 USD/month"),
        Case(name: "shrinking traffic", yaml: requirements("traffic: { average: 10/s, growth: -10%/year }"), value: "-10%/year",
             message: "'growth' must be between 1x/year and 100x/year, not -10%/year"),
        Case(name: "a negative scale", yaml: scenario("load: [ { at: 0s, scale: -2x } ]"), value: "-2x",
             message: "'scale' must be above 0x and at most 10000x, not -2x"),
        // Huge rates, multipliers, durations and sizes.
        Case(name: "10^40/s", yaml: requirements("traffic: { average: 10000000000000000000000000000000000000000/s }"),
             value: "10000000000000000000000000000000000000000/s",
             message: "'average' must be between 0/s and 1000000000/s, not 10000000000000000000000000000000000000000/s"),
        Case(name: "a scale of 1e300x", yaml: scenario("load: [ { at: 0s, scale: 1e300x } ]"), value: "1e300x",
             message: "'scale' must be above 0x and at most 10000x, not 1e300x"),
        Case(name: "a timeout of a thousand years", yaml: call("timeout: 1000y"), value: "1000y",
             message: "'timeout' must be above 0s and at most 24h, not 1000y"),
        Case(name: "a scenario of a year", yaml: scenario("duration: 1y"), value: "1y",
             message: "'duration' must be between 0s and 30d, not 1y"),
        Case(name: "a zettabyte of storage", yaml: component("storage: 1000000PB"), value: "1000000PB",
             message: "'storage' must be above 0B and at most 1EB, not 1000000PB"),
        Case(name: "growth doubling daily", yaml: requirements("traffic: { average: 10/s, growth: 100%/day }"), value: "100%/day",
             message: "'growth' must be between 1x/year and 100x/year, not 100%/day"),
        Case(name: "a fraction above one", yaml: call("hit_ratio: 1.5"), value: "1.5",
             message: "'hit_ratio' must be between 0 and 1, not 1.5"),
        Case(name: "a percentage above 100", yaml: component("availability: 120%"), value: "120%",
             message: "'availability' must be between 0% and 100%, not 120%"),
        // NaN and infinity.
        Case(name: "NaN millicores", yaml: component("resources: { cpu: NaNm }"), value: "NaNm",
             message: "'cpu': 'NaNm' is not a CPU amount"),
        Case(name: "infinite millicores", yaml: component("resources: { cpu: infm }"), value: "infm",
             message: "'cpu': 'infm' is not a CPU amount"),
        Case(name: "10000 cores", yaml: component("resources: { cpu: 10000 }"), value: "10000",
             message: "'cpu' must be between 0 and 1024, not 10000"),
        Case(name: "growth of 1e400%/year", yaml: requirements("traffic: { average: 10/s, growth: 1e400%/year }"), value: "1e400%/year",
             message: "'growth': '1e400%' is not a factor (3x) or a percentage (20%)"),
        Case(name: "a 308-digit size", yaml: component("storage: \(huge)GB"), value: "\(huge)GB",
             message: "'storage': '\(huge)GB' is not a finite number once its unit is applied"),
        Case(name: "a 308-digit rate", yaml: requirements("traffic: { average: \(huge)K/s }"), value: "\(huge)K/s",
             message: "'average': '\(huge)K/s' is not a finite number once its unit is applied"),
        Case(name: "a 308-digit duration", yaml: call("timeout: \(huge)y"), value: "\(huge)y",
             message: "'timeout': '\(huge)y' is not a finite number once its unit is applied"),
        Case(name: "a NaN percentage", yaml: component("availability: nan%"), value: "nan%",
             message: "'availability': 'nan%' is not a percentage"),
        Case(name: "an infinite multiplier", yaml: scenario("load: [ { at: 0s, scale: infx } ]"), value: "infx",
             message: "'scale': 'infx' is not a factor like 10x"),
        Case(name: "a NaN per_request", yaml: call("per_request: .nan"), value: ".nan",
             message: "'per_request' must be a number between 0 and 1000, not .nan"),
        // Dates.
        Case(name: "February 31st", yaml: "lintel: 1\nsystem: s\ncomponents: { api: { kind: service } }\naccept:\n  - { rule: x, reason: y, until: 2027-02-31 }\n",
             value: "2027-02-31", message: "'until': '2027-02-31' is not a calendar date: month 2 of 2027 has 28 days"),
        Case(name: "February 29th of 2100", yaml: "lintel: 1\nsystem: s\ncomponents: { api: { kind: service } }\naccept:\n  - { rule: x, reason: y, until: 2100-02-29 }\n",
             value: "2100-02-29", message: "'until': '2100-02-29' is not a calendar date: month 2 of 2100 has 28 days"),
        Case(name: "April 31st", yaml: "lintel: 1\nsystem: s\ncomponents: { api: { kind: service } }\naccept:\n  - { rule: x, reason: y, until: 2027-04-31 }\n",
             value: "2027-04-31", message: "'until': '2027-04-31' is not a calendar date: month 4 of 2027 has 30 days"),
    ]

    @Test("a value outside its range or not finite is refused where it is written", arguments: cases)
    func refused(_ example: Case) throws {
        let found = diagnostics(of: example.yaml).filter { $0.severity == .error }
        let first = try #require(found.first, "accepted: \(example.value)")
        #expect(found.count == 1, "\(found)")
        #expect(first.message == example.message)
        let lines = example.yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = try #require(lines.firstIndex { $0.contains(example.value) })
        let column = try #require(lines[line].range(of: example.value)).lowerBound.utf16Offset(in: lines[line]) + 1
        #expect(first.location == SourceLocation(file: "test.yaml", line: line + 1, column: column))
        #expect(first.description.hasPrefix("test.yaml:\(line + 1):\(column): error: "))
    }

    @Test("values at the limits of their ranges are accepted", arguments: [
        component("instances: 10000"), component("workers: 100000"), call("retries: 20"), call("timeout: 24h"),
        call("per_request: 1000"), requirements("traffic: { average: 1000000000/s, growth: 100x/year }"),
        scenario("load: [ { at: 30d, scale: 10000x } ]"), component("storage: 1EB"), component("data_growth: 0GB/month"),
        requirements("budget: 0 USD/month"), component("resources: { cpu: 1024, memory: 1PB }"),
        "lintel: 1\nsystem: s\ncomponents: { api: { kind: service } }\naccept:\n  - { rule: x, reason: y, until: 2028-02-29 }\n",
    ])
    func accepted(_ yaml: String) {
        #expect(diagnostics(of: yaml).filter { $0.severity == .error }.isEmpty)
    }

    @Test("names with control characters or bidirectional overrides are refused, printed escaped", arguments: [
        ("\"a\\x07pi\"", "the name 'a<U+0007>pi' in 'components' contains the control character U+0007"),
        ("\"api\\e[2J\"", "the name 'api<U+001B>[2J' in 'components' contains the control character U+001B"),
        ("\"ap\\u202Ei\"", "the name 'ap<U+202E>i' in 'components' contains the control character U+202E"),
    ])
    func controlCharacters(_ example: (String, String)) throws {
        let text = "lintel: 1\nsystem: s\ncomponents:\n  \(example.0): { kind: service }\n"
        let found = diagnostics(of: text)
        let first = try #require(found.first)
        #expect(first.message == example.1)
        #expect(first.location == SourceLocation(file: "test.yaml", line: 4, column: 3))
        #expect(!first.description.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
    }

    /// `components` services (none calling) and `flows` flows entering c0.
    static func sized(components: Int, flows: Int) -> String {
        "lintel: 1\nsystem: s\ncomponents:\n" + (0..<components).map { "  c\($0): { kind: service }\n" }.joined()
            + "flows:\n" + (0..<flows).map { "  f\($0): { entry: c0, rate: 1/s }\n" }.joined()
    }

    @Test("a model above 10,000 components, 1,000 flows or 10^6 components × flows is refused at the section's first entry; at the limits it loads",
          arguments: [(10_001, 1, 4, "the model has 10001 components; at most 10000 are analysed in one model"),
                      (1, 1_001, 6, "the model has 1001 flows; at most 1000 are analysed in one model"),
                      (1_001, 1_000, 1_006, "the model has 1000 flows over 1001 components (1001000 component-flows); at most 1000000 are analysed in one model"),
                      (10_000, 100, nil, nil), (1, 1_000, nil, nil), (1_000, 1_000, nil, nil)] as [(Int, Int, Int?, String?)])
    func modelSize(_ example: (components: Int, flows: Int, line: Int?, message: String?)) throws {
        let errors = diagnostics(of: Self.sized(components: example.components, flows: example.flows)).filter { $0.severity == .error }
        guard let message = example.message else {
            #expect(errors.isEmpty, "\(errors.prefix(2))")
            return
        }
        let first = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(first.message == message)
        #expect(first.location.line == example.line)
    }

    @Test("a system name with a control character is refused")
    func systemName() throws {
        let found = diagnostics(of: "lintel: 1\nsystem: \"shop\\x1B]0;pwned\\x07\"\ncomponents: { api: { kind: service } }\n")
        let first = try #require(found.first)
        #expect(first.message == "the system name 'shop<U+001B>]0;pwned<U+0007>' contains the control character U+001B")
        #expect(first.location.line == 2)
    }

    @Test("every scalar key of the spec has a range it documents in `lintel explain` and the JSON Schema")
    func everyKeyHasRange() {
        for object in ModelSpec.objects {
            for field in object.fields {
                guard let range = JSONSchemaGenerator.rangeText(field.type) else { continue }
                #expect(field.type.summary.contains(range), "\(object.name).\(field.key): \(field.type.summary)")
            }
        }
        let schema = JSONSchemaGenerator.json()
        #expect(schema.contains("Range: 1…10000."))
        #expect(schema.contains("\"maximum\" : 100000"))
    }

    @Test("quantity parsing never yields a number that is not finite", arguments: QuantityKind.allCases)
    func finite(_ kind: QuantityKind) {
        let hostile = ["NaN", "nan", "inf", "-inf", "infinity", "1e400", Self.huge, "-" + Self.huge]
        let suffixes = ["", "m", "ms", "y", "/s", "K/s", "GB", "PB", "GB/month", "%", "%/year", "x/year", "x", " USD", "K"]
        for number in hostile {
            for suffix in suffixes {
                guard case .success(let value) = QuantityParser.parse(number + suffix, as: kind) else { continue }
                #expect(value.baseValue?.isFinite ?? true, "\(number + suffix) as \(kind)")
            }
        }
    }
}
