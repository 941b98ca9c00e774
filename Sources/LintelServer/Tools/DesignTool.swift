import LintelDesign
import LintelModel
import MCP

extension EngineTools {
    /// `lintel design -o DIR FILE`: the files it would write, as data (the server writes nothing).
    func design(_ arguments: Arguments) throws(ToolFailure) -> CallTool.Result {
        let source = try source(arguments)
        let (model, _) = try loading.model(from: source)
        let result: DesignResult
        do {
            result = try Designer.design(model)
        } catch {
            throw ToolFailure("\(source.name): \(error.description)")
        }
        let files: [Value] = result.files.map { .object(["path": .string($0.path), "contents": .string($0.contents)]) }
        return ToolOutput.object(["model": .string(result.modelYAML), "document": .string(result.document),
                                  "files": .array(files), "sizingConverged": .bool(result.sizingConverged)],
                                 text: result.document)
    }
}
