import CYaml

/// Builds a `YAMLTree` straight from libyaml's events.
///
/// Going through Yams' `Node` costs a class per event, regular-expression tag resolution
/// and hashing of every mapping key; reading events directly is several times faster, lets
/// anchors be expanded under a node budget (alias bombs stop early), and reports a
/// duplicate key at its second occurrence, where the mistake usually is.
struct EventReader {
    let file: String
    var budget: Int
    private(set) var diagnostics: [Diagnostic] = []
    private var anchors: [String: (tree: YAMLTree, size: Int)] = [:]
    private var exhausted = false
    /// Reads every document of a stream (Kubernetes manifests) into `documents` instead of
    /// refusing a second one; the budget covers the whole stream.
    var multipleDocuments = false
    /// The documents read when `multipleDocuments` is set, an empty one as a null scalar.
    private(set) var documents: [YAMLTree] = []

    init(file: String, budget: Int) {
        self.file = file
        self.budget = budget
    }

    /// Parses `text`; returns nil for an empty stream. Fatal syntax errors end up in `diagnostics`.
    mutating func read(_ text: String) -> YAMLTree? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            diagnostics.append(Diagnostic("the YAML parser could not start", at: location(line: 0, column: 0)))
            return nil
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var bytes = Array(text.utf8)
        let count = bytes.count
        return bytes.withUnsafeMutableBufferPointer { buffer -> YAMLTree? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, count)
            var session = Session(parser: parser)
            defer { parser = session.parser }
            return document(&session)
        }
    }

    private struct Session {
        var parser: yaml_parser_t
    }

    private mutating func document(_ session: inout Session) -> YAMLTree? {
        var root: YAMLTree?
        var documentCount = 0
        var start = location(line: 0, column: 0)
        while true {
            guard var event = next(&session) else { return nil }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documentCount += 1
                start = mark(event.start_mark)
                if documentCount > 1, !multipleDocuments {
                    diagnostics.append(Diagnostic("a model file holds one YAML document; found a second '---'",
                                                  at: mark(event.start_mark)))
                    return nil
                }
            case YAML_DOCUMENT_END_EVENT:
                if multipleDocuments {
                    documents.append(root ?? YAMLTree(value: .scalar("", plain: true), location: start))
                    root = nil
                }
            case YAML_STREAM_START_EVENT:
                continue
            default:
                guard let (tree, _) = node(from: event, &session) else { return nil }
                root = tree
            }
        }
    }

    /// Reads one node starting at `event` (which the caller owns); returns it with its expanded size.
    private mutating func node(from event: yaml_event_t, _ session: inout Session) -> (YAMLTree, Int)? {
        let at = mark(event.start_mark)
        switch event.type {
        case YAML_ALIAS_EVENT:
            let name = string(event.data.alias.anchor)
            guard let (tree, size) = anchors[name] else {
                diagnostics.append(Diagnostic("unknown alias '*\(name)'", at: at, hint: "define it first with '&\(name)'"))
                return nil
            }
            return spend(size, at: at) ? (tree, size) : nil
        case YAML_SCALAR_EVENT:
            guard spend(1, at: at) else { return nil }
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            var tree = YAMLTree(value: .scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE), location: at)
            tree.tag = scalar.tag.map { String(cString: $0) }
            remember(scalar.anchor, tree, 1)
            return (tree, 1)
        case YAML_SEQUENCE_START_EVENT:
            guard spend(1, at: at) else { return nil }
            let anchor = event.data.sequence_start.anchor.map { String(cString: $0) }
            var items: [YAMLTree] = []
            var size = 1
            while true {
                guard var child = next(&session) else { return nil }
                defer { yaml_event_delete(&child) }
                if child.type == YAML_SEQUENCE_END_EVENT { break }
                guard let (item, itemSize) = node(from: child, &session) else { return nil }
                items.append(item)
                size += itemSize
            }
            var tree = YAMLTree(value: .sequence(items), location: at)
            tree.tag = event.data.sequence_start.tag.map { String(cString: $0) }
            if let anchor { anchors[anchor] = (tree, size) }
            return (tree, size)
        case YAML_MAPPING_START_EVENT:
            guard spend(1, at: at) else { return nil }
            let anchor = event.data.mapping_start.anchor.map { String(cString: $0) }
            guard var (tree, size) = mapping(at: at, &session) else { return nil }
            tree.tag = event.data.mapping_start.tag.map { String(cString: $0) }
            if let anchor { anchors[anchor] = (tree, size) }
            return (tree, size)
        default:
            diagnostics.append(Diagnostic("unexpected YAML event", at: at))
            return nil
        }
    }

    private mutating func mapping(at location: SourceLocation, _ session: inout Session) -> (YAMLTree, Int)? {
        var entries: [YAMLTree.Entry] = []
        var seen: [String: SourceLocation] = [:]
        var merged: [YAMLTree.Entry] = []
        var size = 1
        while true {
            guard var keyEvent = next(&session) else { return nil }
            defer { yaml_event_delete(&keyEvent) }
            if keyEvent.type == YAML_MAPPING_END_EVENT { break }
            guard let (key, keySize) = node(from: keyEvent, &session) else { return nil }
            guard var valueEvent = next(&session) else { return nil }
            defer { yaml_event_delete(&valueEvent) }
            guard let (value, valueSize) = node(from: valueEvent, &session) else { return nil }
            size += keySize + valueSize
            guard case .scalar(let name, let plain) = key.value else {
                diagnostics.append(Diagnostic("mapping keys must be plain strings, found \(key.typeDescription)", at: key.location))
                continue
            }
            if name == "<<" && plain {
                merged += mergeSources(value)
                continue
            }
            if let first = seen[name] {
                diagnostics.append(Diagnostic("duplicate key '\(name)' (first defined at line \(first.line))", at: key.location,
                                              hint: "each name may appear once in a mapping; rename or merge the entries"))
                continue
            }
            seen[name] = key.location
            entries.append(YAMLTree.Entry(key: name, keyLocation: key.location, value: value))
        }
        // Explicit keys win over merged ones; among merged mappings, the first listed wins (YAML 1.1 merge).
        for entry in merged where seen[entry.key] == nil {
            seen[entry.key] = entry.keyLocation
            entries.append(entry)
        }
        return (YAMLTree(value: .mapping(entries), location: location), size)
    }

    private mutating func mergeSources(_ value: YAMLTree) -> [YAMLTree.Entry] {
        let sources = value.items ?? [value]
        var result: [YAMLTree.Entry] = []
        for source in sources {
            guard let entries = source.entries else {
                diagnostics.append(Diagnostic("a merge key '<<' needs a mapping or a list of mappings", at: source.location))
                continue
            }
            result += entries
        }
        return result
    }

    private mutating func spend(_ nodes: Int, at location: SourceLocation) -> Bool {
        budget -= nodes
        guard budget < 0 else { return true }
        if !exhausted {
            exhausted = true
            diagnostics.append(Diagnostic("document expands to too many nodes (YAML aliases nested too deeply?)", at: location,
                                          hint: "Lintel limits alias expansion to protect against 'billion laughs' files"))
        }
        return false
    }

    private mutating func remember(_ anchor: UnsafeMutablePointer<yaml_char_t>?, _ tree: YAMLTree, _ size: Int) {
        guard let anchor else { return }
        anchors[String(cString: anchor)] = (tree, size)
    }

    private mutating func next(_ session: inout Session) -> yaml_event_t? {
        var event = yaml_event_t()
        guard yaml_parser_parse(&session.parser, &event) == 1 else {
            diagnostics.append(syntaxError(session.parser))
            return nil
        }
        return event
    }

    private func syntaxError(_ parser: yaml_parser_t) -> Diagnostic {
        var problem = parser.problem.map { String(cString: $0) } ?? "syntax error"
        if problem.hasPrefix("Maximum nesting level") {
            problem = "nested deeper than libyaml's limit of 1000 levels"
        }
        var message: String
        switch parser.error {
        case YAML_READER_ERROR: message = "cannot read the text: \(problem)"
        case YAML_MEMORY_ERROR: message = "the YAML parser ran out of memory"
        default: message = "invalid YAML: \(problem)"
        }
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " (\(context) at line \(parser.context_mark.line + 1))"
        }
        return Diagnostic(message, at: mark(parser.problem_mark))
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private func mark(_ mark: yaml_mark_t) -> SourceLocation {
        location(line: Int(mark.line), column: Int(mark.column))
    }

    /// libyaml counts from zero; editors and Lintel count from one.
    private func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line + 1, column: column + 1)
    }
}
