/// File and component names from free text.
enum Slug {
    /// Lowercase letters, digits and single dashes ("Order Management" → "order-management"); "decision" when nothing is left.
    static func make(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("-"), !out.isEmpty {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "decision" : out
    }

    /// A decision record's path in the output directory: `decisions/NNNN-title.md`.
    static func decisionPath(number: Int, title: String) -> String {
        let digits = String(max(0, number))
        return "decisions/" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "-" + make(title) + ".md"
    }
}
