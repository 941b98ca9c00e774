import ArgumentParser
import LintelModel

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of the model file.",
        discussion: """
            Editors use it for completion and hover help. With yaml-language-server, put this on the first line of a model:
              # yaml-language-server: $schema=./lintel.schema.json
            after `lintel schema -o lintel.schema.json`.
            """)

    @Option(name: .shortAndLong, help: "Write the schema to this file instead of standard output.")
    var output: String?

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    func run() throws {
        let json = JSONSchemaGenerator.json()
        if let output {
            try Terminal.write(json, to: output, force: force)
        } else {
            Terminal.output(json)
        }
    }
}
