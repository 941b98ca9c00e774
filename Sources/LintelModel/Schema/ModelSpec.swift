/// The model file, key by key: the single source of the loader's checks, the JSON Schema and `lintel explain`.
public enum ModelSpec {
    /// Limits shared by several keys (and by the engines, which rely on them to stay in range).
    public enum Limits {
        /// Running copies of one component: beyond ten thousand is a typo, not a system.
        public static let instances = 10_000
        /// Concurrent requests one instance serves.
        public static let workers = 100_000
        /// Attempts after the first: a thousand retries is a typo; twenty is already a storm.
        public static let retries = 20
        /// Calls one request makes to one target (an N+1 loop of a thousand is the largest sane).
        public static let callsPerRequest = 1000.0
    }

    public static let rootName = "Model"

    public static let objects: [ObjectSpec] = [root, preferences, requirements, team, traffic, slo, dataRequirements, domain, context, entity,
                                               fieldObject, query, volumeEstimate, event, component, latency, healthCheck,
                                               security, autoscale, volume, resources, secretRef, call, circuitBreaker, operation,
                                               flow, scenario, loadStep, fault, accepted, modelOrigin, componentOrigin]

    static let byName: [String: ObjectSpec] = Dictionary(uniqueKeysWithValues: objects.map { ($0.name, $0) })

    /// The object spec with this name (every name used in `.object(_)` exists; a test checks it).
    public static func object(_ name: String) -> ObjectSpec? { byName[name] }

    static let kinds = ComponentKind.allCases.map(\.rawValue)
    static let fieldTypeHelp = "uuid, string, text, int, bigint, decimal, float, bool, timestamp, date, json, bytes, enum(a,b,…) or ref(Entity); a trailing ? makes it nullable"

    static let root = ObjectSpec("Model", "A Lintel model: one backend system, its requirements, components, flows and scenarios.", [
        FieldSpec("lintel", .integer(minimum: 1, maximum: 1), "Version of the model format. Always 1 for now.", required: true),
        FieldSpec("system", .string, "Name of the system.", required: true),
        FieldSpec("description", .string, "What the system does, in a sentence or two."),
        FieldSpec("requirements", .object("Requirements"), "What the system must do: team, traffic, service levels, data, consistency, compliance, budget."),
        FieldSpec("domain", .object("Domain"), "The business domain: bounded contexts with entities and events (used by design and by the OpenAPI and SQL generators)."),
        FieldSpec("components", .dictionary(.object("Component")), "The deployable parts, by name: services, datastores, queues, external systems. Absent in a requirements file for `lintel design`, which proposes them."),
        FieldSpec("flows", .dictionary(.object("Flow")), "Named kinds of request entering the system, with their share of the load."),
        FieldSpec("scenarios", .dictionary(.object("Scenario")), "Load profiles and injected faults to evaluate the system under."),
        FieldSpec("accept", .list(.object("AcceptedRisk")), "Review findings the team has examined and accepted, with a reason and an expiry date."),
        FieldSpec("preferences", .object("Preferences"), "What `lintel design` should lean towards: languages, hosting, technologies to prefer or avoid, operational maturity."),
        FieldSpec("origin", .object("Origin"), "Where an imported model came from (written by `lintel import`): the deployment files and what they cannot say."),
    ])

    static let modelOrigin = ObjectSpec("Origin", "The deployment files a model was imported from; the review treats the unknowns as unknown, not as missing.", [
        FieldSpec("format", .enumeration(["lintel", "compose", "kubernetes"]), "The format imported.", default: "lintel"),
        FieldSpec("files", .list(.string), "The files, in the order they were merged."),
        FieldSpec("unknowns", .list(.string), "What the files cannot say (timeouts, retries, latencies, …); rules that need them are not applied."),
        FieldSpec("at", .string, "Where the system was declared, as file:line:col; findings about the whole system point there."),
    ])

    static let componentOrigin = ObjectSpec("ComponentOrigin", "Where an imported component and its keys were written in the deployment files.", [
        FieldSpec("at", .string, "The declaration, as file:line:col."),
        FieldSpec("keys", .dictionary(.string), "file:line:col of each key (`image`, `public`, …), variable (`env.NAME`), call (`calls.N`) and volume (`volumes.N`)."),
    ])

