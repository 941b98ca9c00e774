import Foundation
import LintelModel

/// A network endpoint named in a configuration value.
struct Endpoint: Sendable, Equatable {
    var host: String
    var port: Int?
    var scheme: String?

    /// The call protocol a URL scheme names.
    var protocolName: CallProtocol? {
        switch scheme?.lowercased() {
        case "http": .http
        case "https": .https
        case "grpc": .grpc
        case "grpcs": .grpcs
        case "ws", "wss": .websocket
        case "amqp": .amqp
        case "amqps": .amqps
        case "kafka": .kafka
        case "redis", "rediss": .redis
        case "postgres", "postgresql", "mysql", "jdbc", "mariadb", "sqlserver": .sql
        case "s3": .s3
        case "tcp", "mongodb", "mongodb+srv", "nats": .tcp
        default: nil
        }
    }
}

/// Finds host names in environment values: URLs, `host:port`, DSNs and bare hosts in
/// variables whose name says they hold one (`*_HOST`, `*_ADDR`, …).
enum HostExtractor {
    /// Name endings whose variables hold a bare host name.
    static let hostNameSuffixes = ["HOST", "HOSTNAME", "ADDR", "ADDRESS", "SERVER", "SERVERS", "ENDPOINT", "URL", "URI",
                                   "BROKER", "BROKERS", "SERVICE", "HOSTS", "DSN", "SEEDS", "NODES", "PEERS"]

    static func endpoints(name: String, value: String) -> [Endpoint] {
        let upper = name.uppercased()
        let namesHost = hostNameSuffixes.contains { upper == $0 || upper.hasSuffix("_" + $0) }
        var found: [Endpoint] = []
        for rawToken in value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "\n" || $0 == "\t" }) {
            var token = String(rawToken).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            // `-Dhost=db:5432` or `host=db` (libpq keyword form): look at what follows the last `=`.
            if !token.contains("://"), let equals = token.lastIndex(of: "=") {
                let key = token[..<equals].lowercased()
                token = String(token[token.index(after: equals)...])
                if key.hasSuffix("host") || key.hasSuffix("hostname") || key.hasSuffix("server") {
                    if let endpoint = hostPort(token) ?? bareHost(token) { found.append(endpoint) }
                    continue
                }
            }
            if let endpoint = url(token) ?? goDSN(token) ?? hostPort(token) ?? (namesHost ? bareHost(token) : nil) {
                found.append(endpoint)
            }
        }
        return found
    }

    /// `scheme://[user[:pass]@]host[:port][/path]`, also `jdbc:mysql://…`.
    static func url(_ token: String) -> Endpoint? {
        guard let separator = token.range(of: "://") else { return nil }
        let scheme = token[..<separator.lowerBound].split(separator: ":").last.map(String.init)
        var rest = token[separator.upperBound...]
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        // Several hosts (`mongodb://a:1,b:2`) are split by the caller on commas; keep the first here.
        guard let endpoint = hostPort(String(rest)) ?? bareHost(String(rest)) else { return nil }
        return Endpoint(host: endpoint.host, port: endpoint.port, scheme: scheme)
    }

    /// Go MySQL driver form: `user:pass@tcp(host:port)/db`.
    static func goDSN(_ token: String) -> Endpoint? {
        guard let open = token.range(of: "@tcp("), let close = token[open.upperBound...].firstIndex(of: ")") else { return nil }
        return hostPort(String(token[open.upperBound..<close]))
    }

    /// `host:port` with a numeric port.
    static func hostPort(_ token: String) -> Endpoint? {
        guard let colon = token.lastIndex(of: ":") else { return nil }
        let host = String(token[..<colon])
        var portText = token[token.index(after: colon)...]
        if let slash = portText.firstIndex(of: "/") { portText = portText[..<slash] }
        guard let port = Int(portText), (1...65535).contains(port), isHostName(host) else { return nil }
        return Endpoint(host: host.lowercased(), port: port, scheme: nil)
    }

    static func bareHost(_ token: String) -> Endpoint? {
        guard isHostName(token), token.rangeOfCharacter(from: .letters) != nil else { return nil }
        return Endpoint(host: token.lowercased(), port: nil, scheme: nil)
    }

    /// Letters, digits, hyphens, dots and underscores, starting with a letter or digit.
    static func isHostName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !text.isEmpty, text.count <= 253,
              CharacterSet.alphanumerics.contains(first) else { return false }
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._")
        return text.unicodeScalars.allSatisfy { allowed.contains($0) }
    }

    /// The names a host might refer to, most specific first:
    /// `orders.shop.svc.cluster.local` → `orders.shop.svc.cluster.local`, `orders`.
    static func candidateNames(_ host: String) -> [String] {
        if isOutside(host) { return [host] }
        var names = [host]
        if let first = host.split(separator: ".").first.map(String.init), first != host { names.append(first) }
        return names
    }

    /// A host outside any deployment: a public DNS name (`api.stripe.com`), not a cluster or
    /// container-network name (`orders`, `orders.shop.svc.cluster.local`, `*.internal`, `*.local`),
    /// not loopback or an IP address.
    static func isOutside(_ host: String) -> Bool {
        let labels = host.lowercased().split(separator: ".").map(String.init)
        guard labels.count >= 2, let last = labels.last, last.count >= 2, last.allSatisfy(\.isLetter) else { return false }
        let internalSuffixes: Set<String> = ["local", "internal", "localhost", "cluster", "svc", "lan", "home", "test", "example",
                                             "invalid", "localdomain", "docker"]
        if internalSuffixes.contains(last) || labels.contains("svc") { return false }
        return !labels.contains { $0 == "localhost" }
    }
}
