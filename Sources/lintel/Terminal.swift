import ArgumentParser
import Foundation

/// The only place the executable writes to standard output and standard error.
///
/// Writes go straight to `write(2)`: interrupted writes are retried, short writes continued, and a
/// non-blocking descriptor is waited on. Any other failure — a closed pipe (EPIPE, whether or not
/// SIGPIPE is ignored), a full disk (ENOSPC), a closed descriptor (EBADF) — ends the run with a
/// message on whichever stream still works and exit code 74 (EX_IOERR): the output is incomplete and
/// nothing later in the run can repair that. `FileHandle.write(_:)` traps on the same errors.
enum Terminal {
    /// The two streams the executable writes to.
    enum Stream {
        case output, error

        var descriptor: Int32 { self == .output ? STDOUT_FILENO : STDERR_FILENO }
        var name: String { self == .output ? "standard output" : "standard error" }
        var other: Stream { self == .output ? .error : .output }
    }

    /// Descriptors that were closed when the process started. They are held open on /dev/null so a
    /// file Lintel opens cannot take their number (a report meant for stdout landing in a -o file),
    /// and writes to them fail as writes to a closed descriptor would.
    nonisolated(unsafe) private static var closedAtStart: Set<Int32> = []

    /// Notes which of the standard descriptors are closed and plugs them; call first thing in `main`.
    static func prepare() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            closedAtStart.insert(descriptor)
            let null = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if null >= 0, null != descriptor {
                dup2(null, descriptor)
                close(null)
            }
        }
    }

    /// True when standard input was closed when the process started.
    static var stdinClosed: Bool { closedAtStart.contains(STDIN_FILENO) }

    /// Prints `text` on standard output, adding a final newline when it has none.
    static func output(_ text: String) {
        write(text.hasSuffix("\n") ? text : text + "\n", to: .output)
    }

    /// Prints a diagnostic line on standard error.
    static func error(_ text: String) {
        write(text + "\n", to: .error)
    }

    /// Prints `text` on standard error as it is (a progress bar redraws its line with `\r`).
    static func progress(_ text: String) {
        write(text, to: .error)
    }

    static var stdoutIsTerminal: Bool { !closedAtStart.contains(STDOUT_FILENO) && isatty(STDOUT_FILENO) != 0 }
    static var stderrIsTerminal: Bool { !closedAtStart.contains(STDERR_FILENO) && isatty(STDERR_FILENO) != 0 }

    /// Writes all of `text` to `stream`; on failure reports it on the other stream and exits with 74.
    static func write(_ text: String, to stream: Stream) {
        if let failure = writeAll(text, to: stream.descriptor) {
            fail(writing: stream, failure)
        }
    }

    /// Ends the run after a failed write to `stream`.
    static func fail(writing stream: Stream, _ code: Int32) -> Never {
        let message = "lintel: error: cannot write to \(stream.name): \(describe(code))\n"
        // The other stream may be gone too; then the exit code is all that is left.
        _ = writeAll(message, to: stream.other.descriptor)
        exit(ExitCode.ioError.rawValue)
    }

    /// `strerror` text with the symbolic name for the errors users meet: "No space left on device (ENOSPC)".
    static func describe(_ code: Int32) -> String {
        let names: [Int32: String] = [EPIPE: "EPIPE", ENOSPC: "ENOSPC", EBADF: "EBADF", EIO: "EIO", EDQUOT: "EDQUOT",
                                      EFBIG: "EFBIG", EROFS: "EROFS", EACCES: "EACCES", EISDIR: "EISDIR"]
        let text = String(cString: strerror(code))
        return names[code].map { "\(text) (\($0))" } ?? text
    }

    /// Writes every byte of `text` to `descriptor` from the string's own storage (a report can be 190 MB: no
    /// copy); returns the errno of a failure, nil when all was written.
    static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
        if closedAtStart.contains(descriptor) { return EBADF }
        var text = text
        return text.withUTF8 { buffer -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                    continue
                }
                let code = written < 0 ? errno : EIO
                switch code {
                case EINTR:
                    continue
                case EAGAIN, EWOULDBLOCK:
                    // A non-blocking descriptor (some CI runners pass one): wait until it can take more.
                    var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&poller, 1, -1)
                default:
                    return code
                }
            }
            return nil
        }
    }
}

#if canImport(Glibc)
import Glibc
/// `write(2)` and `read(2)` by their module's name: inside types with a `write` method the bare
/// name would resolve to the method.
let systemWrite = Glibc.write
let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
let systemWrite = Darwin.write
let systemRead = Darwin.read
#endif

