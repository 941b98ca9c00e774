import LintelModel

/// A container image whose tag moves: none, `latest`, a channel name, or (for an application
/// image) a bare major version.
public struct FloatingImageTag: Rule {
    public static let description = RuleDescription(
        id: "floating-image-tag", title: "Image tag that floats", category: .operability, severity: .warning,
        rationale: "An image without a tag, or tagged `latest`, `unstable`, `stable`, `alpine` or another channel name, resolves to whatever was pushed last: two hosts pulling a day apart run different code, a rollback pulls the broken version again, and an upstream release can change behaviour without a change in the repository. An application image tagged with a major version only (`app:4`) moves with every minor release too. Stores pinned to a major version (`postgres:16`) are not reported: their vendors keep on-disk formats and protocols within a major version.",
        remedy: "Pin every image to a full version (`redis:7.4.7-alpine`), ideally with its digest (`@sha256:…`), and upgrade on purpose.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, image: "acme/api:latest" }
              admin: { kind: service, image: adminer }
            """, importedFrom: .compose), RuleExample("""
            lintel: 1
            system: demo
            components:
              web: { kind: service, image: "jitsi/web:unstable" }
              worker: { kind: service, image: "langfuse/langfuse-worker:4" }
            """, importedFrom: .compose)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              api: { kind: service, image: "acme/api:1.20.3" }
              db: { kind: postgres, image: "postgres:16" }
              cache: { kind: redis, image: "redis@sha256:0123456789abcdef" }
            """, importedFrom: .compose)])

    public init() {}

    /// Tags that name a channel rather than a release.
    static let channels: Set<String> = ["latest", "unstable", "stable", "edge", "nightly", "dev", "develop", "main", "master",
                                        "alpine", "slim", "current", "lts", "rolling", "beta", "canary", "next"]

    /// The image's tag, `nil` when there is none; a digest pins the image whatever the tag.
    static func tag(_ image: String) -> (tag: String?, pinnedByDigest: Bool) {
        if image.contains("@") { return (nil, true) }
        let last = image.split(separator: "/").last.map(String.init) ?? image
        guard let colon = last.lastIndex(of: ":") else { return (nil, false) }
        return (String(last[last.index(after: colon)...]), false)
    }

    /// Why the image floats, or `nil` when it is pinned.
    static func floating(_ component: Component) -> String? {
        guard let image = component.image, !image.isEmpty else { return nil }
        let (tag, digest) = tag(image)
        if digest { return nil }
        guard let tag, !tag.isEmpty else { return "has no tag, so it is `latest`" }
        if channels.contains(tag.lowercased()) { return "is tagged `\(tag)`, a moving channel" }
        let isMajorOnly = tag.allSatisfy(\.isNumber)
        if isMajorOnly, component.kind.category == .compute { return "is tagged with the major version `\(tag)` only" }
        return nil
    }

    public func check(_ context: ReviewContext) -> [Finding] {
        context.components.compactMap { component in
            guard let why = Self.floating(component), let image = component.image else { return nil }
            return finding("\(component.name)'s image \(image) \(why): what runs changes without a change here",
                           components: [component.name], at: component.location(of: "image"))
        }
    }
}
