import Foundation

/// The one JSON encoder of every Lintel report: sorted keys, two-space pretty printing, `/` unescaped,
/// a trailing newline — the same value always gives the same bytes (`JSONTextEncoder`).
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
        do {
            let bytes = try JSONTextEncoder.encode(value)
            // One allocation of the exact size: a report can be 190 MB.
            return String(unsafeUninitializedCapacity: bytes.count + 1) { buffer in
                _ = buffer.initialize(fromContentsOf: bytes)
                buffer[bytes.count] = UInt8(ascii: "\n")
                return bytes.count + 1
            }
        } catch {
            throw Failure(description: "cannot encode the report as JSON: \(error)")
        }
    }
}
