import Foundation

/// How `lintel mcp` was started: the directory it may read and the limits it enforces.
public struct ServerConfiguration: Sendable {
    /// Model and deployment files are read only inside this directory (symlinks resolved).
    public var root: URL
    /// A tool call still running after this many seconds is stopped and answered with an error.
    public var timeLimit: Double
    /// The largest model or deployment text a tool accepts, in bytes (UTF-8).
    public var maximumInputBytes: Int
    /// The largest JSON-RPC message the transport reads; a longer line is refused without parsing.
    public var maximumMessageBytes: Int
    /// Lintel's version, reported to clients.
    public var version: String
    /// Receives one line per notable event (a call timed out or cancelled); the library never prints,
    /// the `lintel mcp` command sends these to standard error.
    public var log: @Sendable (String) -> Void = { _ in }

    /// The default limits: 120 s per call, 4 MiB of model text, 64 MiB per message.
    public init(root: URL, timeLimit: Double = 120, maximumInputBytes: Int = 4 * 1024 * 1024,
                maximumMessageBytes: Int = 64 * 1024 * 1024, version: String = "0.1.0") {
        self.root = root
        self.timeLimit = timeLimit
        self.maximumInputBytes = maximumInputBytes
        self.maximumMessageBytes = maximumMessageBytes
        self.version = version
    }
}
