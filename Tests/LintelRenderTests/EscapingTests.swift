import Foundation
import LintelModel
@testable import LintelRender
import Testing

@Suite("Any component name is safe in Mermaid and DOT")
struct EscapingTests {
    static let hostileNames = [
        "order service", "say \"hi\"", "orders-db", "orders.db", "orders_db", "café", "注文サービス", "Straße",
        "<script>&|{}", "a#quot;b", "end", "graph", "x;y:z", "100%", "back\\slash", "[brackets](parens)", "`tick`",
        "&amp;", "\\n", "subgraph", "-->", "É",
    ]

    /// A chain of services named hostilely, each calling the next, the first public, with a flow through all of them.
    static var model: Model {
        var components: [Component] = []
        for (index, name) in hostileNames.enumerated() {
            let next = index + 1 < hostileNames.count ? [call(hostileNames[index + 1]) { $0.protocolName = .grpc; $0.timeout = .milliseconds(300) }] : []
            components.append(component(name, index % 3 == 0 ? .service : (index % 3 == 1 ? .postgres : .topic),
                                        calls: next, isPublic: index == 0, context: name))
        }
        let flow = Flow(name: "flow \"one\"; #1", entry: hostileNames[0], route: Array(hostileNames.dropFirst().prefix(3)),
                        rate: Rate(perSecond: 10), location: here)
        return Model(system: "sys <tem> \"q\"", components: components, flows: [flow], location: here)
    }

    @Test("Mermaid flowchart labels hold only entity codes where Mermaid has syntax, and decode to the names",
          arguments: DiagramGrouping.allCases)
    func mermaidFlowchart(grouping: DiagramGrouping) throws {
        let text = try DiagramRenderer.render(Self.model, options: RenderOptions(format: .mermaid, grouping: grouping)).get()
        var found: [String] = []
        for line in text.split(separator: "\n").map(String.init) {
            // Node declarations: id, shape opener, "label", shape closer; subgraph titles: subgraph id["label"].
            guard !line.hasPrefix("%%"), let open = line.firstIndex(of: "\""), let close = line.lastIndex(of: "\""), open < close else { continue }
            let label = String(line[line.index(after: open)..<close])
            let literal = mermaidLiteralText(label)
            #expect(literal.allSatisfy { !mermaidSpecials.contains($0) && !$0.isNewline }, "raw syntax in label: \(line)")
            found.append(mermaidDecode(label.components(separatedBy: "<br/>")[0]))
        }
        for name in Self.hostileNames {
            #expect(found.contains(name.replacingOccurrences(of: "\n", with: " ")), "\(name) not found decoded in\n\(text)")
        }
    }

