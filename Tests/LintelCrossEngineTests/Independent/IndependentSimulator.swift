import Foundation
import Testing

/// Runs one of the SimPy scripts in `Python/` with python3 and decodes the JSON it prints.
///
/// Nothing is skipped: when python3 or SimPy is missing the calling test fails and says how to
/// install them (CI's `.ci/run` does).
enum IndependentSimulator {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Python")

    /// - Parameters:
    ///   - script: file name under `Python/`.
    ///   - arguments: the script's positional arguments (seed and sizes included).
    static func run(_ script: String, _ arguments: [String]) throws -> [String: Any] {
        let path = scripts.appendingPathComponent(script).path
        try #require(FileManager.default.fileExists(atPath: path), "independent simulator missing: \(path)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", path] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            Issue.record("could not start python3 (install Python 3 and `python3 -m pip install simpy ciw`): \(error)")
            throw error
        }
        let stdoutReader = Drain(out.fileHandleForReading), stderrReader = Drain(err.fileHandleForReading)
        process.waitUntilExit()
        let stdout = stdoutReader.data(), stderr = String(decoding: stderrReader.data(), as: UTF8.self)
        try #require(process.terminationStatus != 127, "python3 not found on PATH: install Python 3, then `python3 -m pip install simpy`")
        try #require(process.terminationStatus != 3, "\(stderr)")
        try #require(process.terminationStatus == 0, "python3 \(script) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(stderr)")
        let object = try JSONSerialization.jsonObject(with: stdout)
        return try #require(object as? [String: Any], "\(script) printed no JSON object: \(String(decoding: stdout, as: UTF8.self))")
    }

    /// A number at a dotted path in the decoded JSON, e.g. "caller.mean_wait".
    static func number(_ object: [String: Any], _ path: String) throws -> Double {
        var current: Any = object
        for key in path.split(separator: ".") {
            let dictionary = try #require(current as? [String: Any], "no \(path) in \(object)")
            current = try #require(dictionary[String(key)], "no \(path) in \(object)")
        }
        return try #require((current as? NSNumber)?.doubleValue, "\(path) is not a number in \(object)")
    }

    /// Reads a pipe to its end on a background thread so a full pipe cannot block the child.
    final class Drain: @unchecked Sendable {
        private var collected = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                collected = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        func data() -> Data {
            done.wait()
            return collected
        }
    }
}
