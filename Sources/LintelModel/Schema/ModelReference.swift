/// The model file's reference in Markdown, from `ModelSpec`: every object and key with its type,
/// documented range, default and meaning. `docs/model.md` is this text; a test keeps them equal.
public enum ModelReference {
    public static func markdown() -> String {
        var lines = [
            "# Model file reference",
            "",
            "Generated from the model's specification (`ModelSpec`), the single source of the loader's checks,",
            "the JSON Schema (`lintel schema`) and `lintel explain`. Do not edit: re-record with",
            "`LINTEL_RECORD=1 swift test --filter ModelReferenceTests`.",
            "",
            "Every number has a range. A value outside it is refused by the loader at its line and column,",
            "with the range and the value: a million instances or a thousand retries is a typo, not a system,",
            "and the engines' arithmetic is proven safe only inside these ranges. Quantities must be finite",
            "(`NaN`, `inf` and values that overflow once their unit is applied are refused), dates must be",
            "calendar dates, and names (components, flows, scenarios, entities, the system) may not contain",
            "control characters or bidirectional overrides.",
            "",
            "One model is one system: it holds at most \(ModelLoader.maximumComponents) components and "
                + "\(ModelLoader.maximumFlows) flows,",
            "and at most \(ModelLoader.maximumComponentFlows) components × flows (every flow is resolved over "
                + "the whole graph). A larger",
            "model is refused at its `components` or `flows` section; split it into one model per domain.",
            "",
        ]
        for object in ModelSpec.objects {
            lines += ["## \(object.name)", "", object.doc, "", "| key | type and range | default | meaning |", "|---|---|---|---|"]
            for field in object.fields {
                let defaultText = field.required ? "required" : (field.defaultValue ?? "")
                lines.append("| `\(field.key)` | \(cell(field.type.summary)) | \(cell(defaultText)) | \(cell(field.doc)) |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// Table cells may not hold a raw `|` or a line break.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
