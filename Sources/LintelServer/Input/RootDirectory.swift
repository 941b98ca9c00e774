import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one directory the server reads files from.
///
/// Every path a client names is resolved with `realpath(3)` — every symlink followed, `..`
/// removed — and refused unless the result lies inside the root, so neither `../../etc/passwd`
/// nor a symlink planted inside the root reaches anything outside it. Only regular files are
/// read (a FIFO or `/dev/zero` would block or never end), and only up to the size limit.
struct RootDirectory: Sendable {
    /// The canonical root, without a trailing slash (except for `/` itself).
    let path: String

    /// Canonicalises `url`; nil when it does not exist or is not a directory.
    init?(_ url: URL) {
        guard let canonical = Self.canonical(url.path) else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: canonical, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        path = canonical
    }

    /// The canonical path of `name` (relative to the root, or absolute) when it lies inside the root.
    func resolve(_ name: String) throws(ToolFailure) -> String {
        guard !name.isEmpty, !name.utf8.contains(0) else { throw ToolFailure("the path is empty or holds a NUL byte") }
        let joined = name.hasPrefix("/") ? name : path + "/" + name
        guard let canonical = Self.canonical(joined) else {
            throw .whole(name, "no such file inside the server's root \(path)")
        }
        guard contains(canonical) else {
            throw .whole(name, "resolves outside the server's root \(path); start `lintel mcp --root DIR` with a directory that holds it")
        }
        return canonical
    }

    /// Whether the canonical path `candidate` is the root or lies below it.
    func contains(_ candidate: String) -> Bool {
        if path == "/" { return true }
        return candidate == path || candidate.hasPrefix(path + "/")
    }

    /// Reads the regular file `name` as UTF-8 text of at most `maximumBytes`.
    /// - Returns: the canonical path and the text.
    func read(_ name: String, maximumBytes: Int) throws(ToolFailure) -> (path: String, text: String) {
        let file = try readBytes(name, maximumBytes: maximumBytes)
        guard let text = String(data: file.data, encoding: .utf8) else { throw .whole(name, "file is not valid UTF-8 text") }
        return (file.path, text)
    }

    /// Reads the bytes of the regular file `name`, at most `maximumBytes`; a model's bytes then go
    /// through the front door (`YAMLDocument.input`), which checks NUL, UTF-8 and parses once.
    /// - Returns: the canonical path and the bytes.
    func readBytes(_ name: String, maximumBytes: Int) throws(ToolFailure) -> (path: String, data: Data) {
        let canonical = try resolve(name)
        var info = stat()
        guard stat(canonical, &info) == 0 else { throw .whole(name, "cannot read the file") }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .whole(name, "is not a regular file (a directory, device or pipe); a model is a YAML or JSON file")
        }
        guard Int(info.st_size) <= maximumBytes else {
            throw .whole(name, "file is \(Int(info.st_size)) bytes, larger than the server's limit of \(maximumBytes) bytes")
        }
        guard let data = FileManager.default.contents(atPath: canonical), data.count <= maximumBytes else {
            throw .whole(name, "cannot read the file")
        }
        return (canonical, data)
    }

    /// `realpath(3)`: the absolute path with every symlink resolved, or nil when it does not exist.
    static func canonical(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
