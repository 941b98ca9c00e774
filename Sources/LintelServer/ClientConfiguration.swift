import Foundation

/// The configuration snippets that register `lintel mcp` with a coding agent's client.
public enum ClientConfiguration {
    /// The clients `lintel mcp --print-config` knows.
    public enum Client: String, Sendable, CaseIterable {
        case claude, cursor, vscode
    }

    /// The snippet for `client`, starting `command` (the lintel executable) with `mcp --root root`:
    /// `json` is what goes into the file, `note` says which file (JSON has no comments).
    public static func snippet(for client: Client, command: String, root: String) -> (note: String, json: String) {
        let server: [String: Any] = ["command": command, "args": ["mcp", "--root", root]]
        switch client {
        case .claude:
            return ("Claude Code: .mcp.json in the project (or run: claude mcp add lintel -- \(command) mcp --root \(root)); Claude Desktop: claude_desktop_config.json",
                    json(["mcpServers": ["lintel": server]]))
        case .cursor:
            return ("Cursor: .cursor/mcp.json in the project, or ~/.cursor/mcp.json", json(["mcpServers": ["lintel": server]]))
        case .vscode:
            return ("VS Code: .vscode/mcp.json in the workspace",
                    json(["servers": ["lintel": ["type": "stdio", "command": command, "args": ["mcp", "--root", root]]]]))
        }
    }

    private static func json(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
            return "{}\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
