import Foundation
import MCP

/// Lintel as a Model Context Protocol server: the engines as tools, the schema, rule catalog and
/// examples as resources, and prompts that make an agent compute instead of guess.
///
/// Handlers call the Lintel libraries directly (no process is started) on engine threads of their
/// own, so the server keeps answering while a simulation runs; every failure of a call is a tool
/// result with `isError`, never a crashed server.
public struct LintelMCPServer: Sendable {
    public let configuration: ServerConfiguration
    let root: RootDirectory
    let engine: EngineTools
    let simulations = Gate()
    /// Engine threads for the other tools: a flood of calls (or of timed-out ones still finishing)
    /// is refused rather than given a thread each.
    let engineThreads = Gate(capacity: 8)

    /// Why the server cannot start.
    public struct SetupError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(configuration: ServerConfiguration) throws(SetupError) {
        guard let root = RootDirectory(configuration.root) else {
            throw SetupError(description: "--root \(configuration.root.path) is not a directory")
        }
        guard configuration.timeLimit > 0, configuration.timeLimit.isFinite else {
            throw SetupError(description: "--time-limit must be a positive number of seconds")
        }
        self.configuration = configuration
        self.root = root
        engine = EngineTools(root: root, limit: configuration.maximumInputBytes, version: configuration.version)
    }

    /// What the server tells a client about itself at initialisation.
    var instructions: String {
        """
        Lintel computes what a backend architect would otherwise estimate: review findings, capacity \
        (queueing theory), discrete-event simulation, diagrams. Pass a model as `model` (YAML or JSON \
        text) or `path` (a file inside \(root.path)). Start with `check`; read lintel://schema for \
        the model's keys and lintel://examples/ for complete models. Every figure comes with the \
        formula it was computed from: quote it rather than rounding it into an estimate.
        """
    }

    /// A server with every handler registered, not yet connected.
    public func makeServer() async -> Server {
        let server = Server(
            name: "lintel", version: configuration.version, title: "Lintel", instructions: instructions,
            capabilities: .init(prompts: .init(listChanged: false), resources: .init(subscribe: false, listChanged: false),
                                tools: .init(listChanged: false)))
        let tools = ToolCatalog.tools(limit: configuration.maximumInputBytes)
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: tools) }
        await server.withMethodHandler(CallTool.self) { [self, weak server] params in
            try await call(params, server: server)
        }
        await server.withMethodHandler(ListResources.self) { _ in ListResources.Result(resources: ResourceCatalog.list()) }
        await server.withMethodHandler(ReadResource.self) { params in
            guard let content = ResourceCatalog.read(params.uri) else {
                throw MCPError.invalidParams("no resource \(params.uri.prefix(200)); resources/list lists them")
            }
            return ReadResource.Result(contents: [content])
        }
        await server.withMethodHandler(ListPrompts.self) { _ in ListPrompts.Result(prompts: PromptCatalog.list()) }
        await server.withMethodHandler(GetPrompt.self) { params in
            guard let result = PromptCatalog.get(params.name, arguments: params.arguments ?? [:]) else {
                throw MCPError.invalidParams("no prompt \(params.name.prefix(200)); prompts/list lists them")
            }
            return result
        }
        return server
    }

    /// Serves over standard input and output until the client closes standard input.
    public func run() async throws {
        let server = await makeServer()
        try await server.start(transport: LineTransport(maximumMessageBytes: configuration.maximumMessageBytes))
        await server.waitUntilCompleted()
    }

    /// One `tools/call`: arguments checked, the engine run off the cooperative pool under the time limit.
    func call(_ params: CallTool.Parameters, server: Server?) async throws -> CallTool.Result {
        let name = params.name
        guard ToolCatalog.names.contains(name) else {
            throw MCPError.invalidParams("unknown tool '\(name.prefix(64))'; tools/list lists them: \(ToolCatalog.names.joined(separator: ", "))")
        }
        let arguments: Arguments
        do {
            arguments = try Arguments(params.arguments, tool: name, allowed: ToolCatalog.arguments(of: name))
        } catch {
            return ToolOutput.failure(error)
        }
        let limit = configuration.timeLimit
        let outcome: OffloadOutcome<Result<CallTool.Result, ToolFailure>>
        if name == "simulate" {
            let progress = ProgressReporter(server: server, token: params._meta?.progressToken)
            defer { progress.finish() }
            outcome = await SimulateTool(engine: engine, gate: simulations).run(arguments, limit: limit) { progress.report($0) }
        } else {
            let engine = self.engine, threads = engineThreads
            guard threads.tryEnter() else {
                return ToolOutput.failure(ToolFailure("\(name): the server is busy with 8 calls (some may be timed-out ones still finishing); try again shortly"))
            }
            outcome = await Offload.run(limit: limit) { _ -> Result<CallTool.Result, ToolFailure> in
                defer { threads.leave() }
                do throws(ToolFailure) {
                    return .success(try engine.dispatch(name, arguments))
                } catch {
                    return .failure(error)
                }
            }
        }
        switch outcome {
        case .finished(.success(let result)): return result
        case .finished(.failure(let failure)): return ToolOutput.failure(failure)
        case .timedOut:
            configuration.log("a call of \(name) stopped at the time limit")
            return ToolOutput.failure(Timeouts.failure(name, limit: limit))
        case .cancelled:
            // The protocol asks for no response to a cancelled request; the SDK sends none for this error.
            configuration.log("a call of \(name) cancelled by the client")
            throw CancellationError()
        }
    }
}

extension EngineTools {
    /// The synchronous tools by name.
    func dispatch(_ name: String, _ arguments: Arguments) throws(ToolFailure) -> CallTool.Result {
        switch name {
        case "check": try check(arguments)
        case "review": try review(arguments)
        case "capacity": try capacity(arguments)
        case "render": try render(arguments)
        case "import": try importModel(arguments)
        case "explain": try explain(arguments)
        case "design": try design(arguments)
        default: throw ToolFailure("unknown tool '\(name)'")
        }
    }
}

/// Sends `notifications/progress` for one request, in order, from the engine thread's reports.
final class ProgressReporter: Sendable {
    private let continuation: AsyncStream<Double>.Continuation?

    init(server: Server?, token: ProgressToken?) {
        guard let server, let token else {
            continuation = nil
            return
        }
        let (stream, continuation) = AsyncStream<Double>.makeStream(bufferingPolicy: .bufferingNewest(8))
        self.continuation = continuation
        Task {
            for await percent in stream {
                try? await server.notify(ProgressNotification.message(.init(
                    progressToken: token, progress: percent, total: 100, message: "simulated \(Int(percent))%")))
            }
        }
    }

    func report(_ percent: Double) { continuation?.yield(percent) }

    func finish() { continuation?.finish() }
}
