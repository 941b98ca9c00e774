import ArgumentParser
import Foundation

/// Files Lintel writes (`-o`, `--series`, `--write-baseline`): written whole or not at all.
///
/// The text goes to a temporary file in the target's directory (so the final step stays on one file
/// system) and is flushed to disk; then it is renamed over the target with `--force`, or hard-linked to
/// the target name without it, which fails when the name exists — there is no moment at which a
/// half-written file, or another process's file, can be replaced.
enum OutputFile {
    enum Failure: Error, Equatable {
        /// The target exists and --force was not given (exit 2).
        case exists
        /// The target is a directory (exit 2).
        case directory
        /// The directory the file belongs in does not exist (exit 2).
        case missingDirectory(String)
        /// A system call failed: the errno and what was being done (exit 74).
        case io(Int32, String)
    }

    /// Writes `text` to `path` atomically; refuses an existing file unless `force`.
    static func write(_ text: String, to requestedPath: String, force: Bool) -> Result<Void, Failure> {
        var path = requestedPath
        var status = stat()
        if stat(requestedPath, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFDIR { return .failure(.directory) }
            if !force { return .failure(.exists) }
            // A device or a FIFO (`-o /dev/stdout`) is written in place: renaming over it would replace it.
            if status.st_mode & S_IFMT != S_IFREG { return writeInPlace(text, to: requestedPath) }
            // Through a symbolic link, the file it points to is replaced, not the link.
            path = URL(fileURLWithPath: requestedPath).resolvingSymlinksInPath().path
        }
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent().path
        var directoryIsDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &directoryIsDirectory), directoryIsDirectory.boolValue else {
            return .failure(.missingDirectory(directory))
        }
        var template = Array((directory + "/." + target.lastPathComponent + ".lintel-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else { return .failure(.io(errno, "cannot create a temporary file in \(directory)")) }
        let temporary = template.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { String(cString: $0) } ?? "" }
        var keepTemporary = false
        defer { if !keepTemporary { unlink(temporary) } }
        // mkstemp creates the file 0600; a report is an ordinary file, readable as the umask allows.
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o666 & ~mask)
        if let code = Terminal.writeAll(text, to: descriptor) {
            close(descriptor)
            return .failure(.io(code, "cannot write"))
        }
        if fsync(descriptor) != 0 {
            let code = errno
            close(descriptor)
            return .failure(.io(code, "cannot write"))
        }
        if close(descriptor) != 0 { return .failure(.io(errno, "cannot write")) }
        if force {
            guard rename(temporary, path) == 0 else { return .failure(.io(errno, "cannot replace the file")) }
            keepTemporary = true
            return .success(())
        }
        if link(temporary, path) == 0 { return .success(()) }
        switch errno {
        case EEXIST:
            return .failure(.exists)
        case EPERM, ENOTSUP, EXDEV, EMLINK:
            // A file system without hard links: check, then rename (a narrow race, as cp -n has).
            if FileManager.default.fileExists(atPath: path) { return .failure(.exists) }
            guard rename(temporary, path) == 0 else { return .failure(.io(errno, "cannot create the file")) }
            keepTemporary = true
            return .success(())
        case let code:
            return .failure(.io(code, "cannot create the file"))
        }
    }

    private static func writeInPlace(_ text: String, to path: String) -> Result<Void, Failure> {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.io(errno, "cannot open")) }
        let failure = Terminal.writeAll(text, to: descriptor)
        let closed = close(descriptor) == 0 ? nil : errno
        if let code = failure ?? closed { return .failure(.io(code, "cannot write")) }
        return .success(())
    }

    /// The diagnostic for a failure and the exit code it ends the run with.
    static func message(_ failure: Failure, path: String, flag: String = "--force") -> (String, ExitCode) {
        switch failure {
        case .exists:
            ("\(path): error: file exists; pass \(flag) to overwrite it", .invalidInput)
        case .directory:
            ("\(path): error: is a directory; give the name of a file to write", .invalidInput)
        case .missingDirectory(let directory):
            ("\(path): error: the directory \(directory) does not exist", .invalidInput)
        case .io(let code, let action):
            ("\(path): error: \(action): \(Terminal.describe(code))", .ioError)
        }
    }
}

extension Terminal {
    /// Writes `text` to `path` (atomically, see `OutputFile`), refusing to replace an existing file
    /// unless `force` is set; prints the reason and throws its exit code when it cannot.
    static func write(_ text: String, to path: String, force: Bool) throws {
        if case .failure(let failure) = OutputFile.write(text, to: path, force: force) {
            let (message, code) = OutputFile.message(failure, path: path)
            error(message)
            throw code
        }
    }
}
