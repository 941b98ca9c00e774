import ArgumentParser
import Foundation
import LintelContracts
import LintelModel

extension DocumentFormat: ExpressibleByArgument {}

/// `lintel generate openapi|sql`: the contracts a model implies.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate contracts from a model: OpenAPI 3.1 documents or PostgreSQL DDL.",
        subcommands: [GenerateOpenAPI.self, GenerateSQL.self])
}

/// The file options every generator shares.
struct GenerateOutputOptions: ParsableArguments {
    @Flag(help: "Overwrite existing output files.")
    var force = false
}

struct GenerateOpenAPI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi",
        abstract: "One OpenAPI 3.1 document per service, or one for the public API behind the gateway.",
        discussion: """
            Paths come from the domain's entities: a collection (GET list with cursor pagination, POST create with an \
            Idempotency-Key) and an item (GET, PATCH as JSON Merge Patch, DELETE) under /v1, errors as RFC 9457 \
            application/problem+json, RateLimit headers where the model has a rate limit, security schemes from `auth`.
            Without -o the documents go to standard output (YAML documents separated by ---, or one JSON document each).
            Exit status: 0 written; 2 invalid model, a model with nothing to expose, or an existing file without --force; 64 usage.
            """)

    @Argument(help: "Model file (YAML or JSON).")
    var file: String

    @Option(name: .shortAndLong, help: "Write NAME.openapi.yaml (or .json) files into this directory.")
    var output: String?

    @Option(help: "Document format.")
    var format: DocumentFormat = .yaml

    @OptionGroup var options: GenerateOutputOptions

    func run() throws {
        let model = try ModelInput.load(file)
        let documents = OpenAPIGenerator.documents(for: model)
        if documents.isEmpty {
            Terminal.error("\(file): error: the model has no service that owns entities: nothing to generate")
            throw ExitCode.invalidInput
        }
        var files: [(name: String, text: String)] = []
        for output in documents {
            files.append(("\(output.name).openapi.\(format.fileExtension)", try OpenAPIGenerator.encode(output.document, as: format)))
        }
        guard let output else {
            Terminal.output(files.map(\.text).joined(separator: format == .yaml ? "---\n" : ""))
            return
        }
        try GeneratedFiles.write(files, into: output, force: options.force)
    }
}

struct GenerateSQL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "PostgreSQL DDL for the domain's entities, one schema per owning service.",
        discussion: """
            Types, primary and foreign keys (with their indexes), NOT NULL, CHECK constraints from enums, indexes from \
            the declared query patterns (equality columns, then range, then sort order; INCLUDE columns for read-heavy \
            lists), monthly range partitions on the time column of large tables, and comments.
            Exit status: 0 written; 2 invalid model, a model without entities, or an existing file without --force; 64 usage.
            """)

    @Argument(help: "Model file (YAML or JSON).")
    var file: String

    @Option(name: .shortAndLong, help: "Write the DDL to this file instead of standard output.")
    var output: String?

    @Option(help: "The first month of time-partitioned tables, as YYYY-MM (default: the current month, UTC).")
    var partitionStart: String?

    @OptionGroup var options: GenerateOutputOptions

    func validate() throws {
        if let partitionStart, SQLGenerator.Month(partitionStart) == nil {
            throw ValidationError("--partition-start '\(partitionStart)' is not a month as YYYY-MM")
        }
    }

    func run() throws {
        let model = try ModelInput.load(file)
        let start = partitionStart.flatMap(SQLGenerator.Month.init) ?? SQLGenerator.Month.current()
        let ddl = SQLGenerator.ddl(for: model, options: .init(partitionStart: start))
        guard let ddl else {
            Terminal.error("\(file): error: the model's domain declares no entities: nothing to generate")
            throw ExitCode.invalidInput
        }
        if let output {
            try GeneratedFiles.write([(URL(fileURLWithPath: output).lastPathComponent, ddl)],
                                     into: URL(fileURLWithPath: output).deletingLastPathComponent().path, force: options.force)
        } else {
            Terminal.output(ddl)
        }
    }
}

/// Writes generated files: every target is checked before any is written, and each is written
/// atomically (a temporary file renamed over the target), so a failed run leaves no half-written file.
enum GeneratedFiles {
    static func write(_ files: [(name: String, text: String)], into directory: String, force: Bool) throws {
        let folder = URL(fileURLWithPath: directory.isEmpty ? "." : directory)
        let manager = FileManager.default
        let targets = files.map { folder.appendingPathComponent($0.name) }
        if !force {
            let existing = targets.filter { manager.fileExists(atPath: $0.path) }
            for target in existing { Terminal.error("\(target.path): error: file exists; pass --force to overwrite it") }
            if !existing.isEmpty { throw ExitCode.invalidInput }
        }
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            for (target, file) in zip(targets, files) {
                try Data(file.text.utf8).write(to: target, options: .atomic)
                Terminal.error("wrote \(target.path)")
            }
        } catch {
            Terminal.error("\(folder.path): error: cannot write: \(error.localizedDescription)")
            throw ExitCode.invalidInput
        }
    }
}
