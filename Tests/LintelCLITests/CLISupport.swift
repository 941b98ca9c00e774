import Foundation
import Testing

/// Runs the built `lintel` executable and captures what it printed and how it exited.
struct CLIResult: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    /// The repository root, where `examples/` and `docs/` live.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The build products directory: where the test bundle is, `lintel` beside it.
    static var productsDirectory: URL {
        if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    static var executable: URL { productsDirectory.appendingPathComponent("lintel") }

    /// Runs `lintel arguments…` in `directory` (the repository root by default) and waits for it.
    static func run(_ arguments: [String], in directory: URL = root, environment: [String: String] = [:]) throws -> CLIResult {
        let binary = executable
        try #require(FileManager.default.isExecutableFile(atPath: binary.path),
                     "lintel not found at \(binary.path); `swift build` the lintel product first")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes concurrently with the process so a full pipe cannot block it.
        let stdoutData = Reader(out.fileHandleForReading), stderrData = Reader(err.fileHandleForReading)
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: stdoutData.text(), stderr: stderrData.text())
    }

    /// A new empty directory for files a test writes.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lintel-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to a file named `name` in a new temporary directory, runs `body` with the file's URL,
    /// and removes the directory (files `body` writes beside it go with it).
    static func withFile<T>(_ name: String, _ text: String, _ body: (URL) throws -> T) throws -> T {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return try body(file)
    }

    /// Drains a pipe on a background thread.
    final class Reader: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        func text() -> String {
            done.wait()
            return String(decoding: data, as: UTF8.self)
        }
    }
}
