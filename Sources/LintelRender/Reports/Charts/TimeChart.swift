import LintelModel

/// A chart of values over simulated time, drawn by Lintel as inline SVG: one polyline per series, shaded windows
/// (fault windows), axes with round ticks, a legend, and a text alternative (`<title>`, `<desc>`, `role="img"`).
///
/// Deterministic: coordinates are written with one decimal by `UnitFormat.number`; nothing depends on a font or a clock.
/// Escaping: every text (titles, legend, descriptions) goes through `HTMLWriter.escape`, valid in SVG as in HTML.
public struct TimeChart: Sendable, Equatable {
    /// One line of the chart.
    public struct Series: Sendable, Equatable {
        public var name: String
        /// CSS colour.
        public var color: String
        /// (time in seconds, value), in time order.
        public var points: [(Double, Double)]
        /// Dashed, for a second line of the same kind (goodput against offered).
        public var dashed: Bool

        public init(name: String, color: String, points: [(Double, Double)], dashed: Bool = false) {
            self.name = name
            self.color = color
            self.points = points
            self.dashed = dashed
        }

        public static func == (lhs: Series, rhs: Series) -> Bool {
            lhs.name == rhs.name && lhs.color == rhs.color && lhs.dashed == rhs.dashed
                && lhs.points.count == rhs.points.count && zip(lhs.points, rhs.points).allSatisfy { $0 == $1 }
        }
    }

    /// A shaded stretch of time (a fault), with what it was.
    public struct Window: Sendable, Equatable {
        public var start: Double
        public var end: Double
        public var label: String

        public init(start: Double, end: Double, label: String) {
            self.start = start
            self.end = end
            self.label = label
        }
    }

    public var id: String
    public var title: String
    /// What the y axis measures and how its ticks read: (value) → label.
    public var unit: Unit
    public var series: [Series]
    public var windows: [Window]
    /// The time axis runs from 0 to this many seconds.
    public var duration: Double
    /// One or two sentences on what the chart shows, with its figures; the text alternative.
    public var summary: String

    /// How values of the y axis are written.
    public enum Unit: Sendable, Equatable {
        case perSecond, seconds, count
        /// A fraction 0…1, labelled as a percentage.
        case share

        func label(_ value: Double) -> String {
            switch self {
            case .perSecond: UnitFormat.number(value, decimals: 1) + "/s"
            case .seconds: UnitFormat.duration(value)
            case .count: UnitFormat.number(value, decimals: 1)
            case .share: UnitFormat.number(value * 100, decimals: 0) + "%"
            }
        }
    }

    public init(id: String, title: String, unit: Unit, series: [Series], windows: [Window], duration: Double, summary: String) {
        self.id = id
        self.title = title
        self.unit = unit
        self.series = series
        self.windows = windows
        self.duration = duration
        self.summary = summary
    }

    static let width = 640.0, height = 240.0
    static let left = 64.0, right = 12.0, top = 28.0, bottom = 40.0

