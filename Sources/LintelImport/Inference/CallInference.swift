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
    func apply(to components: inout [Component], evidence: [String: [CallEvidence]], diagnostics: inout [Diagnostic]) {
        let kinds = Dictionary(components.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
        for index in components.indices {
            let name = components[index].name
            let found = (evidence[name] ?? []).sorted { $0.location < $1.location }
            var calls: [Call] = []
            for item in found {
                let target = HostExtractor.candidateNames(item.host).lazy.compactMap(resolve).first
                guard let target else {
                    if item.isDeclaredDependency {
                        diagnostics.append(Report.warning("\(name) depends on '\(item.host)', which is not defined", at: item.location))
                    } else if let variable = item.variable {
                        diagnostics.append(Report.note("host '\(item.host)' in \(variable) matches no component; no call imported",
                                                       at: item.location))
                    }
                    continue
                }
                if target == name { continue }
                if let existing = calls.firstIndex(where: { $0.to == target }) {
                    if calls[existing].protocolName == nil { calls[existing].protocolName = item.protocolName }
                    continue
                }
                let messaging = kinds[target]?.isMessaging ?? false
                var call = Call(to: target, mode: messaging ? .async : .sync, location: item.location)
                call.protocolName = item.protocolName
                call.keyLocations["to"] = item.location
                calls.append(call)
            }
            if !calls.isEmpty {
                components[index].calls = calls
                components[index].keyLocations["calls"] = calls[0].location
            }
        }
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