    static let preferences = ObjectSpec("Preferences", "Choices that steer `lintel design` without being requirements.", [
        FieldSpec("languages", .list(.string), "Languages the team writes (recorded in the design).", default: "[]"),
        FieldSpec("hosting", .enumeration(Hosting.allCases.map(\.rawValue)), "cloud prefers managed services (SQS, DynamoDB); self-hosted runs its own.", default: "self-hosted"),
        FieldSpec("prefer", .list(.string), "Technologies to lean towards (kafka, rabbitmq, sqs, postgres, mongodb, cassandra, clickhouse, grpc, graphql, rest, …).", default: "[]"),
        FieldSpec("avoid", .list(.string), "Technologies to stay away from, same names as prefer.", default: "[]"),
        FieldSpec("maturity", .enumeration(["low", "medium", "high"]), "Operational maturity: how much distributed-systems machinery the team can run; inferred from the team size when absent."),
    ])

    static let requirements = ObjectSpec("Requirements", "What the system must do.", [
        FieldSpec("team", .object("Team"), "Who builds and runs it."),
        FieldSpec("traffic", .object("Traffic"), "Request rates the system must serve."),
        FieldSpec("slo", .object("SLO"), "Service-level objectives for every flow that does not set its own."),
        FieldSpec("data", .object("DataRequirements"), "Data volume, growth and retention."),
        FieldSpec("consistency", .enumeration(Consistency.allCases.map(\.rawValue)), "The consistency the business needs for reads after writes."),
        FieldSpec("compliance", .list(.enumeration(Compliance.allCases.map(\.rawValue))), "Regulations that apply.", default: "[]"),
        FieldSpec("budget", .quantity(.money), "Monthly infrastructure budget, e.g. 20000 USD/month."),
    ])

    static let team = ObjectSpec("Team", "The people who build and run the system.", [
        FieldSpec("engineers", .integer(minimum: 1, maximum: 100_000), "Engineers working on the system.", required: true),
        FieldSpec("teams", .integer(minimum: 1, maximum: 10_000), "Independent teams.", default: "1"),
    ])

    static let traffic = ObjectSpec("Traffic", "Request rates entering the system.", [
        FieldSpec("average", .quantity(.rate), "Average request rate, e.g. 40/s or 10K/hour."),
        FieldSpec("peak", .quantity(.rate), "Peak request rate the system must serve."),
        FieldSpec("growth", .quantity(.growth), "Traffic growth, e.g. 3x/year or 20%/year."),
    ])

    static let slo = ObjectSpec("SLO", "Service-level objectives.", [
        FieldSpec("availability", .quantity(.percent), "Fraction of successful requests, e.g. 99.95%."),
        FieldSpec("latency_p50", .quantity(.duration), "Median end-to-end latency objective."),
        FieldSpec("latency_p99", .quantity(.duration), "99th-percentile end-to-end latency objective."),
    ])

    static let dataRequirements = ObjectSpec("DataRequirements", "Data volume, growth and retention.", [
        FieldSpec("size", .quantity(.size), "Data held today, e.g. 200GB."),
        FieldSpec("growth", .quantity(.dataGrowth), "New data per period, e.g. 20GB/month."),
        FieldSpec("retention", .quantity(.duration, range: .retention), "How long data is kept, e.g. 2y."),
    ])

    static let domain = ObjectSpec("Domain", "The business domain.", [
        FieldSpec("contexts", .dictionary(.object("Context")), "Bounded contexts by name."),
    ])

    static let context = ObjectSpec("Context", "A bounded context: a part of the domain with its own language and owner.", [
        FieldSpec("description", .string, "What the context is responsible for."),
        FieldSpec("team", .string, "The team that owns it."),
        FieldSpec("entities", .dictionary(.object("Entity")), "Entities by name."),
        FieldSpec("events", .dictionary(.object("Event")), "Domain events by name."),
    ])

    static let fieldTypeForms: ValueType = .either([.string, .object("Field")])