    /// The chart as one `<svg>` element.
    public var svg: String {
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        let span = duration.isFinite && duration > 0 ? duration : 1
        let peak = series.flatMap { $0.points.map(\.1) }.filter(\.isFinite).max() ?? 0
        let yMax = Self.niceCeiling(peak)
        func x(_ t: Double) -> Double { Self.left + plotWidth * min(max(t / span, 0), 1) }
        func y(_ v: Double) -> Double { Self.top + plotHeight * (1 - min(max((v.isFinite ? v : yMax) / yMax, 0), 1)) }
        func n(_ value: Double) -> String { UnitFormat.number(value, decimals: 1) }
        let e = HTMLWriter.escape
        var out = ["<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(n(Self.width)) \(n(Self.height))\" "
                   + "width=\"\(n(Self.width))\" height=\"\(n(Self.height))\" role=\"img\" aria-labelledby=\"\(e(id))-title \(e(id))-desc\">",
                   "<title id=\"\(e(id))-title\">\(e(title))</title>",
                   "<desc id=\"\(e(id))-desc\">\(e(summary))</desc>",
                   "<rect x=\"0\" y=\"0\" width=\"\(n(Self.width))\" height=\"\(n(Self.height))\" fill=\"#ffffff\"/>"]
        for window in windows {
            let start = x(window.start), end = x(window.end)
            out.append("<rect class=\"fault\" x=\"\(n(start))\" y=\"\(n(Self.top))\" width=\"\(n(max(end - start, 1)))\" "
                       + "height=\"\(n(plotHeight))\" fill=\"#f4c7c3\" fill-opacity=\"0.6\"><title>\(e(window.label))</title></rect>")
        }
        // Horizontal grid and y ticks: 0, ¼, ½, ¾ and all of the rounded maximum.
        for step in 0...4 {
            let value = yMax * Double(step) / 4, level = y(value)
            out.append("<line x1=\"\(n(Self.left))\" y1=\"\(n(level))\" x2=\"\(n(Self.width - Self.right))\" y2=\"\(n(level))\" stroke=\"#d0d7de\" stroke-width=\"1\"/>")
            out.append("<text x=\"\(n(Self.left - 6))\" y=\"\(n(level + 4))\" text-anchor=\"end\" font-size=\"11\" fill=\"#57606a\">\(e(unit.label(value)))</text>")
        }
        // Time ticks in one unit for the whole axis: seconds up to 10 minutes, then minutes, then hours.
        let (scale, suffix) = span >= 36_000 ? (3600.0, "h") : span >= 600 ? (60.0, "m") : (1.0, "s")
        let xStep = Self.niceCeiling(span / scale / 5) * scale
        var index = 0.0
        while index * xStep <= span + 1e-9, index <= 50 {
            let tick = index * xStep
            out.append("<text x=\"\(n(x(tick)))\" y=\"\(n(Self.height - Self.bottom + 16))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#57606a\">\(UnitFormat.number(tick / scale, decimals: 2) + suffix)</text>")
            index += 1
        }
        out.append("<line x1=\"\(n(Self.left))\" y1=\"\(n(Self.top + plotHeight))\" x2=\"\(n(Self.width - Self.right))\" y2=\"\(n(Self.top + plotHeight))\" stroke=\"#57606a\" stroke-width=\"1\"/>")
        out.append("<text x=\"\(n(Self.left + plotWidth / 2))\" y=\"\(n(Self.height - 6))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#57606a\">simulated time</text>")
        for line in series where !line.points.isEmpty {
            let points = line.points.map { "\(n(x($0.0))),\(n(y($0.1)))" }.joined(separator: " ")
            let dash = line.dashed ? " stroke-dasharray=\"5 3\"" : ""
            out.append("<polyline fill=\"none\" stroke=\"\(e(line.color))\" stroke-width=\"1.8\"\(dash) points=\"\(points)\"/>")
        }
        // Legend along the top.
        var legendX = Self.left
        for line in series {
            let dash = line.dashed ? " stroke-dasharray=\"5 3\"" : ""
            out.append("<line x1=\"\(n(legendX))\" y1=\"14\" x2=\"\(n(legendX + 18))\" y2=\"14\" stroke=\"\(e(line.color))\" stroke-width=\"2\"\(dash)/>")
            out.append("<text x=\"\(n(legendX + 22))\" y=\"18\" font-size=\"12\" fill=\"#1b1f24\">\(e(line.name))</text>")
            legendX += 30 + Double(line.name.count) * 7
        }
        if !windows.isEmpty {
            out.append("<rect x=\"\(n(legendX))\" y=\"8\" width=\"14\" height=\"12\" fill=\"#f4c7c3\"/>")
            out.append("<text x=\"\(n(legendX + 18))\" y=\"18\" font-size=\"12\" fill=\"#1b1f24\">fault</text>")
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    /// The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `value` (1 for zero, negative or non-finite values).
    static func niceCeiling(_ value: Double) -> Double {
        guard value.isFinite, value > 0 else { return 1 }
        guard value >= 1e-9 else { return 1e-9 }
        var magnitude = 1.0
        while magnitude * 10 <= value { magnitude *= 10 }
        while magnitude > value { magnitude /= 10 }
        for factor in [1.0, 2, 2.5, 5, 10] where factor * magnitude >= value * (1 - 1e-12) { return factor * magnitude }
        return 10 * magnitude
    }
}
