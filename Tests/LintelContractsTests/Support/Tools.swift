import Foundation
import LintelModel
import Testing

/// What a process printed and how it exited.
struct ToolResult: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum Tools {
    /// The repository root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/LintelContractsTests/Fixtures")

    /// Every model with a domain the generators are tested on: the examples, the design tests' golden
    /// models, and this suite's own test domain.
    static var modelFiles: [URL] {
        let manager = FileManager.default
        var files: [URL] = []
        let examples = root.appendingPathComponent("examples")
        for name in ((try? manager.contentsOfDirectory(atPath: examples.path)) ?? []).sorted() where name.hasSuffix(".yaml") {
            files.append(examples.appendingPathComponent(name))
        }
        let golden = root.appendingPathComponent("Tests/LintelDesignTests/Golden")
        for name in ((try? manager.contentsOfDirectory(atPath: golden.path)) ?? []).sorted() {
            let model = golden.appendingPathComponent(name).appendingPathComponent("model.yaml")
            if manager.fileExists(atPath: model.path) { files.append(model) }
        }
        files.append(fixtures.appendingPathComponent("models/ledger.yaml"))
        return files
    }

    /// The model files whose domain declares entities.
    static var domainModelFiles: [URL] {
        modelFiles.filter { url in (try? load(url))?.domain.entities.isEmpty == false }
    }

    static func load(_ url: URL) throws -> Model {
        try ModelLoader.load(path: url.path).model
    }

    /// A short name for a model file, for test arguments.
    static func label(_ url: URL) -> String {
        url.path.replacingOccurrences(of: root.path + "/", with: "")
    }

    /// The executable `name` on PATH (or one of `extra` paths), if any.
    static func find(_ name: String, extra: [String] = []) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":").map(String.init) + extra {
            let candidate = directory + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `executable arguments…` with optional standard input and waits for it.
    /// - Parameter capture: read standard output and error; off for a command that leaves a daemon behind
    ///   (`pg_ctl start`), which would hold the pipes open and the read would never end.
    static func run(_ executable: String, _ arguments: [String], input: String? = nil, directory: URL? = nil,
                    capture: Bool = true) throws -> ToolResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        guard capture else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return ToolResult(status: process.terminationStatus, stdout: "", stderr: "")
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        let stdout = Reader(out.fileHandleForReading), stderr = Reader(err.fileHandleForReading)
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        return ToolResult(status: process.terminationStatus, stdout: stdout.text(), stderr: stderr.text())
    }

    /// Runs the built `lintel` executable.
    static func lintel(_ arguments: [String]) throws -> ToolResult {
        let products: URL = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL.deletingLastPathComponent()
            ?? Bundle.main.bundleURL
        let binary = products.appendingPathComponent("lintel").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "lintel not built at \(binary)")
        return try run(binary, arguments, directory: root)
    }

    /// python3, with the packages scripts/test installs.
    static func python() throws -> String {
        try #require(find("python3"), "python3 is needed (scripts/test installs it)")
    }

    static func temporaryDirectory(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Drains a pipe on a background thread so a full pipe cannot block the process.
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
