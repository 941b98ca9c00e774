import Foundation
import Testing

/// Drives the built `lintel mcp` with the official MCP Python client (`Driver/mcp_driver.py`).
///
/// The independent truth is the CLI: every tool's structured result must equal what `lintel …
/// --format json` prints for the same input, and the client is the reference implementation of
/// the protocol, not this project's code.
@Suite("MCP server through the official Python client")
struct MCPClientTests {
    @Test("every tool, resource and prompt works over stdio and hostile input gives tool errors")
    func pythonClientDrivesTheServer() throws {
        let python = try ServerTestSupport.run("python3", ["-c", "import mcp, anyio"])
        try #require(python.status == 0, """
            python3 with the `mcp` package is needed to drive the server: `python3 -m pip install mcp` \
            (.ci/run installs it). Import failed: \(python.output.suffix(400))
            """)
        let lintel = ServerTestSupport.lintel
        try #require(FileManager.default.isExecutableFile(atPath: lintel.path),
                     "lintel not found at \(lintel.path); `swift build --product lintel` first")
        let driver = ServerTestSupport.repository.appendingPathComponent("Tests/LintelServerTests/Driver/mcp_driver.py")
        let result = try ServerTestSupport.run("python3", [driver.path, "--lintel", lintel.path,
                                                           "--repo", ServerTestSupport.repository.path])
        let failures = result.output.split(separator: "\n").filter { $0.hasPrefix("not ok") || $0.hasPrefix("Traceback") }
        #expect(result.status == 0, """
            the MCP driver failed (\(result.status)); failing checks:
            \(failures.joined(separator: "\n"))
            last output:
            \(result.output.suffix(3000))
            """)
        #expect(result.output.contains(" passed, 0 failed"))
    }
}
