import Foundation

/// The JSON text of single values, as `JSONTextEncoder` writes them.
enum JSONScalar {
    /// Writes `value` when it is a string, number, Boolean, or one of the Foundation types JSON writes as a
    /// scalar (URL as its absolute string, Data as Base64, Decimal as a number), and returns true; false for
    /// anything else. The common types are told apart by their metatype (a pointer comparison), the rest by casts.
    static func write<T: Encodable>(_ value: T, into out: inout [UInt8]) -> Bool {
        if T.self == String.self, let text = value as? String {
            string(text, into: &out)
        } else if T.self == Double.self, let number = value as? Double {
            double(number, into: &out)
        } else if T.self == Int.self || T.self == Int64.self || T.self == Int32.self || T.self == Int16.self || T.self == Int8.self
                    || T.self == UInt64.self || T.self == UInt.self || T.self == UInt32.self || T.self == UInt16.self || T.self == UInt8.self,
                  let number = value as? any BinaryInteger {
            out.append(contentsOf: String(number).utf8)
        } else if T.self == Bool.self, let flag = value as? Bool {
            out.append(contentsOf: (flag ? "true" : "false").utf8)
        } else if T.self == Float.self, let number = value as? Float {
            float(number, into: &out)
        } else if T.self == URL.self, let url = value as? URL {
            string(url.absoluteString, into: &out)
        } else if T.self == Data.self, let data = value as? Data {
            string(data.base64EncodedString(), into: &out)
        } else if T.self == Decimal.self, let number = value as? Decimal {
            out.append(contentsOf: number.description.utf8)
        } else {
            return false
        }
        return true
    }

    /// Swift's shortest round-trip digits without a trailing `.0` (3.0 → `3`, 1e-7 → `1e-07`); JSON has no
    /// infinity or NaN, so those are the strings `inf`, `-inf`, `nan`.
    static func double(_ value: Double, into out: inout [UInt8]) {
        guard value.isFinite else { return string(value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf"), into: &out) }
        number(value.description, into: &out)
    }

    static func float(_ value: Float, into out: inout [UInt8]) {
        guard value.isFinite else { return string(value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf"), into: &out) }
        number(value.description, into: &out)
    }

    private static func number(_ text: String, into out: inout [UInt8]) {
        var bytes = Array(text.utf8)
        if bytes.count > 2, bytes[bytes.count - 2] == UInt8(ascii: "."), bytes[bytes.count - 1] == UInt8(ascii: "0") {
            bytes.removeLast(2)
        }
        out.append(contentsOf: bytes)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A quoted string: `"` and `\` escaped, line feed, carriage return, tab, backspace and form feed by their
    /// short escapes, other control characters below U+0020 as `\u00XX`; everything else, `/` and non-ASCII
    /// included, as it is.
    static func string(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Runs of bytes that need no escape are appended whole.
            var run = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                run = index + 1
                escape(byte, into: &out)
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func escape(_ byte: UInt8, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        default:
            out.append(contentsOf: "u00".utf8)
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0xF)])
        }
    }
}