    static let entity = ObjectSpec("Entity", "A thing the business keeps records of.", [
        FieldSpec("fields", .dictionary(fieldTypeForms), "Fields by name; a type (\(fieldTypeHelp)) or a mapping with `type`."),
        FieldSpec("key", .either([.string, .list(.string)]), "Primary key field(s).", default: "id"),
        FieldSpec("queries", .list(.object("Query")), "How the entity is looked up."),
        FieldSpec("volume", .object("Volume"), "How many rows, and how fast they change."),
        FieldSpec("store", .componentName, "The component that stores it."),
        FieldSpec("retention", .quantity(.duration, range: .retention), "How long rows are kept."),
        FieldSpec("partition_by", .string, "The field the table is partitioned by."),
    ])

    static let fieldObject = ObjectSpec("Field", "A field with options.", [
        FieldSpec("type", .string, "The field type: \(fieldTypeHelp).", required: true),
        FieldSpec("nullable", .boolean, "May be empty.", default: "false"),
        FieldSpec("unique", .boolean, "No two rows share a value.", default: "false"),
        FieldSpec("sensitive", .boolean, "Personal, payment or health data (GDPR, PCI DSS, HIPAA).", default: "false"),
    ])

    static let query = ObjectSpec("Query", "An access pattern.", [
        FieldSpec("by", .either([.string, .list(.string)]), "Fields filtered on.", required: true),
        FieldSpec("order", .string, "Field the results are sorted by."),
        FieldSpec("rate", .quantity(.rate), "How often the query runs."),
    ])

    static let volumeEstimate = ObjectSpec("Volume", "Row counts and change rates.", [
        FieldSpec("rows", .quantity(.count), "Rows today, e.g. 50M."),
        FieldSpec("writes", .quantity(.rate), "Rows written per unit of time."),
        FieldSpec("reads", .quantity(.rate), "Rows read per unit of time."),
        FieldSpec("row_size", .quantity(.size, range: .rowSize), "Average row size."),
    ])

    static let event = ObjectSpec("Event", "Something that happened in the domain, published for others.", [
        FieldSpec("fields", .dictionary(fieldTypeForms), "Payload fields by name."),
        FieldSpec("topic", .componentName, "The topic it is published to."),
    ])

    static let callForms: ValueType = .either([.componentName, .object("Call")])

