import Foundation
import LintelModel
import MCP

/// Builds tool results: structured content beside the same content as text, or an error.
enum ToolOutput {
    /// A result whose structured content is the CLI's JSON document `json` (parsed, so it is the
    /// same content) and whose text block is that document verbatim, byte for byte.
    static func cliJSON(_ json: String) throws(ToolFailure) -> CallTool.Result {
        let value: Value
        do {
            value = try JSONDecoder().decode(Value.self, from: Data(json.utf8))
        } catch {
            throw ToolFailure("internal: the engine's JSON could not be read back (\(error))")
        }
        guard case .object = value else { throw ToolFailure("internal: the engine's JSON is not an object") }
        let content: [Tool.Content] = [.text(text: json, annotations: nil, _meta: nil)]
        let structured: Value? = value
        return CallTool.Result(content: content, structuredContent: structured, isError: Bool?.none, _meta: Metadata?.none)
    }

    /// A result with `fields` as structured content and `text` as what a person reads.
    static func object(_ fields: [String: Value], text: String) -> CallTool.Result {
        let content: [Tool.Content] = [.text(text: text, annotations: nil, _meta: nil)]
        let structured: Value? = .object(fields)
        return CallTool.Result(content: content, structuredContent: structured, isError: Bool?.none, _meta: Metadata?.none)
    }

    /// The error result for `failure`: `isError`, and the located diagnostics as
    /// `file:line:col: error: message` lines a person or an editor can follow.
    static func failure(_ failure: ToolFailure) -> CallTool.Result {
        CallTool.Result(content: [.text(text: failure.text, annotations: nil, _meta: nil)], isError: true)
    }

    /// Diagnostics as `file:line:col: severity: message` strings, for structured content.
    static func lines(_ diagnostics: [Diagnostic]) -> Value {
        .array(diagnostics.map { .string($0.description) })
    }
}
