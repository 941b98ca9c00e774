import LintelModel

/// A database admin UI, broker console, dashboard or control plane published on the host.
public struct AdminConsolePublished: Rule {
    public static let description = RuleDescription(
        id: "admin-console-published", title: "Admin console or control plane published", category: .security, severity: .error,
        rationale: "Database admin UIs (Adminer, mongo-express, pgAdmin, RedisInsight), broker and proxy consoles (RabbitMQ management, the Traefik dashboard in insecure mode), workflow and observability control planes (Temporal UI, Grafana, Prometheus, Jaeger, Kibana) act with full rights on the system behind them; most ship without authentication or with anonymous access. Published on the host, anyone on the network can read and change the data or stop the work.",
        remedy: "Do not publish admin consoles: reach them through an SSH tunnel or `kubectl port-forward`, bind them to 127.0.0.1, or put them behind the gateway with authentication (SSO) and an allow-list.",
        triggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              adminer: { kind: service, image: "adminer:4.8.1", public: true, ports: [8080] }
            """, importedFrom: .compose), RuleExample("""
            lintel: 1
            system: demo
            components:
              traefik: { kind: gateway, image: "traefik:3.1", public: true, command: "--api.insecure=true --providers.docker" }
            """, importedFrom: .compose)],
        nonTriggering: [RuleExample("""
            lintel: 1
            system: demo
            components:
              adminer: { kind: service, image: "adminer:4.8.1", ports: [8080] }
              traefik: { kind: gateway, image: "traefik:3.1", public: true, command: "--providers.docker" }
            """, importedFrom: .compose)])

    public init() {}

    /// Image-name tokens of admin consoles and control planes, with what they control.
    static let consoles: [(tokens: [String], what: String)] = [
        (["adminer"], "database admin UI"), (["phpmyadmin"], "database admin UI"), (["pgadmin", "pgadmin4"], "database admin UI"),
        (["mongo-express"], "database admin UI"), (["redisinsight", "redis-insight"], "Redis admin UI"),
        (["redis-commander"], "Redis admin UI"), (["kafka-ui", "akhq", "kafdrop"], "Kafka console"),
        (["management"], "broker management console"), (["portainer"], "container control plane"),
        (["grafana"], "dashboards"), (["prometheus"], "metrics server and its admin API"), (["kibana"], "log console"),
        (["jaeger", "all-in-one"], "tracing UI"), (["temporalio/ui"], "workflow control plane"),
        (["graphql-explorer", "graphiql", "altair"], "API explorer"), (["consul"], "service discovery UI"),
    ]

    /// What the published component is an admin console of, or `nil`.
    static func console(_ component: Component) -> String? {
        guard let image = component.image?.lowercased() else { return nil }
        let path = image.split(separator: "@").first.map(String.init) ?? image
        let repository = path.split(separator: ":").first.map(String.init) ?? path
        if let command = component.command?.lowercased(), command.contains("api.insecure=true") {
            return "proxy dashboard and API in insecure mode"
        }
        for console in consoles where console.tokens.contains(where: { repository.contains($0) }) {
            // RabbitMQ's `-management` images ship the console; the plain image does not.
            if console.tokens == ["management"], !repository.contains("rabbitmq") && !image.contains("management") { continue }
            return console.what
        }
        return image.contains("rabbitmq") && image.contains("management") ? "broker management console" : nil
    }

    public func check(_ context: ReviewContext) -> [Finding] {
        context.components.compactMap { component in
            guard component.isPublic, let what = Self.console(component) else { return nil }
            return finding("\(component.name) (\(what)) is published on all host interfaces", components: [component.name],
                           at: component.location(of: "public"))
        }
    }
}
