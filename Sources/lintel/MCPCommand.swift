import ArgumentParser
import Foundation
import LintelServer

extension ClientConfiguration.Client: ExpressibleByArgument {}

/// A synchronous command (the root command is synchronous) that blocks its thread while the
/// server's tasks run on Swift's concurrency pool.
struct MCP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve Lintel's tools to coding agents over the Model Context Protocol (stdio).",
        discussion: """
            Tools: check, review, capacity, simulate, render, import, explain; resources: the model's JSON \
            Schema, the rule catalog, the examples; prompts: review an architecture, size for a peak, design \
            from requirements. Models are passed as text or as paths inside --root (symlinks resolved; \
            nothing outside it is read). Register it with a client: lintel mcp --print-config claude.
            Exit status: 0 when the client closes the connection, 64 on bad options.
            """)

    @Option(help: "The directory whose files tools may read (default: the current directory).")
    var root: String = FileManager.default.currentDirectoryPath

    @Option(help: "Seconds a tool call may run before it is stopped with an error.")
    var timeLimit: Double = 120

    @Option(help: "The largest model text a tool accepts, in bytes.")
    var maxInputBytes: Int = 4 * 1024 * 1024

    @Option(help: "Print the configuration snippet for this client (\(ClientConfiguration.Client.allCases.map(\.rawValue).joined(separator: ", "))) and exit.")
    var printConfig: ClientConfiguration.Client?

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard maxInputBytes > 0 else { throw ValidationError("--max-input-bytes must be positive") }
    }

    func run() throws {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        if let client = printConfig {
            let command = Self.executablePath()
            let snippet = ClientConfiguration.snippet(for: client, command: command, root: rootURL.path)
            Terminal.error(snippet.note)
            Terminal.output(snippet.json)
            return
        }
        var configuration = ServerConfiguration(root: rootURL, timeLimit: timeLimit, maximumInputBytes: maxInputBytes,
                                                version: Lintel.configuration.version)
        configuration.log = { Terminal.error("lintel mcp: " + $0) }
        let server: LintelMCPServer
        do {
            server = try LintelMCPServer(configuration: configuration)
        } catch {
            throw ValidationError(error.description)
        }
        Terminal.error("lintel mcp: serving on stdio, root \(rootURL.path)")
        let finished = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run()
            } catch {
                Terminal.error("lintel mcp: \(error)")
            }
            finished.signal()
        }
        finished.wait()
    }

    /// How a client should start this lintel: the path it was run by, or its place on PATH when it
    /// was run by name (symlinks kept, so an upgrade behind a package manager's link still works).
    static func executablePath() -> String {
        let invoked = CommandLine.arguments.first ?? "lintel"
        if invoked.contains("/") { return URL(fileURLWithPath: invoked).standardizedFileURL.path }
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        for directory in directories {
            let candidate = "\(directory)/\(invoked)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return invoked
    }
}
