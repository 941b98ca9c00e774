import ArgumentParser
import Foundation
import LintelImport
import LintelModel

/// `--stdin-name`, shared by every command that takes a model file: `-` reads standard input.
struct StdinOptions: ParsableArguments {
    @Option(name: .customLong("stdin-name"), help: "The file name a model read from standard input ('-') has in locations.")
    var name: String = "<stdin>"
}

/// Loads model files for every command: diagnostics go to stderr, invalid input exits with 2.
///
/// Every file goes through one front door (`YAMLDocument.input`): the byte budgets, then one parse
/// whose tree decides the format and is what the loader reads. A docker-compose file (a top-level
/// `services:` mapping, no `lintel:`) or Kubernetes manifests (documents with `apiVersion` and
/// `kind`) are imported on the fly, one model per file, keeping the model's origin so the review
/// treats what deployment files cannot say as unknown. `-` is standard input.
enum ModelInput {
    /// Loads and validates `path`, printing warnings; throws `ExitCode.invalidInput` after printing errors.
    /// - Parameters:
    ///   - verbose: also print the importer's notes (ignored keys, inferred calls, unresolved hosts).
    ///   - stdinName: the name standard input has in locations when `path` is `-`.
    static func load(_ path: String, verbose: Bool = false, stdinName: String = "<stdin>") throws -> Model {
        try load(read(path, stdinName: stdinName), path: path, verbose: verbose)
    }

    /// Loads a file already read through the front door (`SystemImport.read`): its one parse
    /// decides the format and is what the loader or the importer reads.
    /// - Parameter path: the file's path on disk, `-` for standard input.
    static func load(_ input: YAMLInput, path: String, verbose: Bool = false) throws -> Model {
        let format = DeploymentFile.format(of: input)
        if let imported = DeploymentFile.importInput(input, path: path == "-" ? nil : path, as: format,
                                                     environment: ProcessInfo.processInfo.environment) {
            for diagnostic in imported.diagnostics where verbose || diagnostic.severity != .note {
                Terminal.error(diagnostic.description)
            }
            if imported.hasErrors { throw ExitCode.invalidInput }
            return imported.model
        }
        do {
            let loaded = try ModelLoader.load(tree: input.tree.get(), file: input.name)
            for warning in loaded.warnings { Terminal.error(warning.description) }
            return loaded.model
        } catch {
            for diagnostic in error.diagnostics { Terminal.error(diagnostic.description) }
            throw ExitCode.invalidInput
        }
    }

    /// The file (or standard input for `-`) through the front door; prints why not and throws 2.
    static func read(_ path: String, stdinName: String = "<stdin>") throws -> YAMLInput {
        try checked(path == "-" ? standardInput().flatMap { YAMLDocument.input(data: $0, name: stdinName) } : YAMLDocument.input(path: path))
    }

    /// What the front door read, or its diagnostics printed and exit status 2.
    static func checked(_ result: Result<YAMLInput, ModelLoadError>) throws -> YAMLInput {
        switch result {
        case .success(let input):
            return input
        case .failure(let error):
            for diagnostic in error.diagnostics { Terminal.error(diagnostic.description) }
            throw ExitCode.invalidInput
        }
    }

    /// The text of `path` (or standard input for `-`) after the byte budgets; prints why not and throws 2.
    static func readText(_ path: String, stdinName: String = "<stdin>") throws -> String {
        let result = path == "-" ? standardInput().flatMap { YAMLDocument.text(data: $0, file: stdinName) } : YAMLDocument.readText(path: path)
        switch result {
        case .success(let text):
            return text
        case .failure(let error):
            for diagnostic in error.diagnostics { Terminal.error(diagnostic.description) }
            throw ExitCode.invalidInput
        }
    }

    /// Standard input, read once (a second `-` sees the same bytes), at most one byte past the model
    /// size limit so an endless stream is refused rather than buffered.
    nonisolated(unsafe) private static var stdinBytes: Result<Data, ModelLoadError>?

    static func standardInput() -> Result<Data, ModelLoadError> {
        if let stdinBytes { return stdinBytes }
        let result = readStandardInput()
        stdinBytes = result
        return result
    }

    private static func readStandardInput() -> Result<Data, ModelLoadError> {
        let start = SourceLocation(file: "<stdin>", line: 1, column: 1)
        if Terminal.stdinClosed {
            return .failure(ModelLoadError([Diagnostic("standard input is closed; '-' reads the model from it", at: start)]))
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while data.count <= YAMLDocument.maximumBytes {
            let count = buffer.withUnsafeMutableBytes { systemRead(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count == 0 { return .success(data) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ModelLoadError([Diagnostic("cannot read standard input: \(Terminal.describe(errno))", at: start)]))
            }
            data.append(contentsOf: buffer[0..<count])
        }
        return .failure(ModelLoadError([Diagnostic(
            "standard input is larger than the \(YAMLDocument.maximumBytes / 1_048_576) MiB limit for a model", at: start)]))
    }
}