    static let component = ObjectSpec("Component", "A deployable part of the system.", [
        FieldSpec("kind", .enumeration(kinds), "What the component is; decides its defaults and the rules that apply.", required: true),
        FieldSpec("description", .string, "What it does."),
        FieldSpec("context", .string, "The domain context it belongs to."),
        FieldSpec("team", .string, "The team that owns it."),
        FieldSpec("technology", .string, "Language, framework or product, e.g. Go, Django, PostgreSQL 16."),
        FieldSpec("image", .string, "Container image."),
        FieldSpec("instances", .integer(minimum: 1, maximum: Limits.instances), "Running copies (for datastores: primaries; see `replicas`).", default: "1"),
        FieldSpec("workers", .integer(minimum: 1, maximum: Limits.workers), "Requests one instance serves at the same time: threads, processes, connections.",
                  default: "per kind: gateway 1000, service 64, worker 8, function 1, postgres/mysql/mongodb 32, redis 4, external 100"),
        FieldSpec("queue", .integer(minimum: 0, maximum: 10_000_000), "Requests that may wait per instance before new ones are rejected.", default: "unbounded"),
        FieldSpec("latency", .either([.quantity(.duration, range: .serviceTime), .object("Latency")]),
                  "The component's own service time, without the time its calls take. A single duration is the mean of an exponential distribution.",
                  default: "per kind: service p50 10ms p99 50ms, postgres p50 2ms p99 20ms, redis p50 0.1ms p99 1ms, external p50 100ms p99 500ms"),
        FieldSpec("availability", .quantity(.percent), "Availability of one instance.", default: "per kind: 99.9%; managed services 99.99%"),
        FieldSpec("load_balancing", .enumeration(LoadBalancing.allCases.map(\.rawValue)), "How requests are spread over instances.", default: "round-robin"),
        FieldSpec("autoscale", .object("Autoscale"), "Horizontal autoscaling bounds."),
        FieldSpec("public", .boolean, "Reachable from the internet.", default: "false"),
        FieldSpec("auth", .enumeration(AuthMethod.allCases.map(\.rawValue)), "How callers are authenticated."),
        FieldSpec("rate_limit", .quantity(.rate), "Requests accepted per unit of time; the rest are rejected fast."),
        FieldSpec("tls", .boolean, "Serves its traffic over TLS."),
        FieldSpec("health_check", .either([.string, .boolean, .object("HealthCheck")]), "A health endpoint path, `true`, or liveness/readiness probes."),
        FieldSpec("security", .object("Security"), "Container security settings."),
        FieldSpec("audit_log", .boolean, "Access to its data is recorded in an audit log."),
        FieldSpec("calls", .list(callForms), "Outgoing calls in the order a request makes them: a component name or a mapping with `to`."),
        FieldSpec("publishes", .list(callForms), "Topics and queues it publishes to (asynchronous calls)."),
        FieldSpec("operations", .dictionary(.object("Operation")),
                  "What it does for its callers, by name: HTTP endpoints or RPCs with their entities, idempotency, latency and calls. A flow that targets one (`operation: trips.get-status`) makes only that operation's calls here; a request that names none makes the component's own `calls`.",
                  default: "none"),
        FieldSpec("consumes", .list(.componentName), "Topics and queues it consumes from."),
        FieldSpec("idempotent_consumer", .boolean, "Processing a redelivered message twice is harmless."),
        FieldSpec("outbox", .boolean, "Events are published through a transactional outbox or change-data capture (Debezium), so a write and the event that announces it commit together; without it a request that writes a store and publishes is a dual write (review: dual-write-without-outbox).", default: "false"),
        FieldSpec("replicas", .integer(minimum: 0, maximum: 100), "Copies beyond the primary: standbys or read replicas.", default: "0"),
        FieldSpec("read_from_replicas", .boolean, "Reads are served by replicas (which may lag behind writes).", default: "false"),
        FieldSpec("backups", .enumeration(BackupPolicy.allCases.map(\.rawValue)), "How often data is backed up."),
        FieldSpec("encrypted", .boolean, "Data is encrypted at rest."),
        FieldSpec("max_connections", .integer(minimum: 1, maximum: 1_000_000), "Client connections the store accepts.", default: "per kind: postgres 100, mysql 151, clickhouse 4096"),
        FieldSpec("pool", .integer(minimum: 1, maximum: 100_000), "Connections each client instance keeps open to this store."),
        FieldSpec("storage", .quantity(.size), "Data held today."),
        FieldSpec("data_growth", .quantity(.dataGrowth), "New data per period."),
        FieldSpec("retention", .quantity(.duration, range: .retention), "How long data or messages are kept."),
        FieldSpec("holds", .list(.enumeration(["pii", "payment", "health", "credentials", "financial"])), "Classes of regulated data held."),
        FieldSpec("partition_key", .string, "The key data or messages are partitioned by."),
        FieldSpec("broker", .enumeration(Broker.allCases.map(\.rawValue)), "The broker behind a topic or queue."),
        FieldSpec("partitions", .integer(minimum: 1, maximum: 100_000), "Partitions (Kafka) or shards of a topic or queue."),
        FieldSpec("partition_throughput", .quantity(.rate), "Messages one partition sustains.", default: "per broker"),
        FieldSpec("consumers", .list(.componentName), "Components consuming this topic or queue."),
        FieldSpec("dead_letter", .boolean, "Messages that keep failing go to a dead-letter queue."),
        FieldSpec("max_deliveries", .integer(minimum: 1, maximum: 100), "Delivery attempts before a message is dead-lettered or dropped.", default: "5"),
        FieldSpec("delivery", .enumeration(Delivery.allCases.map(\.rawValue)), "Delivery guarantee of a topic or queue.", default: "at-least-once"),
        FieldSpec("volumes", .list(.either([.string, .object("VolumeMount")])), "Mounted storage; a string is a persistent volume's mount path."),
        FieldSpec("resources", .object("Resources"), "CPU and memory requests and limits."),
        FieldSpec("env", .dictionary(.either([.string, .object("SecretRef")])), "Environment variables: a literal value, or `{secret: NAME}` for a value from a secret store."),
        FieldSpec("ports", .list(.integer(minimum: 1, maximum: 65_535)), "Ports it listens on."),
        FieldSpec("disruption_budget", .boolean, "A disruption budget keeps instances up during voluntary evictions."),
        FieldSpec("job", .boolean, "Runs once to completion (setup, migration, seed), not as a long-running service.", default: "false"),
        FieldSpec("restart", .enumeration(RestartPolicy.allCases.map(\.rawValue)), "What the runtime does when the process exits."),
        FieldSpec("command", .string, "The container's command line, where server flags (`-c fsync=off`) are read."),
        FieldSpec("origin", .object("ComponentOrigin"), "Where an imported component was written (written by `lintel import`)."),
    ])

