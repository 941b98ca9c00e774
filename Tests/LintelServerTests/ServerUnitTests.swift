import Foundation
@testable import LintelServer
import MCP
import Testing

@Suite("Server pieces")
struct ServerUnitTests {
    @Test("a root refuses paths that leave it by .., absolute paths or symlinks, and accepts its own files")
    func rootContainment() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("lintel-root-\(UUID().uuidString)")
        let root = base.appendingPathComponent("root")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        try "secret".write(to: base.appendingPathComponent("outside.yaml"), atomically: true, encoding: .utf8)
        try "lintel: 1".write(to: root.appendingPathComponent("model.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link.yaml").path,
                                                   withDestinationPath: base.appendingPathComponent("outside.yaml").path)
        let directory = try #require(RootDirectory(root))
        #expect(throws: ToolFailure.self) { try directory.resolve("../outside.yaml") }
        #expect(throws: ToolFailure.self) { try directory.resolve(base.appendingPathComponent("outside.yaml").path) }
        #expect(throws: ToolFailure.self) { try directory.resolve("link.yaml") }
        #expect(throws: ToolFailure.self) { try directory.resolve("missing.yaml") }
        #expect(throws: ToolFailure.self) { try directory.read("model.yaml", maximumBytes: 3) }
        #expect(try directory.read("model.yaml", maximumBytes: 100).text == "lintel: 1")
        // A sibling whose name starts with the root's is outside it.
        #expect(!directory.contains(directory.path + "-sibling/model.yaml"))
    }

    @Test("the request id of an oversized message is read from its first bytes", arguments: [
        (#"{"jsonrpc":"2.0","id":17,"method":"tools/call"#, "17"),
        (#"{"id": "abc-1", "jsonrpc":"2.0""#, #""abc-1""#),
        (#"{"jsonrpc":"2.0","method":"notifications/x"#, nil),
    ])
    func requestID(prefix: String, expected: String?) {
        #expect(LineReader.requestID(in: Data(prefix.utf8)) == expected)
    }

    @Test("unknown and mistyped arguments are tool failures that name the argument")
    func arguments() throws {
        #expect(throws: ToolFailure.self) { try Arguments(["modle": "x"], tool: "check", allowed: ["model"]) }
        let arguments = try Arguments(["seed": "seven", "months": 2.5], tool: "simulate", allowed: ["seed", "months"])
        #expect(throws: ToolFailure.self) { try arguments.integer("seed") }
        #expect(try arguments.number("months") == 2.5)
    }

    @Test("each client's configuration snippet is JSON that starts lintel mcp with the root", arguments: ClientConfiguration.Client.allCases)
    func clientSnippets(client: ClientConfiguration.Client) throws {
        let snippet = ClientConfiguration.snippet(for: client, command: "/usr/local/bin/lintel", root: "/src/shop")
        let object = try #require(JSONSerialization.jsonObject(with: Data(snippet.json.utf8)) as? [String: Any])
        let servers = try #require((object["mcpServers"] ?? object["servers"]) as? [String: Any])
        let lintel = try #require(servers["lintel"] as? [String: Any])
        #expect(lintel["command"] as? String == "/usr/local/bin/lintel")
        #expect(lintel["args"] as? [String] == ["mcp", "--root", "/src/shop"])
    }

    @Test("a timed-out offload answers at the limit while the work goes on, and reports it abandoned")
    func offloadTimeout() async {
        let release = DispatchSemaphore(value: 0)
        let observed = Race<Bool>()
        let outcome = await Offload.run(limit: 0.05) { isAbandoned -> Int in
            release.wait()
            observed.settle(.finished(isAbandoned()))
            return 1
        }
        guard case .timedOut = outcome else { Issue.record("expected a timeout, got \(outcome)"); return }
        release.signal()
        guard case .finished(let abandoned) = await observed.wait() else { Issue.record("work did not finish"); return }
        #expect(abandoned)
    }
}

@Suite("Line transport")
struct LineTransportTests {
    @Test("a line over the limit is skipped and its id reported; the lines around it arrive whole")
    func oversizedLine() async throws {
        var descriptors: [Int32] = [0, 0]
        try #require(pipe(&descriptors) == 0)
        let (stream, continuation) = AsyncThrowingStream<Data, Error>.makeStream()
        let refused = Race<String>()
        let reader = LineReader(descriptor: descriptors[0], limit: 100, continuation: continuation) { id, size in
            refused.settle(.finished("\(id) \(size)"))
        }
        Thread { reader.run() }.start()
        let big = #"{"jsonrpc":"2.0","id":9,"params":""# + String(repeating: "x", count: 300_000) + "\"}"
        let text = "{\"a\":1}\n" + big + "\n{\"b\":2}\n"
        let writer = FileHandle(fileDescriptor: descriptors[1], closeOnDealloc: true)
        Thread {
            writer.write(Data(text.utf8))
            try? writer.close()
        }.start()
        var lines: [String] = []
        for try await line in stream { lines.append(String(decoding: line, as: UTF8.self)) }
        #expect(lines == [#"{"a":1}"#, #"{"b":2}"#])
        guard case .finished(let report) = await refused.wait() else { Issue.record("no refusal"); return }
        #expect(report == "9 \(big.utf8.count)")
    }
}
