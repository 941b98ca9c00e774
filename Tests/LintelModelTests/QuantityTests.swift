import LintelModel
import Testing

@Suite("Quantities with units")
struct QuantityTests {
    static let rates: [(String, Double)] = [
        ("300/s", 300), ("10000/min", 10_000.0 / 60), ("100K/hour", 100_000.0 / 3600), ("1M/day", 1_000_000.0 / 86400),
        ("2.5k/s", 2500), ("40 rps", 40), ("1B/day", 1e9 / 86400),
    ]
    @Test("rates convert to per second", arguments: rates)
    func rate(_ example: (String, Double)) throws {
        let value = try QuantityParser.parse(example.0, as: .rate).get()
        guard case .rate(let rate) = value else { Issue.record("not a rate"); return }
        #expect(abs(rate.perSecond - example.1) < 1e-9 * max(1, example.1))
    }

    static let durations: [(String, Double)] = [
        ("300ms", 0.3), ("2s", 2), ("7d", 604_800), ("250us", 0.000_25), ("5m", 300), ("1h30m", 5400), ("2y", 2 * 365 * 86400),
        ("6mo", 6 * 30 * 86400), ("1.5h", 5400),
    ]
    @Test("durations convert to seconds", arguments: durations)
    func duration(_ example: (String, Double)) throws {
        guard case .duration(let span) = try QuantityParser.parse(example.0, as: .duration).get() else { Issue.record("not a duration"); return }
        #expect(abs(span.seconds - example.1) < 1e-12 * max(1, example.1))
    }

    @Test("sizes use powers of 1000 for GB and of 1024 for GiB")
    func sizes() throws {
        #expect(try QuantityParser.parse("200GB", as: .size).get() == .size(DataSize(bytes: 200e9)))
        #expect(try QuantityParser.parse("4GiB", as: .size).get() == .size(DataSize(bytes: 4 * 1_073_741_824)))
        #expect(try QuantityParser.parse("512Mi", as: .size).get() == .size(DataSize(bytes: 512 * 1_048_576)))
        #expect(try QuantityParser.parse("20GB/month", as: .dataGrowth).get() == .dataGrowth(DataGrowth(bytesPerMonth: 20e9)))
        #expect(try QuantityParser.parse("1GB/day", as: .dataGrowth).get() == .dataGrowth(DataGrowth(bytesPerMonth: 30e9)))
    }

    @Test("percentages, fractions and growth")
    func ratios() throws {
        #expect(try QuantityParser.parse("99.95%", as: .percent).get() == .fraction(0.9995))
        #expect(try QuantityParser.parse("0.9", as: .fraction).get() == .fraction(0.9))
        #expect(try QuantityParser.parse("90%", as: .fraction).get() == .fraction(0.9))
        #expect(try QuantityParser.parse("3x/year", as: .growth).get() == .growth(Growth(factorPerYear: 3)))
        guard case .growth(let monthly) = try QuantityParser.parse("10%/month", as: .growth).get() else { Issue.record("not growth"); return }
        // Compounded: 1.1^(365/30) per year.
        #expect(abs(monthly.factorPerYear - 3.188_680) < 1e-5)
        #expect(abs(Growth(factorPerYear: 3).factor(afterMonths: 6) - 1.732_050_8) < 1e-6)
    }

    @Test("a bare number where a unit belongs is an error with the accepted forms as a hint")
    func bareNumber() {
        let found = diagnostics(of: "lintel: 1\nsystem: s\ncomponents:\n  a: { kind: service, calls: [ { to: b, timeout: 300 } ] }\n  b: { kind: service }\n")
        #expect(found.count == 1)
        #expect(found.first?.message == "'timeout' needs a unit: '300' is a bare number")
        #expect(found.first?.hint?.contains("300ms") == true)
    }

    @Test("money, counts, dates and CPU")
    func others() throws {
        #expect(try QuantityParser.parse("20000 USD/month", as: .money).get() == .money(Money(amount: 20000, currency: "USD")))
        #expect(try QuantityParser.parse("$15k", as: .money).get() == .money(Money(amount: 15000, currency: "USD")))
        #expect(try QuantityParser.parse("50M", as: .count).get() == .count(50e6))
        #expect(try QuantityParser.parse("500m", as: .cpu).get() == .count(0.5))
        #expect(try QuantityParser.parse("2027-03-01", as: .date).get() == .date(CalendarDate(year: 2027, month: 3, day: 1)))
        #expect((try? QuantityParser.parse("2027-02-30x", as: .date).get()) == nil)
    }
}
