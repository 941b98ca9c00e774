import Foundation
import LintelModel
import MCP

/// Where a tool's model comes from: text in the call, or a file inside the server's root.
struct ModelSource: Sendable {
    /// The name diagnostics use: the path as the client gave it, or `name` (default `<input>`) for text.
    var name: String
    /// The YAML or JSON text.
    var text: String { input.text }
    /// The text through the front door (`YAMLDocument.input`: size, NUL, UTF-8, depth and alias
    /// budgets, one parse); the loader and the importers read its tree, never the text again.
    var input: YAMLInput
    /// The directory of the file on disk (canonical), for compose `.env`, `env_file` and the default
    /// system name; nil for text, which then may not refer to other files.
    var directory: String?

    /// The arguments every model-taking tool accepts.
    static let argumentNames = ["model", "path", "name"]

    /// The input-schema properties for `model`, `path` and `name`.
    static func schemaProperties(limit: Int) -> [String: Value] {
        [
            "model": [
                "type": "string", "maxLength": .int(limit),
                "description": .string("The model as YAML or JSON text (a Lintel model, a docker-compose file or Kubernetes manifests), at most \(limit) bytes. Give this or `path`."),
            ],
            "path": [
                "type": "string",
                "description": "A model file inside the server's root directory (relative to it, or absolute). Give this or `model`.",
            ],
            "name": [
                "type": "string",
                "description": "The file name diagnostics show for `model` text (default `<input>`).",
            ],
        ]
    }

    /// Reads the source the arguments name; exactly one of `model` and `path` must be given.
    static func from(_ arguments: Arguments, root: RootDirectory, limit: Int) throws(ToolFailure) -> ModelSource {
        let text = try arguments.string("model")
        let path = try arguments.string("path")
        switch (text, path) {
        case (let text?, nil):
            let name = try arguments.string("name") ?? "<input>"
            // The name starts every diagnostic line: a newline in it could forge lines of its own.
            guard name.utf8.count <= 1024, !name.contains(where: { $0.isNewline || $0 == "\0" }) else {
                throw ToolFailure("\(arguments.tool): 'name' must be one line of at most 1024 bytes")
            }
            guard text.utf8.count <= limit else {
                throw .whole(name, "input is \(text.utf8.count) bytes, larger than the server's limit of \(limit) bytes for a model")
            }
            return ModelSource(name: name, input: try frontDoor(YAMLDocument.input(data: Data(text.utf8), name: name)), directory: nil)
        case (nil, let path?):
            guard path.utf8.count <= 4096, !path.contains(where: \.isNewline) else {
                throw ToolFailure("\(arguments.tool): 'path' must be one line of at most 4096 bytes")
            }
            let file = try root.readBytes(path, maximumBytes: limit)
            return ModelSource(name: path, input: try frontDoor(YAMLDocument.input(data: file.data, name: path)),
                               directory: URL(fileURLWithPath: file.path).deletingLastPathComponent().path)
        case (nil, nil):
            throw ToolFailure("\(arguments.tool): give the model as `model` (YAML or JSON text) or as `path` (a file inside the root)")
        case (.some, .some):
            throw ToolFailure("\(arguments.tool): give either `model` or `path`, not both")
        }
    }

    /// What the front door read, or its located errors (too large, binary, not UTF-8) as the tool's failure.
    private static func frontDoor(_ result: Result<YAMLInput, ModelLoadError>) throws(ToolFailure) -> YAMLInput {
        switch result {
        case .success(let input): return input
        case .failure(let error): throw ToolFailure(diagnostics: error.diagnostics)
        }
    }
}
