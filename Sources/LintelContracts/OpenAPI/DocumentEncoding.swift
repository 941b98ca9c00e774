import Foundation
import OpenAPIKit
import Yams

/// How a generated document is written.
public enum DocumentFormat: String, Sendable, CaseIterable, Codable {
    case yaml, json

    /// The file extension, after `.openapi`.
    public var fileExtension: String { rawValue }
}

extension OpenAPIGenerator {
    /// Encodes `document` with sorted keys, so the same model always gives the same bytes.
    public static func encode(_ document: OpenAPI.Document, as format: DocumentFormat) throws -> String {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        case .yaml:
            let encoder = YAMLEncoder()
            encoder.options.sortKeys = true
            return try encoder.encode(document)
        }
    }
}
