import Foundation

/// The JSON text of single values, as `JSONTextEncoder` writes them.
enum JSONScalar {
    /// The bytes of `value` when it is a string, number, Boolean, or one of the Foundation types JSON writes as a
    /// scalar (URL as its absolute string, Data as Base64, Decimal as a number); nil for anything else.
    static func bytes(of value: some Encodable) -> [UInt8]? {
        var out: [UInt8] = []
        switch value {
        case let text as String: string(text, into: &out)
        case let number as Double: double(number, into: &out)
        case let number as Int: out.append(contentsOf: String(number).utf8)
        case let flag as Bool: out.append(contentsOf: (flag ? "true" : "false").utf8)
        case let number as UInt64: out.append(contentsOf: String(number).utf8)
        case let number as Int64: out.append(contentsOf: String(number).utf8)
        case let number as Float: float(number, into: &out)
        case let number as UInt: out.append(contentsOf: String(number).utf8)
        case let number as Int32: out.append(contentsOf: String(number).utf8)
        case let number as UInt32: out.append(contentsOf: String(number).utf8)
        case let number as Int16: out.append(contentsOf: String(number).utf8)
        case let number as UInt16: out.append(contentsOf: String(number).utf8)
        case let number as Int8: out.append(contentsOf: String(number).utf8)
        case let number as UInt8: out.append(contentsOf: String(number).utf8)
        case let url as URL: string(url.absoluteString, into: &out)
        case let data as Data: string(data.base64EncodedString(), into: &out)
        case let number as Decimal: out.append(contentsOf: number.description.utf8)
        default: return nil
        }
        return out
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
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
