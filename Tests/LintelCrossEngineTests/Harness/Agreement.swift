import Foundation
import Testing

/// How close two figures must be.
enum Tolerance: CustomStringConvertible {
    /// Absolute difference, for fractions: 0.02 is 2 percentage points.
    case points(Double)
    /// Difference relative to the reference value (the closed form, else the simulator).
    case relative(Double)
    /// Absolute difference in seconds, for a time whose reference is zero.
    case seconds(Double)

    func accepts(_ value: Double, reference: Double) -> Bool {
        guard value.isFinite, reference.isFinite else { return false }
        switch self {
        case .points(let bound), .seconds(let bound): return abs(value - reference) <= bound
        case .relative(let bound):
            if reference == 0 { return abs(value) <= 1e-12 }
            return abs(value - reference) / abs(reference) <= bound
        }
    }

    var description: String {
        switch self {
        case .points(let bound): "±\(format(bound * 100)) pp"
        case .relative(let bound): "±\(format(bound * 100))%"
        case .seconds(let bound): "±\(format(bound)) s"
        }
    }
}

func format(_ value: Double?) -> String {
    guard let value else { return "none" }
    guard value.isFinite else { return "\(value)" }
    return String(format: "%.6g", value)
}

/// Checks one figure three ways: capacity against the simulator, and each against the closed
/// form when there is one. Every failure message prints all three numbers.
///
/// A capacity figure of `nil` (capacity did not compute it, or called it unbounded) fails.
/// - Parameter reference: what `closedForm` is when it is not a closed form (e.g. "SimPy", an independent simulator).
func expectAgreement(_ what: String, capacity: Double?, simulation: Double?, closedForm: Double? = nil,
                     _ tolerance: Tolerance, reference: String = "closed form", sourceLocation: SourceLocation = #_sourceLocation) {
    let numbers = "\(what): capacity \(format(capacity)), simulation \(format(simulation)), \(reference) \(format(closedForm)) (tolerance \(tolerance))"
    var verdicts: [String] = []
    func check(_ label: String, _ value: Double?, _ reference: Double?) {
        guard let reference else { return }
        let ok = value.map { tolerance.accepts($0, reference: reference) } ?? false
        verdicts.append("\(label) \(ok ? "ok" : "FAIL")")
        #expect(ok, "\(label) disagree — \(numbers)", sourceLocation: sourceLocation)
    }
    if let closedForm {
        check("capacity vs \(reference)", capacity, closedForm)
        check("simulation vs \(reference)", simulation, closedForm)
    }
    // Capacity against the simulator: the simulator is the reference (relative bounds are of its value).
    if let simulation { check("capacity vs simulation", capacity, simulation) } else {
        #expect(Bool(false), "simulation figure missing — \(numbers)", sourceLocation: sourceLocation)
    }
    ResultLog.record(what: what, capacity: capacity, simulation: simulation, closedForm: closedForm,
                     tolerance: tolerance, verdicts: verdicts)
}

/// Checks a figure only one engine computes against its closed form.
func expectClosedForm(_ what: String, engine: String, value: Double?, closedForm: Double, _ tolerance: Tolerance,
                      sourceLocation: SourceLocation = #_sourceLocation) {
    let ok = value.map { tolerance.accepts($0, reference: closedForm) } ?? false
    #expect(ok, "\(what): \(engine) \(format(value)), closed form \(format(closedForm)) (tolerance \(tolerance))",
            sourceLocation: sourceLocation)
    ResultLog.record(what: what, capacity: engine == "capacity" ? value : nil, simulation: engine == "simulation" ? value : nil,
                     closedForm: closedForm, tolerance: tolerance, verdicts: ["\(engine) vs closed form \(ok ? "ok" : "FAIL")"])
}

/// When LINTEL_CROSS_ENGINE_LOG names a file, every comparison is appended to it as one
/// tab-separated line, so a whole run can be tabulated. Off by default: tests print nothing.
enum ResultLog {
    private static let lock = NSLock()

    static func record(what: String, capacity: Double?, simulation: Double?, closedForm: Double?,
                       tolerance: Tolerance, verdicts: [String]) {
        guard let path = ProcessInfo.processInfo.environment["LINTEL_CROSS_ENGINE_LOG"], !path.isEmpty else { return }
        let line = [what, format(capacity), format(simulation), format(closedForm), tolerance.description,
                    verdicts.joined(separator: "; ")].joined(separator: "\t") + "\n"
        lock.lock()
        defer { lock.unlock() }
        if let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            handle.write(Data(line.utf8))
            try? handle.close()
        } else {
            _ = FileManager.default.createFile(atPath: path, contents: Data(line.utf8))
        }
    }
}
