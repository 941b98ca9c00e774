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

    @OptionGroup var stdin: StdinOptions

    /// Each file's name and text through the front door (`-` is standard input). A missing file, a
    /// directory, binary or non-UTF-8 input each get their own message; throws 2 after printing them.
    func texts(_ files: [String]) throws -> [(name: String, text: String)] {
        var texts: [(name: String, text: String)] = []
        var failed = false
        for file in files {
            do {
                texts.append((file == "-" ? stdin.name : file, try ModelInput.readText(file, stdinName: stdin.name)))
            } catch {
                failed = true
            }
        }
        if failed { throw ExitCode.invalidInput }
        return texts
    }

    /// The project directory: the first file's, or the current directory for standard input.
    static func directory(of files: [String]) -> String {
        guard let first = files.first, first != "-" else { return FileManager.default.currentDirectoryPath }
        return URL(fileURLWithPath: first).deletingLastPathComponent().path
    }

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

    @Argument(help: "Compose files; later files override earlier ones; - reads standard input.")
    var files: [String]

    @OptionGroup var options: ImportOptions

    @OptionGroup var compose: ProfileOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one compose file") }
    }

    func run() throws {
        let importer = ComposeImporter(environment: ProcessInfo.processInfo.environment, systemName: options.system,
                                       profiles: compose.profiles)
        let directory = ImportOptions.directory(of: files)
        let dotEnvPath = URL(fileURLWithPath: directory).appendingPathComponent(".env").path
        // An absent .env is normal; an unreadable one is skipped as docker compose skips it.
        let dotEnv = FileManager.default.fileExists(atPath: dotEnvPath)
            ? (try? YAMLDocument.readText(path: dotEnvPath).get()).map { (path: dotEnvPath, text: $0) } : nil
        try options.finish(importer.importTexts(try options.texts(files), projectDirectory: directory, dotEnv: dotEnv))
    }
}

struct ImportKubernetes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "k8s",
        abstract: "Import Kubernetes manifests (multi-document YAML).",
        aliases: ["kubernetes"])

    @Argument(help: "Manifest files; all of them describe one system; - reads standard input.")
    var files: [String]

    @OptionGroup var options: ImportOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one manifest file") }
    }

    func run() throws {
        let importer = KubernetesImporter(systemName: options.system)
        try options.finish(importer.importTexts(try options.texts(files), directory: ImportOptions.directory(of: files)))
    }
}