    static let latency = ObjectSpec("Latency", "Service-time distribution, fitted to percentiles.", [
        FieldSpec("p50", .quantity(.duration, range: .serviceTime), "Median service time.", required: true),
        FieldSpec("p99", .quantity(.duration, range: .serviceTime), "99th-percentile service time.", default: "5 × p50"),
        FieldSpec("distribution", .enumeration(Latency.Distribution.allCases.map(\.rawValue)), "Shape of the distribution.", default: "lognormal"),
    ])

    static let healthCheck = ObjectSpec("HealthCheck", "Health probes.", [
        FieldSpec("path", .string, "HTTP path of the health endpoint."),
        FieldSpec("liveness", .boolean, "Restarts the instance when it fails.", default: "true"),
        FieldSpec("readiness", .boolean, "Takes the instance out of load balancing when it fails.", default: "true"),
    ])

    static let security = ObjectSpec("Security", "Container security settings.", [
        FieldSpec("run_as_non_root", .boolean, "The process runs as a non-root user."),
        FieldSpec("read_only_root_filesystem", .boolean, "The root filesystem is read-only."),
        FieldSpec("privileged", .boolean, "The container runs privileged."),
    ])

    static let autoscale = ObjectSpec("Autoscale", "Horizontal autoscaling.", [
        FieldSpec("min", .integer(minimum: 1, maximum: Limits.instances), "Fewest instances.", required: true),
        FieldSpec("max", .integer(minimum: 1, maximum: Limits.instances), "Most instances.", required: true),
        FieldSpec("target", .quantity(.percent), "Target utilisation."),
    ])

    static let volume = ObjectSpec("VolumeMount", "A mounted volume.", [
        FieldSpec("mount", .string, "Path inside the container.", required: true),
        FieldSpec("type", .enumeration(Volume.Kind.allCases.map(\.rawValue)), "What backs it.", default: "persistent"),
        FieldSpec("source", .string, "Volume name or host path."),
    ])

    static let resources = ObjectSpec("Resources", "CPU and memory.", [
        FieldSpec("cpu", .quantity(.cpu), "CPU cores requested, e.g. 0.5 or 500m."),
        FieldSpec("memory", .quantity(.size, range: .memory), "Memory requested, e.g. 512Mi."),
        FieldSpec("cpu_limit", .quantity(.cpu), "CPU limit."),
        FieldSpec("memory_limit", .quantity(.size, range: .memory), "Memory limit."),
    ])

    static let secretRef = ObjectSpec("SecretRef", "A value taken from a secret store.", [
        FieldSpec("secret", .string, "The secret's name.", required: true),
    ])