    @Test("Mermaid sequence participants and messages decode to the names and never contain a raw separator")
    func mermaidSequence() throws {
        let text = try DiagramRenderer.render(Self.model, options: RenderOptions(format: .mermaid, view: .sequence)).get()
        var aliases: [String] = []
        for line in text.split(separator: "\n").map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("%%") { continue }
            if trimmed.hasPrefix("participant ") || trimmed.hasPrefix("actor ") {
                let parts = trimmed.components(separatedBy: " as ")
                #expect(parts.count >= 2, "participant without alias: \(line)")
                let alias = parts.dropFirst().joined(separator: " as ")
                #expect(mermaidLiteralText(alias).allSatisfy { !mermaidSpecials.contains($0) }, "raw syntax in alias: \(line)")
                aliases.append(mermaidDecode(alias))
            } else if let colon = trimmed.firstIndex(of: ":") {
                // Messages and notes: everything after the first colon is text.
                let message = String(trimmed[trimmed.index(after: colon)...])
                #expect(mermaidLiteralText(message).allSatisfy { !mermaidSpecials.contains($0) }, "raw syntax in text: \(line)")
            }
        }
        #expect(aliases == ["Client"] + Array(Self.hostileNames.prefix(4 + RenderOptions().sequenceDepthLimit)))
        #expect(text.contains(TextEscaping.mermaid("flow \"one\"; #1")))
        #expect(mermaidDecode(TextEscaping.mermaid("flow \"one\"; #1")) == "flow \"one\"; #1")
    }

    @Test("every name survives Mermaid escaping and decoding unchanged", arguments: hostileNames)
    func mermaidRoundTrip(name: String) {
        let escaped = TextEscaping.mermaid(name)
        #expect(mermaidDecode(escaped) == name)
        #expect(mermaidLiteralText(escaped).allSatisfy { !mermaidSpecials.contains($0) })
    }

    @Test("DOT output with hostile names renders in real dot without warnings and shows every name",
          arguments: [DiagramView.system, .context, .sequence])
    func dot(view: DiagramView) throws {
        for grouping in DiagramGrouping.allCases {
            let text = try DiagramRenderer.render(Self.model, options: RenderOptions(format: .dot, view: view, grouping: grouping)).get()
            let svg = try renderWithDot(text, "hostile names, \(view) view, \(grouping) grouping")
            let shown = view == .context ? [] : (view == .sequence ? Array(Self.hostileNames.prefix(4 + RenderOptions().sequenceDepthLimit)) : Self.hostileNames)
            for name in shown {
                #expect(svgTexts(svg).contains(name), "\(name) is not shown literally in the \(view) SVG")
            }
        }
    }

    @Test("identifiers are plain ASCII words, one per name, distinct, and stable")
    func identifiers() throws {
        let text = try DiagramRenderer.render(Self.model, options: RenderOptions(format: .dot)).get()
        var ids = DiagramIdentifiers(prefix: "c_")
        for name in Self.hostileNames { ids.register(name) }
        let values = Self.hostileNames.map { ids.id($0) }
        #expect(Set(values).count == Self.hostileNames.count)
        for id in values {
            #expect(id.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_") }, "\(id)")
            #expect(text.contains("  " + id + " [") || text.contains("    " + id + " ["), "\(id) not declared")
        }
    }

    /// The text lines of an SVG, XML-decoded: Graphviz writes each label line as one `<text>` element,
    /// escaping markup characters and some punctuation (`-` as `&#45;`) as character references.
    func svgTexts(_ svg: String) -> [String] {
        var texts: [String] = []
        var rest = Substring(svg)
        while let open = rest.range(of: "<text"), let start = rest[open.upperBound...].firstIndex(of: ">"),
              let close = rest[start...].range(of: "</text>") {
            texts.append(xmlDecode(String(rest[rest.index(after: start)..<close.lowerBound])))
            rest = rest[close.upperBound...]
        }
        return texts
    }

    func xmlDecode(_ text: String) -> String {
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "&", let end = text[index...].firstIndex(of: ";") {
                let entity = String(text[text.index(after: index)..<end])
                var decoded: String?
                if entity.hasPrefix("#x"), let value = UInt32(entity.dropFirst(2), radix: 16) {
                    decoded = Unicode.Scalar(value).map { String(Character($0)) }
                } else if entity.hasPrefix("#"), let value = UInt32(entity.dropFirst()) {
                    decoded = Unicode.Scalar(value).map { String(Character($0)) }
                } else {
                    decoded = named[entity]
                }
                if let decoded {
                    result += decoded
                    index = text.index(after: end)
                    continue
                }
            }
            result.append(text[index])
            index = text.index(after: index)
        }
        return result
    }
}

@Suite("Identifiers are collision-free and stable")
struct IdentifierTests {
    @Test("names that sanitise alike get numbered suffixes in registration order")
    func collisions() {
        var ids = DiagramIdentifiers(prefix: "c_")
        #expect(ids.register("orders-db") == "c_orders_db")
        #expect(ids.register("orders_db") == "c_orders_db_2")
        #expect(ids.register("orders.db") == "c_orders_db_3")
        // A name whose plain form is an already-issued suffixed identifier moves on.
        #expect(ids.register("orders db 2") == "c_orders_db_2_2")
        #expect(ids.register("orders-db") == "c_orders_db")
    }

    @Test("reserved identifiers are never issued to names")
    func reserved() {
        var ids = DiagramIdentifiers(prefix: "x_")
        ids.reserve("x_internet")
        #expect(ids.register("internet") == "x_internet_2")
    }

    @Test("names without ASCII letters or digits still get an identifier")
    func nonASCII() {
        var ids = DiagramIdentifiers(prefix: "c_")
        #expect(ids.register("注文") == "c__")
        #expect(ids.register("在庫") == "c___2")
        #expect(ids.register("café") == "c_caf_")
    }
}
