import ArgumentParser
import Foundation
import LintelDesign
import LintelModel
import LintelRender

struct Design: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Propose an architecture from requirements and a domain: model, decision records and design document.",
        discussion: """
            FILE needs `requirements` and `domain`; components, flows and scenarios in it are ignored. Without -o the \
            design document is printed (--format: markdown, as design.md; text; html; json, the whole result with sorted \
            keys); with -o DIR, DIR receives model.yaml, decisions/NNNN-title.md and design.md, \
            written together (all or nothing). Exit status: 0 designed, 2 invalid input or DIR exists without --force.
            """)

    @Argument(help: "The requirements file (YAML or JSON); - reads standard input.")
    var file: String

    @OptionGroup var stdin: StdinOptions

    @Option(name: .shortAndLong, help: "Directory to write model.yaml, decisions/ and design.md into.")
    var output: String?

    @Flag(help: "Replace the output directory when it exists.")
    var force = false

    @Option(help: "Format of the printed design document without -o: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .markdown

    func run() throws {
        let input = try ModelInput.load(file, stdinName: stdin.name)
        let result: DesignResult
        do {
            result = try Designer.design(input)
        } catch {
            Terminal.error("\(file): error: \(error.description)")
            throw ExitCode.invalidInput
        }
        guard let output else {
            Terminal.output(try encoded { () throws(JSONOutput.Failure) in try ReportOutput.design(result, format: format) })
            return
        }
        try DesignOutput.write(DesignDocument.files(result), to: output, force: force)
    }
}

/// Writes a design's files into a directory all at once: a sibling temporary directory is filled,
/// then renamed into place, so a failure never leaves half a design.
enum DesignOutput {
    static func write(_ files: [DesignFile], to directory: String, force: Bool) throws {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                Terminal.error("\(directory): error: is a file; design -o writes a directory (model.yaml, decisions/, design.md)")
                throw ExitCode.invalidInput
            }
            if !force {
                Terminal.error("\(directory): error: exists; pass --force to replace it")
                throw ExitCode.invalidInput
            }
        }
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).lintel-\(ProcessInfo.processInfo.processIdentifier)")
        let previous = parent.appendingPathComponent(".\(target.lastPathComponent).lintel-old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
            }
            if manager.fileExists(atPath: target.path) {
                try manager.moveItem(at: target, to: previous)
                try manager.moveItem(at: staging, to: target)
                try? manager.removeItem(at: previous)
            } else {
                try manager.moveItem(at: staging, to: target)
            }
        } catch {
            try? manager.removeItem(at: staging)
            if !manager.fileExists(atPath: target.path), manager.fileExists(atPath: previous.path) {
                try? manager.moveItem(at: previous, to: target)
            }
            Terminal.error("\(directory): error: cannot write the design: \(Self.reason(error))")
            throw ExitCode.ioError
        }
    }

    /// The system's reason for a failed file operation ("No space left on device (ENOSPC)"), not
    /// Foundation's NSCocoaErrorDomain wording.
    static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let posix = underlying, posix.domain == NSPOSIXErrorDomain { return Terminal.describe(Int32(posix.code)) }
        if (error as NSError).domain == NSPOSIXErrorDomain { return Terminal.describe(Int32((error as NSError).code)) }
        return error.localizedDescription
    }
}
