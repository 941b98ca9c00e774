import ArgumentParser

@main
struct Lintel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lintel",
        abstract: "A backend architect you can run: review, size, simulate and render a system from one YAML model.",
        version: "0.1.0",
        subcommands: [
            // Register each subcommand here, one per line.
            Check.self,
            Review.self,
            Rules.self,
            Explain.self,
            Schema.self,
            Capacity.self,
            Import.self,
            Render.self,
            Simulate.self,
            Design.self,
            MCP.self,
            Generate.self,
            ReviewAPI.self,
        ]
    )
}
