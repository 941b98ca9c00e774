import LintelModel

/// A hint that a component calls another: a `depends_on` entry or a host named in its environment.
struct CallEvidence: Sendable, Equatable {
    /// The name as written: a service name, a host, a Kubernetes Service.
    var host: String
    var location: SourceLocation
    var protocolName: CallProtocol?
    /// Written as a dependency (`depends_on`, `links`): an unknown name is worth a warning.
    var isDeclaredDependency: Bool
    /// The environment variable the host was found in, for notes.
    var variable: String?
}

/// Turns call evidence into calls between components.
struct CallInference {
    /// Resolves a host name to a component name, or nil.
    var resolve: (String) -> String?

    /// Adds calls to `components` from `evidence[componentName]`, ordered as the evidence
    /// appears in the files and one call per target. Calls to brokers and channels are async.
    ///
    /// Calls come from what a service is configured to reach (URLs, `host:port`, host lists).
    /// `depends_on` and `links` are start order, not calls: they are read only for a service whose
    /// environment names no component at all, and never towards a one-shot job. An `http(s)` URL to
    /// a public host (`https://api.stripe.com`) becomes an `external` component with the call.
    func apply(to components: inout [Component], evidence: [String: [CallEvidence]], diagnostics: inout [Diagnostic]) {
        var externals: [Component] = []
        let kinds = Dictionary(components.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
        let jobs = Set(components.filter(\.job).map(\.name))
        for index in components.indices {
            let name = components[index].name
            let image = components[index].image.map(KindInference.repositoryPath)
            let found = (evidence[name] ?? []).sorted { $0.location < $1.location }.filter { item in
                !Self.isToolVariable(item.variable, image: image)
            }
            let configured = found.contains { item in
                !item.isDeclaredDependency && HostExtractor.candidateNames(item.host).contains { resolve($0).map { $0 != name } ?? false }
            }
            var calls: [Call] = []
            for item in found {
                if item.isDeclaredDependency, configured { continue }
                let target = HostExtractor.candidateNames(item.host).lazy.compactMap(resolve).first
                    ?? externals.first { $0.name == Self.externalName(item.host) }?.name
                guard let target else {
                    if item.isDeclaredDependency {
                        diagnostics.append(Report.warning("\(name) depends on '\(item.host)', which is not defined", at: item.location))
                    } else if let external = Self.external(item) {
                        externals.append(external)
                        calls.append(Self.call(to: external.name, item: item, messaging: false))
                        diagnostics.append(Report.note("\(item.variable ?? "a variable") names \(item.host), outside the system: external component \(external.name)",
                                                       at: item.location))
                    } else if let variable = item.variable {
                        diagnostics.append(Report.note("host '\(item.host)' in \(variable) matches no component; no call imported",
                                                       at: item.location))
                    }
                    continue
                }
                // Start order towards a job or between observability services says nothing about calls.
                let observability = kinds[name] == .observability || kinds[target] == .observability
                if target == name || (item.isDeclaredDependency && (jobs.contains(target) || observability)) { continue }
                if let existing = calls.firstIndex(where: { $0.to == target }) {
                    if calls[existing].protocolName == nil { calls[existing].protocolName = item.protocolName }
                    continue
                }
                calls.append(Self.call(to: target, item: item, messaging: kinds[target]?.isMessaging ?? false))
            }
            if !calls.isEmpty {
                components[index].calls = calls
                components[index].keyLocations["calls"] = calls[0].location
            }
        }
        components += externals
    }

    /// Variables an image's command-line tools read, not its server (`temporal` and `tctl` in
    /// `temporalio/server` read `TEMPORAL_ADDRESS`; the server reads `PUBLIC_FRONTEND_ADDRESS`).
    static let toolVariables: [String: Set<String>] = [
        "temporalio/server": ["TEMPORAL_ADDRESS", "TEMPORAL_CLI_ADDRESS"],
        "temporalio/auto-setup": ["TEMPORAL_ADDRESS", "TEMPORAL_CLI_ADDRESS"],
    ]

    /// A variable for a command-line tool in the image (`*_CLI_*`, or one listed for the image).
    static func isToolVariable(_ variable: String?, image: String?) -> Bool {
        guard let variable = variable?.uppercased() else { return false }
        if variable.contains("_CLI_") || variable.hasPrefix("CLI_") { return true }
        return image.flatMap { toolVariables[$0] }?.contains(variable) ?? false
    }

    static func call(to target: String, item: CallEvidence, messaging: Bool) -> Call {
        var call = Call(to: target, mode: messaging ? .async : .sync, location: item.location)
        call.protocolName = item.protocolName
        call.keyLocations["to"] = item.location
        return call
    }

    /// `api.stripe.com` → `api-stripe-com`.
    static func externalName(_ host: String) -> String {
        host.lowercased().replacingOccurrences(of: ".", with: "-")
    }

    /// The external component an `http(s)://public-host` URL names, located at the variable.
    static func external(_ item: CallEvidence) -> Component? {
        guard item.protocolName == .https || item.protocolName == .http, HostExtractor.isOutside(item.host) else { return nil }
        var component = Component(name: externalName(item.host), kind: .external, location: item.location)
        component.description = "\(item.host), named in \(item.variable ?? "the configuration")"
        return component
    }
}

/// The naming convention that ties a store to its one owner: `orders-db` belongs to `orders`,
/// `redis-cart` to `cart`. Used only for stores nobody is seen calling, and noted as inferred.
enum StoreOwnership {
    static let storeSuffixes: Set<String> = ["db", "database", "store", "storage", "cache", "data"]
    static let productWords: Set<String> = ["redis", "mongo", "mongodb", "mysql", "postgres", "pg", "sql", "memcached", "elasticsearch"]

    static func apply(to components: inout [Component], diagnostics: inout [Diagnostic]) {
        let called = Set(components.flatMap { $0.calls.map(\.to) })
        let owners = Dictionary(components.enumerated().filter { $0.element.kind.category == .compute }
            .map { ($0.element.name.lowercased(), $0.offset) }, uniquingKeysWith: { first, _ in first })
        for store in components where store.kind.isDatastore && !called.contains(store.name) {
            guard let ownerName = ownerName(of: store.name), let index = owners[ownerName] else { continue }
            var call = Call(to: store.name, mode: .sync, location: store.location)
            call.keyLocations["to"] = store.location
            components[index].calls.append(call)
            if components[index].keyLocations["calls"] == nil { components[index].keyLocations["calls"] = store.location }
            diagnostics.append(Report.note("call \(components[index].name) → \(store.name) inferred from the names; nothing else shows who uses \(store.name)",
                                           at: store.location))
        }
    }

    /// `orders-db` → `orders`, `redis-cart` → `cart`, `catalogue_db` → `catalogue`.
    static func ownerName(of name: String) -> String? {
        let tokens = name.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard tokens.count >= 2, let first = tokens.first, let last = tokens.last else { return nil }
        if storeSuffixes.contains(last) || productWords.contains(last) { return tokens.dropLast().joined(separator: "-") }
        if productWords.contains(first) { return tokens.dropFirst().joined(separator: "-") }
        return nil
    }
}
