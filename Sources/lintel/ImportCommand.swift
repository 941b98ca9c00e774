import ArgumentParser
import Foundation
import LintelImport
import LintelModel

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a Lintel model from docker-compose files or Kubernetes manifests.",
        discussion: """
            The model goes to standard output (or -o FILE); diagnostics, each located at the original
            file:line:col, go to standard error. What deployment files cannot say (latencies, timeouts,
            retries, traffic) is left at the defaults and listed in the model's header as unknown.
            """,
        subcommands: [ImportCompose.self, ImportKubernetes.self])
}

struct ImportOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write the model to this file instead of standard output.")
    var output: String?

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    @Option(help: "The system name (default: compose 'name:', the common namespace, or the directory name).")
    var system: String?

    @Flag(help: "Do not print notes (ignored keys, unresolved hosts); errors and warnings are always printed.")
    var quiet = false

    /// Prints the diagnostics, then the model; exits 2 when there are errors.
    func finish(_ result: ImportResult) throws {
        for diagnostic in result.diagnostics where !(quiet && diagnostic.severity == .note) {
            Terminal.error(diagnostic.description)
        }
        if result.hasErrors { throw ExitCode.invalidInput }
        let text = ModelWriter.yaml(result.model)
        if let output {
            try Terminal.write(text, to: output, force: force)
        } else {
            Terminal.output(text)
        }
    }
}

struct ImportCompose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compose",
        abstract: "Import docker-compose files, merged in order like `docker compose -f a.yml -f b.yml`.",
        discussion: "${VAR} is interpolated from the environment, then from the .env file next to the first file.")

    @Argument(help: "Compose files; later files override earlier ones.")
    var files: [String]

    @OptionGroup var options: ImportOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one compose file") }
    }

    func run() throws {
        let importer = ComposeImporter(environment: ProcessInfo.processInfo.environment, systemName: options.system)
        try options.finish(importer.importFiles(files))
    }
}

struct ImportKubernetes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "k8s",
        abstract: "Import Kubernetes manifests (multi-document YAML).",
        aliases: ["kubernetes"])

    @Argument(help: "Manifest files; all of them describe one system.")
    var files: [String]

    @OptionGroup var options: ImportOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one manifest file") }
    }

    func run() throws {
        try options.finish(KubernetesImporter(systemName: options.system).importFiles(files))
    }
}
