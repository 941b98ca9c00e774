import Foundation
import Logging
import MCP
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Newline-delimited JSON-RPC over a pair of file descriptors (stdin and stdout), with a size limit.
///
/// The SDK's `StdioTransport` rescans the whole pending buffer for a newline after every 4 KB read,
/// which is quadratic: a 20 MB message takes minutes. This transport scans only the bytes just
/// read, on a thread of its own with blocking reads, and refuses a message longer than
/// `maximumMessageBytes` without buffering it: the rest of the line is skipped and, when the
/// request id can be found in its first bytes, the client gets a JSON-RPC error for it.
public actor LineTransport: Transport {
    public nonisolated let logger: Logger
    private let input: Int32
    private let output: Int32
    private let maximumMessageBytes: Int
    private let stream: AsyncThrowingStream<Data, Swift.Error>
    private let continuation: AsyncThrowingStream<Data, Swift.Error>.Continuation
    private var started = false

    public init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, maximumMessageBytes: Int, logger: Logger? = nil) {
        self.input = input
        self.output = output
        self.maximumMessageBytes = maximumMessageBytes
        self.logger = logger ?? Logger(label: "lintel.mcp.transport", factory: { _ in SwiftLogNoOpLogHandler() })
        (stream, continuation) = AsyncThrowingStream<Data, Swift.Error>.makeStream()
    }

    public func connect() async throws {
        guard !started else { return }
        started = true
        let reader = LineReader(descriptor: input, limit: maximumMessageBytes, continuation: continuation) { [weak self] id, size in
            guard let self else { return }
            Task { await self.refuse(id: id, size: size) }
        }
        let thread = Thread { reader.run() }
        thread.start()
    }

    public func disconnect() async {
        continuation.finish()
    }

    public func send(_ data: Data) async throws {
        var message = data
        message.append(UInt8(ascii: "\n"))
        try message.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = write(output, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw MCPError.transportError(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
                }
                offset += written
            }
        }
    }

    public func receive() -> AsyncThrowingStream<Data, Swift.Error> { stream }

    /// Answers an oversized request with "invalid request" (the id's JSON text is copied as read).
    private func refuse(id: String, size: Int) async {
        let message = "message of at least \(size) bytes is larger than the server's limit of \(maximumMessageBytes) bytes; send less (a model is at most a few megabytes)"
        let escaped = message.replacingOccurrences(of: "\"", with: "'")
        let text = "{\"jsonrpc\":\"2.0\",\"id\":\(id),\"error\":{\"code\":-32600,\"message\":\"\(escaped)\"}}"
        try? await send(Data(text.utf8))
    }
}

/// The blocking read loop behind `LineTransport`.
final class LineReader: @unchecked Sendable {
    private let descriptor: Int32
    private let limit: Int
    private let continuation: AsyncThrowingStream<Data, Swift.Error>.Continuation
    private let oversized: @Sendable (_ id: String, _ size: Int) -> Void

    init(descriptor: Int32, limit: Int, continuation: AsyncThrowingStream<Data, Swift.Error>.Continuation,
         oversized: @escaping @Sendable (String, Int) -> Void) {
        self.descriptor = descriptor
        self.limit = limit
        self.continuation = continuation
        self.oversized = oversized
    }

    func run() {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var pending = Data()
        var skipping = false  // inside an oversized line: drop bytes until its newline
        var skippedPrefix = Data()
        var skippedSize = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            var start = 0
            while start < count {
                // Only the new bytes are scanned: each byte is looked at once however long the line.
                let newline = chunk[start..<count].firstIndex(of: UInt8(ascii: "\n"))
                let end = newline ?? count
                if skipping {
                    skippedSize += end - start
                } else {
                    pending.append(contentsOf: chunk[start..<end])
                    if pending.count > limit {
                        skipping = true
                        skippedPrefix = pending.prefix(4096)
                        skippedSize = pending.count
                        pending = Data()
                    }
                }
                guard newline != nil else { break }
                if skipping {
                    if let id = Self.requestID(in: skippedPrefix) { oversized(id, skippedSize) }
                    skipping = false
                    skippedPrefix = Data()
                } else if !pending.isEmpty {
                    continuation.yield(pending)
                    pending = Data()
                }
                start = end + 1
            }
        }
        continuation.finish()
    }

    /// The JSON text of `"id": …` (a number or a short string) among the first bytes of a message.
    static func requestID(in prefix: Data) -> String? {
        let text = String(decoding: prefix, as: UTF8.self)
        guard let match = text.range(of: #""id"\s*:\s*(-?[0-9]{1,18}|"[A-Za-z0-9_\-.:]{1,64}")"#, options: .regularExpression) else {
            return nil
        }
        let found = text[match]
        guard let colon = found.firstIndex(of: ":") else { return nil }
        return found[found.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
}