    static let call = ObjectSpec("Call", "An outgoing call.", [
        FieldSpec("to", .componentName, "The component called.", required: true),
        FieldSpec("mode", .enumeration(CallMode.allCases.map(\.rawValue)), "sync: the caller waits, holding a worker; async: fire and forget.",
                  default: "async to topics and queues, sync otherwise"),
        FieldSpec("protocol", .enumeration(CallProtocol.allCases.map(\.rawValue)), "Wire protocol."),
        FieldSpec("timeout", .quantity(.duration, range: .callDuration), "Caller-side timeout per attempt."),
        FieldSpec("retries", .integer(minimum: 0, maximum: Limits.retries), "Attempts after the first fails.", default: "0"),
        FieldSpec("backoff", .enumeration(Backoff.allCases.map(\.rawValue)), "Wait between attempts.", default: "none"),
        FieldSpec("backoff_base", .quantity(.duration, range: .callDuration), "First backoff interval.", default: "100ms"),
        FieldSpec("backoff_cap", .quantity(.duration, range: .callDuration), "Longest backoff interval.", default: "10s"),
        FieldSpec("retry_budget", .quantity(.fraction), "Retries allowed as a fraction of requests, e.g. 10%.", default: "unlimited"),
        FieldSpec("circuit_breaker", .either([.boolean, .object("CircuitBreaker")]), "Stops calling a failing dependency for a while; `true` takes the defaults."),
        FieldSpec("idempotent", .boolean, "Repeating the call is harmless."),
        FieldSpec("per_request", .number(minimum: 0, maximum: Limits.callsPerRequest), "Calls per request reaching the caller; 0.3 means 30% of requests.", default: "1"),
        FieldSpec("hit_ratio", .quantity(.fraction), "To a cache: the fraction of lookups that hit. To anything else: the fraction of requests a local cache answers, skipping the call."),
        FieldSpec("on_miss", .componentName, "Made only when this cache missed (cache-aside)."),
        FieldSpec("parallel", .string, "Calls with the same group name run concurrently."),
        FieldSpec("optional", .boolean, "A soft dependency: failure falls back instead of failing the request.", default: "false"),
        FieldSpec("tls", .boolean, "The call is encrypted in transit."),
        FieldSpec("operation", .enumeration(DataAccess.allCases.map(\.rawValue)), "Whether the call reads or writes."),
        FieldSpec("bulkhead", .integer(minimum: 1, maximum: Limits.workers), "At most this many concurrent calls, isolating the caller's workers."),
        FieldSpec("pool", .integer(minimum: 1, maximum: 100_000), "Connections each caller instance keeps to the target."),
    ])

    static let operation = ObjectSpec("Operation", "One endpoint or procedure of a component; its name has no dot (flows write component.operation).", [
        FieldSpec("description", .string, "What the operation does."),
        FieldSpec("http", .string, "HTTP method and path template, e.g. \"GET /v1/trips/{id}\" (quote it inside { } flow mappings). Methods: \(HTTPMethod.allCases.map(\.rawValue).joined(separator: ", "))."),
        FieldSpec("rpc", .string, "RPC name instead of `http`, e.g. TripService.GetStatus."),
        FieldSpec("request", .string, "The domain entity the caller sends: Trip, or list(Trip) for a collection."),
        FieldSpec("response", .string, "The domain entity returned: Trip, or list(Trip) for a collection."),
        FieldSpec("idempotent", .boolean, "Repeating the operation is harmless.", default: "true for GET, PUT, DELETE, HEAD, OPTIONS; false for POST, PATCH and RPCs"),
        FieldSpec("latency", .either([.quantity(.duration, range: .serviceTime), .object("Latency")]), "The operation's own service time, without its calls.", default: "the component's latency"),
        FieldSpec("calls", .list(callForms), "The calls this operation makes, in order (same forms as a component's calls). A name alone reuses the component's own call to that component, with its settings.", default: "[]: the operation makes only the calls it lists"),
        FieldSpec("publishes", .list(callForms), "Topics and queues this operation publishes to.", default: "[]"),
    ])

    static let circuitBreaker = ObjectSpec("CircuitBreaker", "Circuit breaker settings.", [
        FieldSpec("failures", .quantity(.percent), "Failure rate in the window that opens the breaker.", default: "50%"),
        FieldSpec("window", .quantity(.duration, range: .callDuration), "Sliding window the failure rate is measured over.", default: "10s"),
        FieldSpec("open_for", .quantity(.duration, range: .callDuration), "How long the breaker stays open before trying again.", default: "30s"),
        FieldSpec("min_requests", .integer(minimum: 1, maximum: 1_000_000), "Calls in the window before the breaker may open.", default: "20"),
        FieldSpec("half_open_requests", .integer(minimum: 1, maximum: 10_000), "Trial calls when half-open.", default: "1"),
    ])

