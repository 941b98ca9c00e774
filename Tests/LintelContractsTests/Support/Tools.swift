import Foundation
#if canImport(Glibc)
import Glibc
#endif
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
    ///
    /// posix_spawn and waitpid with standard streams in temporary files, not Foundation's Process and pipes:
    /// a daemon the command leaves behind (`pg_ctl start`) inherits the streams, so a pipe would never
    /// reach end of file, and Process's child monitoring was seen to hang on such a command.
    static func run(_ executable: String, _ arguments: [String], input: String? = nil, directory: URL? = nil) throws -> ToolResult {
        let scratch = try temporaryDirectory("lintel-run")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inPath = scratch.appendingPathComponent("stdin").path
        let outPath = scratch.appendingPathComponent("stdout").path
        let errPath = scratch.appendingPathComponent("stderr").path
        try Data((input ?? "").utf8).write(to: URL(fileURLWithPath: inPath))

        // `env -C DIR` changes directory in the child (coreutils 8.28+).
        var argv = [executable] + arguments
        if let directory { argv = ["/usr/bin/env", "-C", directory.path] + argv }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        let envp = environment.map { "\($0.key)=\($0.value)" }.sorted()

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = envp.map { strdup($0) } + [nil]
        defer {
            for pointer in cArguments { free(pointer) }
            for pointer in cEnvironment { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, cEnvironment)
        try #require(spawned == 0, "cannot start \(argv[0]): error \(spawned)")
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, spelled out (the macros are not imported into Swift).
        let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let read: (String) -> String = { path in
            String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self)
        }
        return ToolResult(status: exitStatus, stdout: read(outPath), stderr: read(errPath))
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
}
