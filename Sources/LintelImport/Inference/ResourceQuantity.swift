import Foundation
import LintelModel

/// Parses the CPU and memory quantities of Kubernetes and Docker.
enum ResourceQuantity {
    /// CPU cores: `500m` → 0.5, `0.25` → 0.25, `2` → 2.
    static func cpu(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("m"), let milli = Double(trimmed.dropLast()), milli.isFinite, milli >= 0 { return milli / 1000 }
        guard let value = Double(trimmed), value.isFinite, value >= 0 else { return nil }
        return value
    }

    /// A Kubernetes memory quantity: `128Mi`, `1Gi`, `500M`, `1e9`, `129000000`.
    static func kubernetesMemory(_ text: String) -> DataSize? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let binary: [String: Double] = ["Ki": 1024, "Mi": pow(1024, 2), "Gi": pow(1024, 3), "Ti": pow(1024, 4),
                                        "Pi": pow(1024, 5), "Ei": pow(1024, 6)]
        let decimal: [String: Double] = ["k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18, "m": 1e-3]
        for (suffix, factor) in binary where trimmed.hasSuffix(suffix) {
            return number(trimmed.dropLast(2)).map { DataSize(bytes: $0 * factor) }
        }
        if let last = trimmed.last, let factor = decimal[String(last)] {
            return number(trimmed.dropLast()).map { DataSize(bytes: $0 * factor) }
        }
        return number(Substring(trimmed)).map { DataSize(bytes: $0) }
    }

    /// A Docker memory size (powers of 1024): `512m`, `1g`, `50M`, `1gb`, `2GiB`, `1048576`.
    static func dockerMemory(_ text: String) -> DataSize? {
        var trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed.hasSuffix("b") { trimmed.removeLast() }
        if trimmed.hasSuffix("i") { trimmed.removeLast() }
        let factors: [Character: Double] = ["k": 1024, "m": pow(1024, 2), "g": pow(1024, 3), "t": pow(1024, 4), "p": pow(1024, 5)]
        if let last = trimmed.last, let factor = factors[last] {
            return number(trimmed.dropLast()).map { DataSize(bytes: $0 * factor) }
        }
        return number(Substring(trimmed)).map { DataSize(bytes: $0) }
    }

    private static func number(_ text: Substring) -> Double? {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite, value >= 0 else { return nil }
        return value
    }
}
