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

        public var description: String {
            switch self {
            case .notInstalled:
                "Graphviz's 'dot' is not on PATH; install Graphviz (Debian/Ubuntu: apt-get install graphviz, "
                    + "macOS: brew install graphviz, Fedora: dnf install graphviz) or render with --format dot or mermaid"
            case .failed(let status, let stderr):
                "dot exited with status \(status): \(stderr.trimmingCharacters(in: .whitespacesAndNewlines))"
            case .couldNotRun(let reason):
                "could not run dot: \(reason)"
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

    /// Runs `dot -T<format>` on `source`.
    public static func run(_ source: String, format: String = "svg", executable: String? = locate()) -> Result<Output, Failure> {
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
        // Read stderr to its end before waiting, so a chatty dot cannot fill the pipe and block.
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .failure(.failed(status: process.terminationStatus, stderr: stderr))
        }
        guard let data = try? Data(contentsOf: output) else {
            return .failure(.couldNotRun("dot wrote no output"))
        }
        return .success(Output(data: data, warnings: stderr))
    }
}
