import LintelModel

/// Compose-file tree operations: interpolation of every value, the list-to-mapping forms,
/// and the merge of several files as `docker compose -f a.yml -f b.yml` does it
/// (compose specification, "Merge"): mappings merge, scalars override, sequences append,
/// `command`, `entrypoint` and `healthcheck.test` are replaced, `ports`, `volumes`, `secrets`
/// and `configs` are unique by their target, `!reset` removes and `!override` replaces.
enum ComposeTree {
    /// Service attributes whose list form (`KEY=VALUE` or `name`) is a mapping in disguise.
    static let mappingAttributes: Set<String> = ["environment", "labels", "depends_on", "extra_hosts", "sysctls", "annotations"]
    static let replacedAttributes: Set<String> = ["command", "entrypoint"]
    static let uniqueAttributes: Set<String> = ["ports", "volumes", "secrets", "configs"]

    /// Interpolates every scalar value (not keys), keeping the written text in `raw`.
    static func interpolate(_ node: YAMLNode, with interpolator: Interpolator, diagnostics: inout [Diagnostic]) -> YAMLNode {
        var copy = node
        switch node.content {
        case .scalar(let text):
            let (result, found) = interpolator.interpolate(text, at: node.location)
            diagnostics += found
            if result != text {
                copy.content = .scalar(result)
                copy.raw = text
            }
        case .sequence(let items):
            copy.content = .sequence(items.map { interpolate($0, with: interpolator, diagnostics: &diagnostics) })
        case .mapping(let entries):
            copy.content = .mapping(entries.map {
                YAMLEntry(key: $0.key, value: interpolate($0.value, with: interpolator, diagnostics: &diagnostics))
            })
        }
        return copy
    }

    /// A list of `KEY=VALUE` (or bare `KEY`) items as a mapping; a mapping is returned as it is.
    /// Each key and value keeps the location of its list item.
    static func asMapping(_ node: YAMLNode, separator: Character = "=") -> YAMLNode {
        guard case .sequence(let items) = node.content else { return node }
        var entries: [YAMLEntry] = []
        for item in items {
            guard let text = item.string else { continue }
            let key: String
            var value: YAMLNode
            if let index = text.firstIndex(of: separator) {
                key = String(text[..<index])
                value = YAMLNode.scalar(String(text[text.index(after: index)...]), at: item.location)
                if let raw = item.raw, let rawIndex = raw.firstIndex(of: separator) {
                    value.raw = String(raw[raw.index(after: rawIndex)...])
                }
            } else {
                key = text
                value = YAMLNode(.scalar(""), tag: YAMLTag.null, location: item.location)
            }
            entries.append(YAMLEntry(key: YAMLNode.scalar(key, at: item.location, plain: true), value: value))
        }
        return YAMLNode(.mapping(entries), tag: node.tag, location: node.location)
    }

    /// Merges `override` into `base`. Returns nil when the override resets the value.
    static func merge(_ base: YAMLNode, _ override: YAMLNode, path: [String] = []) -> YAMLNode? {
        if override.tag == "!reset" { return nil }
        if override.tag == "!override" { return override }
        let attribute = path.count == 3 && path[0] == "services" ? path[2] : nil
        var base = base
        var override = override
        if let attribute, mappingAttributes.contains(attribute) {
            base = asMapping(base)
            override = asMapping(override)
        }
        if path.count == 4, path[0] == "services", path[2] == "build", path[3] == "args" {
            base = asMapping(base)
            override = asMapping(override)
        }
        if let attribute, replacedAttributes.contains(attribute) { return override }
        if path.count == 4, path[0] == "services", path[2] == "healthcheck", path[3] == "test" { return override }

        switch (base.content, override.content) {
        case (.mapping(let baseEntries), .mapping(let overrideEntries)):
            var entries = baseEntries
            for entry in overrideEntries {
                if let index = entries.firstIndex(where: { $0.name == entry.name }) {
                    if let merged = merge(entries[index].value, entry.value, path: path + [entry.name]) {
                        // A replaced value is located where the overriding file wrote it.
                        if merged == entry.value { entries[index].key = entry.key }
                        entries[index].value = merged
                    } else {
                        entries.remove(at: index)
                    }
                } else if entry.value.tag != "!reset" {
                    entries.append(entry)
                }
            }
            var result = base
            result.content = .mapping(entries)
            return result
        case (.sequence(let baseItems), .sequence(let overrideItems)):
            var items = baseItems
            if let attribute, uniqueAttributes.contains(attribute) {
                for item in overrideItems {
                    let key = uniqueKey(item, attribute: attribute)
                    if let index = items.firstIndex(where: { uniqueKey($0, attribute: attribute) == key }) {
                        items[index] = item
                    } else {
                        items.append(item)
                    }
                }
            } else {
                items += overrideItems
            }
            var result = base
            result.content = .sequence(items)
            return result
        default:
            return override
        }
    }

    /// The identity of an entry of a unique-resource list (compose specification, "Unique resources").
    static func uniqueKey(_ item: YAMLNode, attribute: String) -> String {
        switch attribute {
        case "volumes":
            if let text = item.string { return ComposeVolumes.shortSyntaxTarget(text) }
            return item["target"]?.string ?? ""
        case "secrets", "configs":
            if let text = item.string { return "/run/secrets/" + text }
            return item["target"]?.string ?? ("/run/secrets/" + (item["source"]?.string ?? ""))
        default:
            if let text = item.string { return text }
            let parts = ["host_ip", "target", "published", "protocol"].map { item[$0]?.string ?? "" }
            return parts.joined(separator: "/")
        }
    }
}

extension ComposeTree {
    /// An error for each cycle of `extends` among the services of one file (`a` extends `b`, `b`
    /// extends `a`): docker compose refuses such a file, so the import does too. Each cycle is
    /// reported once, at the `extends` key of its first service in file order. An `extends` naming
    /// another `file:` leaves the file and ends the chain.
    static func extendsCycles(_ services: YAMLNode) -> [Diagnostic] {
        var targets: [String: (target: String, location: SourceLocation)] = [:]
        for entry in services.entries {
            guard let extends = entry.value.entry("extends") else { continue }
            let value = extends.value
            guard value["file"] == nil, let target = value.string ?? value["service"]?.string else { continue }
            targets[entry.name] = (target, extends.key.location)
        }
        var diagnostics: [Diagnostic] = []
        // 0 unvisited, 1 on the current chain, 2 done: each service is walked once (linear time).
        var state: [String: Int] = [:]
        for entry in services.entries where state[entry.name] == nil {
            var chain: [String] = []
            var name = entry.name
            while state[name] == nil, let next = targets[name] {
                state[name] = 1
                chain.append(name)
                name = next.target
            }
            if state[name] == 1, let start = chain.firstIndex(of: name), let first = targets[chain[start]] {
                let cycle = chain[start...] + [name]
                diagnostics.append(Report.error("circular 'extends': " + cycle.map { "'\($0)'" }.joined(separator: " → "),
                                                at: first.location, hint: "a service cannot extend itself through others; break the chain"))
            }
            for member in chain { state[member] = 2 }
            state[name] = state[name] ?? 2
        }
        return diagnostics
    }
}
