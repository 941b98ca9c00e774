import Foundation

/// Runs Graphviz's `dot` to turn DOT source into SVG (or another output format).
///
/// Library code does not print: the outcome, including Graphviz's own warnings, is returned.
public enum GraphvizRunner {
    /// What `dot` produced.
    public struct Output: Sendable, Equatable {
        public var data: Data
        /// Graphviz's warnings (stderr); empty when it had nothing to say.
        public var warnings: String
    }

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// No `dot` executable on `PATH`.
        case notInstalled
        /// `dot` exited with a non-zero status.
        case failed(status: Int32, stderr: String)
        /// `dot` could not be started or its files could not be handled.
        case couldNotRun(String)
        /// `dot` was still drawing after `seconds` and was stopped (its layout is superlinear in the graph).
        case timedOut(seconds: Int)

        public var description: String {
            switch self {
            case .notInstalled:
                "Graphviz's 'dot' is not on PATH; install Graphviz (Debian/Ubuntu: apt-get install graphviz, "
                    + "macOS: brew install graphviz, Fedora: dnf install graphviz) or render with --format dot or mermaid"
            case .failed(let status, let stderr):
                "dot exited with status \(status): \(stderr.trimmingCharacters(in: .whitespacesAndNewlines))"
            case .couldNotRun(let reason):
                "could not run dot: \(reason)"
            case .timedOut(let seconds):
                "dot did not finish drawing within \(seconds) s and was stopped; the graph is too large to lay out: "
                    + "render a narrower view (--view context, or --flow NAME with --view sequence) or write --format dot or mermaid"
            }
        }
    }

    /// The first executable named `dot` on `path` (a `PATH`-style list); `nil` when there is none.
    public static func locate(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for directory in (path ?? "").split(separator: ":") where !directory.isEmpty {
            let candidate = String(directory) + "/dot"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// How long `dot` may draw before it is stopped: a diagram people read lays out in well under a second
    /// (the examples: 0.1 s), while dot's layout grows superlinearly (measured on layered systems with three
    /// calls per service: 500 components 1.3 s, 1,000 5.1 s, 2,000 20.5 s; 10,000 ran for many minutes).
    public static let defaultTimeout = 10

    /// Runs `dot -T<format>` on `source`, stopping it after `timeout` seconds.
    public static func run(_ source: String, format: String = "svg", executable: String? = locate(),
                           timeout: Int = defaultTimeout) -> Result<Output, Failure> {
        guard let executable else { return .failure(.notInstalled) }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lintel-dot-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("diagram.dot")
        let output = directory.appendingPathComponent("diagram.out")
        let process = Process()
        let errors = Pipe()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(source.utf8).write(to: input)
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["-T\(format)", "-o", output.path, input.path]
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
        } catch {
            return .failure(.couldNotRun(error.localizedDescription))
        }
        // A watchdog kills dot at the deadline (by pid: the process object is not Sendable); a SIGKILL
        // exit is then the timeout, never a crash of dot's own (which ends with another signal).
        let pid = process.processIdentifier
        let watchdog = DispatchSource.makeTimerSource(queue: .global())
        watchdog.schedule(deadline: .now() + .seconds(max(1, timeout)))
        watchdog.setEventHandler { kill(pid, SIGKILL) }
        watchdog.resume()
        // Read stderr to its end before waiting, so a chatty dot cannot fill the pipe and block.
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        watchdog.cancel()
        if process.terminationReason == .uncaughtSignal, process.terminationStatus == SIGKILL {
            return .failure(.timedOut(seconds: max(1, timeout)))
        }
        guard process.terminationStatus == 0 else {
            return .failure(.failed(status: process.terminationStatus, stderr: stderr))
        }
        guard let data = try? Data(contentsOf: output) else {
            return .failure(.couldNotRun("dot wrote no output"))
        }
        return .success(Output(data: data, warnings: stderr))
    }
}
