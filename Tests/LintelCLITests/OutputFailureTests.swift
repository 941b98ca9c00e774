import Foundation
import Testing

/// Issue 17: writing to a full disk, a closed descriptor or a closed pipe is an error every command
/// reports with exit code 74 (EX_IOERR), never a trap (132, 134 or 139).
@Suite("Output failures end with 74, never a trap")
struct OutputFailureTests {
    /// One run of every command that prints, small enough to finish in a moment.
    static let commands: [[String]] = [
        ["review", "examples/order-system.yaml"],
        ["check", "examples/order-system.yaml"],
        ["capacity", "examples/order-system.yaml"],
        ["simulate", "examples/order-system.yaml", "--duration", "2s"],
        ["render", "examples/order-system.yaml"],
        ["import", "compose", "Tests/Corpus/robot-shop/docker-compose.yaml", "--quiet"],
        ["rules", "--markdown"],
        ["schema"],
        ["explain", "timeout"],
        ["design", "examples/requirements/startup.yaml"],
    ]
    static let traps: Set<Int32> = [132, 133, 134, 139]

    /// Runs lintel through `sh` with SIGPIPE ignored (as many CI runners set it) and `redirection`
    /// applied to the exec (`>/dev/full`, `>&-`, `2>&-`).
    static func run(_ arguments: [String], redirection: String, stdout: FileHandle? = nil) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "trap '' PIPE; exec \"$0\" \"$@\" \(redirection)", CLI.executable.path] + arguments
        process.currentDirectoryURL = CLI.root
        let out = Pipe(), err = Pipe()
        process.standardOutput = stdout ?? out
        process.standardError = err
        try process.run()
        if stdout != nil { try out.fileHandleForWriting.close() }
        let stdoutData = CLI.Reader(out.fileHandleForReading), stderrData = CLI.Reader(err.fileHandleForReading)
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: stdoutData.text(), stderr: stderrData.text())
    }

    @Test("stdout on /dev/full: exit 74 with a message on stderr", arguments: commands)
    func deviceFull(_ arguments: [String]) throws {
        let result = try Self.run(arguments, redirection: ">/dev/full")
        #expect(result.status == 74, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("cannot write to standard output: No space left on device (ENOSPC)"))
    }

    @Test("stdout closed: exit 74 with a message on stderr", arguments: commands)
    func stdoutClosed(_ arguments: [String]) throws {
        let result = try Self.run(arguments, redirection: ">&-")
        #expect(result.status == 74, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("cannot write to standard output: Bad file descriptor (EBADF)"))
    }

    @Test("stdout a pipe whose reader is gone, SIGPIPE ignored: exit 74 (EPIPE), not a trap", arguments: commands)
    func brokenPipe(_ arguments: [String]) throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let result = try Self.run(arguments, redirection: "", stdout: pipe.fileHandleForWriting)
        try pipe.fileHandleForWriting.close()
        #expect(result.status == 74, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("(EPIPE)"))
    }

    @Test("stderr closed: the run's own exit code, or 74 with the message on stdout when it had something to say", arguments: commands)
    func stderrClosed(_ arguments: [String]) throws {
        let normal = try CLI.run(arguments)
        #expect(!Self.traps.contains(normal.status))
        let result = try Self.run(arguments, redirection: "2>&-")
        #expect(!Self.traps.contains(result.status))
        if normal.stderr.isEmpty {
            #expect(result.status == normal.status, "\(arguments)")
        } else {
            #expect(result.status == 74, "\(arguments)")
            #expect(result.stdout.contains("cannot write to standard error"))
        }
    }

    @Test("stdout and stderr both on /dev/full: exit 74, nothing left to say it on", arguments: commands)
    func bothFull(_ arguments: [String]) throws {
        let result = try Self.run(arguments, redirection: ">/dev/full 2>/dev/full")
        #expect(result.status == 74, "\(arguments)")
    }

    @Test("stdout and stderr both closed: exit 74", arguments: commands)
    func bothClosed(_ arguments: [String]) throws {
        let result = try Self.run(arguments, redirection: ">&- 2>&-")
        #expect(result.status == 74, "\(arguments)")
    }

    @Test("Usage errors and help survive closed streams too")
    func usage() throws {
        #expect(try Self.run(["--help"], redirection: ">/dev/full").status == 74)
        #expect(try Self.run(["review", "--no-such-option"], redirection: "2>&-").status == 74)
        #expect(try Self.run(["review", "--no-such-option"], redirection: "").status == 64)
    }
}
