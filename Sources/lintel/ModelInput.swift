import ArgumentParser
import Foundation
import LintelImport
import LintelModel

/// Loads model files for every command: diagnostics go to stderr, invalid input exits with 2.
///
/// A docker-compose file (a top-level `services:` mapping, no `lintel:`) or Kubernetes manifests
/// (documents with `apiVersion` and `kind`) are imported on the fly, one model per file, keeping
/// the model's origin so the review treats what deployment files cannot say as unknown.
enum ModelInput {
    /// Loads and validates `path`, printing warnings; throws `ExitCode.invalidInput` after printing errors.
    /// - Parameter verbose: also print the importer's notes (ignored keys, inferred calls, unresolved hosts).
    static func load(_ path: String, verbose: Bool = false) throws -> Model {
        let format = DeploymentFile.format(ofPath: path)
        if let imported = DeploymentFile.importFile(path, as: format, environment: ProcessInfo.processInfo.environment) {
            for diagnostic in imported.diagnostics where verbose || diagnostic.severity != .note {
                Terminal.error(diagnostic.description)
            }
            if imported.hasErrors { throw ExitCode.invalidInput }
            return imported.model
        }
        do {
            let loaded = try ModelLoader.load(path: path)
            for warning in loaded.warnings { Terminal.error(warning.description) }
            return loaded.model
        } catch {
            for diagnostic in error.diagnostics { Terminal.error(diagnostic.description) }
            throw ExitCode.invalidInput
        }
    }
}

/// Writing to the terminal; the only place the executable prints.
enum Terminal {
    static func output(_ text: String) {
        var text = text
        if !text.hasSuffix("\n") { text += "\n" }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// Writes `text` to `path`, refusing to replace an existing file unless `force` is set.
    static func write(_ text: String, to path: String, force: Bool) throws {
        if FileManager.default.fileExists(atPath: path), !force {
            error("\(path): error: file exists; pass --force to overwrite it")
            throw ExitCode.invalidInput
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            Terminal.error("\(path): error: cannot write: \(error.localizedDescription)")
            throw ExitCode.invalidInput
        }
    }
}
