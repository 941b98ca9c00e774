import Foundation
import LintelModel
import OpenAPIKit
import OpenAPIKit30
import OpenAPIKitCompat
import Yams

/// An OpenAPI document read from a file, with the YAML tree kept for source locations.
public struct LoadedSpec: Sendable {
    public var path: String
    /// The version the file states (`3.0.0`, `3.1.0`).
    public var statedVersion: String
    /// The document as OpenAPI 3.1 (a 3.0 document is converted by OpenAPIKitCompat).
    public var document: OpenAPIKit.OpenAPI.Document
    public var locator: SpecLocator
}

/// Why a file is not a readable OpenAPI document.
public struct SpecLoadError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): error: \(message)" }
}

/// Reads OpenAPI 3.0 and 3.1 documents (YAML or JSON) with OpenAPIKit.
public enum APISpecLoader {
    /// Files larger than this are refused before parsing (the public specs of large APIs are a few MB).
    public static let maximumBytes = 32 * 1024 * 1024

    public static func load(path: String) throws(SpecLoadError) -> LoadedSpec {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SpecLoadError(path: path, message: "cannot read: \(error.localizedDescription)")
        }
        return try load(data: data, path: path)
    }

    public static func load(data: Data, path: String) throws(SpecLoadError) -> LoadedSpec {
        guard data.count <= maximumBytes else {
            throw SpecLoadError(path: path, message: "larger than \(maximumBytes / 1024 / 1024) MB")
        }
        guard let text = String(data: data, encoding: .utf8), !text.contains("\u{0}") else {
            throw SpecLoadError(path: path, message: "not UTF-8 text")
        }
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw SpecLoadError(path: path, message: "empty document")
            }
            node = composed
        } catch let error as SpecLoadError {
            throw error
        } catch {
            throw SpecLoadError(path: path, message: "not YAML or JSON: \(error)")
        }
        guard let version = node.mapping?["openapi"]?.string else {
            throw SpecLoadError(path: path, message: "no `openapi` version: not an OpenAPI 3 document (Swagger 2.0 is not supported)")
        }
        let decoder = YAMLDecoder()
        do {
            let document: OpenAPIKit.OpenAPI.Document
            if version.hasPrefix("3.0") {
                document = try decoder.decode(OpenAPIKit30.OpenAPI.Document.self, from: text).convert(to: .v3_1_1)
            } else {
                document = try decoder.decode(OpenAPIKit.OpenAPI.Document.self, from: text)
            }
            return LoadedSpec(path: path, statedVersion: version, document: document, locator: SpecLocator(root: node, file: path))
        } catch {
            throw SpecLoadError(path: path, message: "not a valid OpenAPI \(version) document: \(OpenAPIKit.OpenAPI.Error(from: error).localizedDescription)")
        }
    }
}

/// Finds where a key path (`paths` → `/pets` → `get`) was written, for findings' locations.
public struct SpecLocator: @unchecked Sendable {
    // Yams' Node is a value tree; it is only read after loading.
    let root: Node
    let file: String

    /// The location of the deepest key of `keys` that exists (the document start when none does).
    public func location(_ keys: [String]) -> SourceLocation {
        var node = root
        var mark = root.mark
        for key in keys {
            guard let mapping = node.mapping,
                  let pair = mapping.first(where: { $0.key.string == key }) else { break }
            mark = pair.key.mark
            node = pair.value
        }
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }
}
