import ArgumentParser
import Foundation
import LintelImport
import LintelModel

/// The command line's files and directories as systems, for review, check, capacity and render.
///
/// Lintel model files are one system each; all docker-compose files given are merged into one
/// system (as `docker compose -f a -f b`) and all Kubernetes manifests into another (as
/// `kubectl apply -f dir/`), so a file holding only an Ingress or a Service contributes to the
/// system instead of failing alone.
enum SystemInput {
    /// One loaded system and the files it came from.
    struct System {
        var files: [String]
        var model: Model
    }

    /// Loads every system, printing each file's diagnostics; throws `ExitCode.invalidInput` after
    /// all of them are printed when any is invalid.
    /// - Parameter profiles: compose profiles to activate besides `COMPOSE_PROFILES`.
    ///   - stdinName: the name standard input (`-`, read as one file on its own) has in locations.
    static func load(_ paths: [String], verbose: Bool = false, stdinName: String = "<stdin>", profiles: [String] = []) throws -> [System] {
        var systems: [System] = []
        var failed = false
        // Every file is read and parsed once (SystemImport.read); that parse decides its format and
        // is what the loader or the importer reads.
        for input in SystemImport.read(paths) {
            switch input {
            case .model(let path, let read):
                do {
                    let model = if let read {
                        try ModelInput.load(ModelInput.checked(read), path: path, verbose: verbose)
                    } else {
                        try ModelInput.load(path, verbose: verbose, stdinName: stdinName)  // standard input
                    }
                    systems.append(System(files: [path], model: model))
                } catch {
                    failed = true
                }
            case .deployment(let format, let files):
                guard let imported = SystemImport.importFiles(files, as: format, environment: ProcessInfo.processInfo.environment,
                                                              profiles: profiles) else { continue }
                for diagnostic in imported.diagnostics where verbose || diagnostic.severity != .note {
                    Terminal.error(diagnostic.description)
                }
                if imported.hasErrors {
                    failed = true
                } else {
                    systems.append(System(files: files.map(\.path), model: imported.model))
                }
            }
        }
        if failed { throw ExitCode.invalidInput }
        return systems
    }

    /// The one system a single-system command (capacity, render) works on; several is a usage error.
    static func loadOne(_ paths: [String], verbose: Bool = false, stdinName: String = "<stdin>", profiles: [String] = []) throws -> Model {
        let systems = try load(paths, verbose: verbose, stdinName: stdinName, profiles: profiles)
        guard systems.count == 1, let system = systems.first else {
            throw ValidationError("these files make \(systems.count) systems; give the files of one system")
        }
        return system.model
    }
}
