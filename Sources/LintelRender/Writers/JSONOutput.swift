import Foundation

/// The one JSON encoder of every Lintel report: sorted keys, two-space pretty printing, `/` unescaped,
/// a trailing newline — the same value always gives the same bytes.
///
/// Non-finite numbers: JSON has none, so `+∞`, `−∞` and NaN are written as the strings `"inf"`, `"-inf"` and
/// `"nan"` (a reader that expects a number sees a string, not a silently wrong value). Any other encoding
/// failure is thrown as `JSONOutput.Failure`; callers map it to an exit code, never to `{}`.
public enum JSONOutput {
    /// Why a value could not be encoded.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// `value` as JSON text ending in a newline.
    public static func encode(_ value: some Encodable) throws(Failure) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            let data = try encoder.encode(value)
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            throw Failure(description: "cannot encode the report as JSON: \(error)")
        }
    }
}
