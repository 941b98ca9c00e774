import LintelModel

/// Containers that are one application: roles of one image (`appwrite/appwrite` run with different
/// entrypoints), an image and its companion (`langfuse/langfuse` and `langfuse/langfuse-worker`),
/// and copies of one role (two containers of one image with the same settings but their ports).
enum ApplicationRoles {
    /// `docker.io/org/name:tag@digest` → (`org`, `name`); `nil` without an image.
    static func repository(_ component: Component) -> (organisation: String, name: String)? {
        guard var text = component.image?.lowercased(), !text.isEmpty else { return nil }
        if let at = text.firstIndex(of: "@") { text = String(text[..<at]) }
        var parts = text.split(separator: "/").map(String.init)
        if let last = parts.last, let colon = last.lastIndex(of: ":") { parts[parts.count - 1] = String(last[..<colon]) }
        if parts.count > 2 || (parts.count == 2 && (parts[0].contains(".") || parts[0].contains(":"))) { parts.removeFirst() }
        guard let name = parts.last else { return nil }
        return (parts.dropLast().joined(separator: "/"), name)
    }

    /// The application a component belongs to: its image repository, with a companion image
    /// (`langfuse-worker` next to `langfuse` of the same organisation) folded into the main one.
    static func application(_ component: Component, among components: [Component]) -> String {
        guard let (organisation, name) = repository(component) else { return component.name }
        let names = Set(components.compactMap { repository($0) }.filter { $0.organisation == organisation }.map(\.name))
        let base = names.filter { name.hasPrefix($0 + "-") }.sorted { $0.count < $1.count }.first ?? name
        return organisation + "/" + base
    }

    /// Variables that differ between copies of one role without making it a different role.
    static func isPlacement(_ variable: String) -> Bool {
        let upper = variable.uppercased()
        return ["PORT", "ENDPOINT", "ADDRESS", "ADDR", "HOST", "HOSTNAME", "ID", "NAME"].contains { upper.hasSuffix($0) }
    }

    /// How many running copies of `component`'s role the system has: containers of the same image,
    /// command and settings (ports and addresses aside), not one-shot jobs. At least 1.
    static func copies(of component: Component, among components: [Component]) -> Int {
        // Two stores of one image are two databases; copies are recognised by identical, stated settings.
        guard component.image != nil, !component.job, !component.kind.isDatastore, component.kind.category == .compute else { return 1 }
        func settings(_ item: Component) -> [String] {
            item.env.filter { !isPlacement($0.name) }.map { $0.name + "=" + ($0.value ?? "") }.sorted()
        }
        // Versions of one service deployed side by side behind one Service (`reviews-v1`, `reviews-v2`): copies.
        if let base = versionBase(component.name) {
            let versions = components.filter { !$0.job && $0.kind == component.kind && versionBase($0.name) == base }
            if versions.count > 1 { return versions.count }
        }
        let own = settings(component)
        guard !own.isEmpty else { return 1 }
        let same = components.filter { other in
            !other.job && other.image == component.image && other.command == component.command && other.kind == component.kind
                && settings(other) == own
        }
        return max(1, same.count)
    }

    /// `reviews-v2` → `reviews`; `nil` without a `-vN` suffix.
    static func versionBase(_ name: String) -> String? {
        guard let dash = name.lastIndex(of: "-") else { return nil }
        let suffix = name[name.index(after: dash)...]
        guard suffix.count >= 2, suffix.first == "v", suffix.dropFirst().allSatisfy(\.isNumber) else { return nil }
        return String(name[..<dash])
    }
}