    static let flow = ObjectSpec("Flow", "A kind of request entering the system.", [
        FieldSpec("description", .string, "What the user is doing."),
        FieldSpec("entry", .componentName, "Where the request enters.", required: true),
        FieldSpec("route", .list(.componentName), "Components the request passes through after the entry; at the last one all its calls are made (or its operation's).", default: "[]"),
        FieldSpec("operation", .string, "The operation the request invokes at the last hop, as component.operation (trips.get-status) or a bare name of the last hop's operation; only its calls are made there. The component is appended to the route when the route ends at a caller of it.", default: "none: the last hop's own calls"),
        FieldSpec("rate", .quantity(.rate), "Average arrival rate.", default: "share × requirements.traffic.average, or the whole average for a single flow"),
        FieldSpec("share", .quantity(.fraction), "Fraction of requirements.traffic this flow takes."),
        FieldSpec("peak", .quantity(.rate), "Peak arrival rate.", default: "rate × traffic peak / traffic average"),
        FieldSpec("slo", .object("SLO"), "Service levels of this flow.", default: "requirements.slo"),
        FieldSpec("consistency", .enumeration(Consistency.allCases.map(\.rawValue)), "Consistency this flow needs.", default: "requirements.consistency"),
        FieldSpec("critical", .boolean, "Business-critical rather than best-effort.", default: "true"),
        FieldSpec("saga", .boolean, "Writes this flow makes in several services are coordinated by a saga: every step has a compensating action (orchestrated, choreographed, or run by a workflow engine such as Temporal); review: multi-service-write-without-saga.", default: "false"),
    ])

    static let scenario = ObjectSpec("Scenario", "A load profile with faults.", [
        FieldSpec("description", .string, "What the scenario represents."),
        FieldSpec("duration", .quantity(.duration, range: .simulatedTime), "Simulated time.", default: "last step or fault end + 5m"),
        FieldSpec("load", .list(.object("LoadStep")), "Rate changes over time.", default: "the flows' average rates"),
        FieldSpec("faults", .list(.object("Fault")), "Faults injected.", default: "[]"),
    ])

    static let loadStep = ObjectSpec("LoadStep", "From `at` on, the offered load changes.", [
        FieldSpec("at", .quantity(.duration, range: .simulatedTime), "When the step starts.", required: true),
        FieldSpec("rate", .quantity(.rate), "Total rate, split over flows by their average rates."),
        FieldSpec("scale", .quantity(.multiplier), "Every flow's average rate times this factor, e.g. 10x."),
        FieldSpec("flow", .flowName, "Apply the step to this flow only."),
    ])

    static let fault = ObjectSpec("Fault", "A change to one component for a while.", [
        FieldSpec("at", .quantity(.duration, range: .simulatedTime), "When the fault starts.", required: true),
        FieldSpec("for", .quantity(.duration, range: .simulatedTime), "How long it lasts.", required: true),
        FieldSpec("component", .componentName, "The component affected.", required: true),
        FieldSpec("down", .boolean, "The whole component is down.", default: "false"),
        FieldSpec("instances_down", .integer(minimum: 1, maximum: Limits.instances), "This many instances are down."),
        FieldSpec("latency", .quantity(.multiplier), "Service time multiplied, e.g. 10x."),
        FieldSpec("error_rate", .quantity(.fraction), "Fraction of requests that fail."),
        FieldSpec("workers", .integer(minimum: 0, maximum: Limits.workers), "Workers per instance during the fault."),
    ])

    static let accepted = ObjectSpec("AcceptedRisk", "A finding examined and accepted.", [
        FieldSpec("rule", .string, "The rule id.", required: true),
        FieldSpec("component", .componentName, "The component it applies to; all components when absent."),
        FieldSpec("flow", .flowName, "The flow it applies to."),
        FieldSpec("reason", .string, "Why the risk is acceptable.", required: true),
        FieldSpec("until", .quantity(.date), "When the acceptance expires."),
    ])
}
