/// Quoting for PostgreSQL: the one place identifiers and literals are escaped.
public enum SQLText {
    /// PostgreSQL's reserved key words (SQL Key Words appendix, "reserved" in the PostgreSQL column)
    /// that a model's names plausibly hit; such names are double-quoted.
    static let reserved: Set<String> = [
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary", "both",
        "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create", "cross",
        "current_catalog", "current_date", "current_role", "current_schema", "current_time", "current_timestamp",
        "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for",
        "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner", "intersect",
        "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime", "localtimestamp",
        "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order", "outer", "overlaps", "placing",
        "primary", "references", "returning", "right", "select", "session_user", "similar", "some", "symmetric",
        "system_user", "table", "tablesample", "then", "to", "trailing", "true", "union", "unique", "user", "using",
        "variadic", "verbose", "when", "where", "window", "with",
    ]

    /// `orders` stays as is; `order`, `Order` or `order-line` are double-quoted (with `"` doubled).
    public static func identifier(_ name: String) -> String {
        let simple = name.first.map { $0 == "_" || ($0.isASCII && $0.isLowercase) } ?? false
            && name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLowercase || $0.isNumber)) }
        if simple && !reserved.contains(name) { return name }
        return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A string literal with `'` doubled.
    public static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// An object name cut to PostgreSQL's 63-byte limit, keeping it unique with a short hash of the full name.
    static func objectName(_ name: String) -> String {
        guard name.utf8.count > 63 else { return name }
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let suffix = "_" + String(hash, radix: 16)
        var kept = ""
        for character in name {
            guard kept.utf8.count + String(character).utf8.count <= 63 - suffix.utf8.count else { break }
            kept.append(character)
        }
        return kept + suffix
    }
}
