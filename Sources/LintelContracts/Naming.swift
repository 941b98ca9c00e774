/// Names derived from the model's entity and field names, shared by the generators.
enum Naming {
    /// `OrderLine` → `order_line`; `customerID` → `customer_id`; `order-events` → `order_events`.
    static func snake(_ name: String) -> String {
        var result = ""
        var previous: Character?
        for character in name {
            if character == "-" || character == " " || character == "." {
                if !result.hasSuffix("_") { result.append("_") }
            } else if character.isUppercase {
                if let previous, previous.isLowercase || previous.isNumber, !result.hasSuffix("_") { result.append("_") }
                result.append(contentsOf: character.lowercased())
            } else {
                result.append(character)
            }
            previous = character
        }
        return result
    }

    /// `OrderLine` → `order-lines` (a collection's path segment).
    static func collectionSegment(_ entity: String) -> String {
        plural(snake(entity)).replacingOccurrences(of: "_", with: "-")
    }

    /// English plural of the last word of a snake_case name: `order_line` → `order_lines`, `category` → `categories`.
    static func plural(_ word: String) -> String {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        if word.hasSuffix("y"), let before = word.dropLast().last, !vowels.contains(before) {
            return String(word.dropLast()) + "ies"
        }
        if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("z") || word.hasSuffix("ch") || word.hasSuffix("sh") {
            return word + "es"
        }
        return word + "s"
    }

    /// `order_line` → `OrderLine`, `get-status` → `GetStatus`.
    static func pascal(_ name: String) -> String {
        snake(name).split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// `order_line` → `orderLine`.
    static func camel(_ name: String) -> String {
        let pascal = pascal(name)
        return pascal.prefix(1).lowercased() + pascal.dropFirst()
    }
}
