import Foundation
import Testing

/// `-` reads standard input (named by --stdin-name in locations); `-o` files are written atomically
/// and never over an existing file without --force.
@Suite("Standard input and output files")
struct InputOutputCommandTests {
    static let model = CLI.root.appendingPathComponent("examples/order-system.yaml")

    /// Runs lintel with `input` on standard input.
    static func run(_ arguments: [String], input: Data) throws -> CLIResult {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = CLI.root
        let stdin = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = stdin
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdoutData = CLI.Reader(out.fileHandleForReading), stderrData = CLI.Reader(err.fileHandleForReading)
        try stdin.fileHandleForWriting.write(contentsOf: input)
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: stdoutData.text(), stderr: stderrData.text())
    }

    @Test("Every command that takes a model reads '-' from standard input like the file", arguments: [
        ["check"], ["review", "--format", "json"], ["capacity"], ["simulate", "--duration", "2s"], ["render"],
    ])
    func stdinLikeFile(_ command: [String]) throws {
        let fromFile = try CLI.run(command + [Self.model.path])
        let fromStdin = try Self.run(command + ["-", "--stdin-name", Self.model.path], input: try Data(contentsOf: Self.model))
        #expect(fromStdin.status == fromFile.status)
        #expect(fromStdin.stdout == fromFile.stdout)
    }

    @Test("A pipe given as a path (/dev/stdin, <(cat …)) is read like a file; an endless device is refused at the limit")
    func pipesAndDevices() throws {
        let piped = try Self.run(["check", "/dev/stdin"], input: try Data(contentsOf: Self.model))
        #expect(piped.status == 0 && piped.stdout.hasPrefix("/dev/stdin: ok: system 'shop'"))
        let endless = try CLI.run(["check", "/dev/zero"])
        #expect(endless.status == 2 && endless.stderr.contains("input is larger than the 16 MiB limit"))
    }

    @Test("Diagnostics of a piped buffer carry --stdin-name and the line")
    func stdinName() throws {
        let text = "lintel: 1\nsystem: demo\ncomponents:\n  api: { kind: service, instances: -1 }\n"
        let result = try Self.run(["check", "-", "--stdin-name", "buffer.yaml"], input: Data(text.utf8))
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("buffer.yaml:4:"))
    }

    @Test("A compose file piped to review and import is imported, located by --stdin-name")
    func composeOnStdin() throws {
        let compose = try Data(contentsOf: CLI.root.appendingPathComponent("Tests/Corpus/robot-shop/docker-compose.yaml"))
        let review = try Self.run(["review", "-", "--stdin-name", "robot.yaml", "--format", "json", "--fail-on", "never"], input: compose)
        #expect(review.status == 0)
        #expect(review.stdout.contains("\"file\" : \"robot.yaml\"") || review.stdout.contains("\"file\":\"robot.yaml\""))
        let imported = try Self.run(["import", "compose", "-", "--stdin-name", "robot.yaml", "--quiet"], input: compose)
        #expect(imported.status == 0 && imported.stdout.contains("lintel: 1"))
    }

    @Test("-o refuses an existing file without --force and leaves it as it was; --force replaces it whole")
    func outputFile() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("schema.json")
        try Data("keep me".utf8).write(to: target)
        let refused = try CLI.run(["schema", "-o", target.path])
        #expect(refused.status == 2 && refused.stderr.contains("file exists; pass --force"))
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep me")
        let forced = try CLI.run(["schema", "-o", target.path, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("{"))
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["schema.json"])
    }

    @Test("A directory as -o, or a missing directory, is a clear message, not NSCocoaErrorDomain")
    func outputDirectory() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for arguments in [["schema", "-o", directory.path], ["schema", "-o", directory.path, "--force"],
                          ["render", Self.model.path, "-o", directory.path]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 2)
            #expect(result.stderr.contains("is a directory; give the name of a file to write"))
            #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        }
        let missing = try CLI.run(["schema", "-o", directory.appendingPathComponent("no/such/schema.json").path])
        #expect(missing.status == 2 && missing.stderr.contains("does not exist"))
    }

    @Test("-o /dev/null with --force writes through the device instead of replacing it")
    func outputDevice() throws {
        #expect(try CLI.run(["schema", "-o", "/dev/null", "--force"]).status == 0)
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    }
}

@Suite("design -o")
struct DesignOutputCommandTests {
    @Test("design -o onto an existing file is a clear message and leaves the file")
    func designOntoFile() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("design")
        try Data("mine".utf8).write(to: file)
        for force in [false, true] {
            let result = try CLI.run(["design", "examples/requirements/startup.yaml", "-o", file.path] + (force ? ["--force"] : []))
            #expect(result.status == 2 && result.stderr.contains("is a file; design -o writes a directory"))
            #expect(try String(contentsOf: file, encoding: .utf8) == "mine")
        }
    }
}
