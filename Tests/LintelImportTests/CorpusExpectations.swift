/// What Tests/Corpus/README.md lists for each system, as findings. The evidence names the rule and
/// the component the README names; nothing here was read off Lintel's output.
func each(_ rule: String, _ subjects: [String]) -> [String] { subjects.map { "\(rule) \($0)" } }

enum CorpusExpectations {
    static let bookinfo = CorpusExpectation(
        name: "Istio Bookinfo (4 manifest files)",
        files: ["bookinfo/bookinfo.yaml", "bookinfo/bookinfo-db.yaml", "bookinfo/bookinfo-ratings-v2.yaml", "bookinfo/bookinfo-ingress.yaml"],
        weaknesses: [
            Listed("replicas: 1; productpage, details and mongodb are single points of failure, no PodDisruptionBudget",
                   each("single-point-of-failure", ["productpage-v1", "details-v1", "mongodb-v1"]) + ["missing-disruption-budget mongodb-v1"]),
            Listed("no liveness or readiness probe (all eight Deployments)",
                   each("missing-health-check", ["productpage-v1", "details-v1", "reviews-v1", "reviews-v2", "reviews-v3", "ratings-v1", "ratings-v2", "mongodb-v1"])),
            Listed("no resource requests or limits (all eight)",
                   each("missing-resource-limits", ["productpage-v1", "details-v1", "reviews-v1", "reviews-v2", "reviews-v3", "ratings-v1", "ratings-v2", "mongodb-v1"])),
            Listed("mongodb keeps /data/db on emptyDir", ["ephemeral-datastore-storage mongodb-v1"]),
            Listed("the public entry is plain HTTP: the Ingress has no tls:", ["public-entry-without-tls productpage-v1"]),
            Listed("no securityContext anywhere",
                   each("missing-security-context", ["productpage-v1", "details-v1", "reviews-v1", "reviews-v2", "reviews-v3", "ratings-v1", "ratings-v2", "mongodb-v1"])),
        ],
        gaps: [Listed("timeout inversion with retries (productpage.py and LibertyRestEndpoint.java, not the manifests)", [])],
        strengths: [
            Listed("images pinned to 1.20.3", each("floating-image-tag", ["productpage-v1", "details-v1", "reviews-v1", "ratings-v1", "mongodb-v1"])),
            Listed("only productpage is reachable from outside: there is a gateway, mongodb is not public",
                   ["public-services-without-gateway productpage-v1", "public-datastore mongodb-v1"]),
            Listed("reviews and ratings run several pods behind one Service",
                   each("single-point-of-failure", ["reviews-v1", "reviews-v2", "reviews-v3", "ratings-v1", "ratings-v2"])),
            Listed("mongodb has a single client", ["shared-datastore mongodb-v1"]),
            Listed("emptyDir of reviews and productpage is scratch space", ["ephemeral-datastore-storage reviews-v1", "ephemeral-datastore-storage productpage-v1"]),
            Listed("the MySQL password is commented out", ["plaintext-secret ratings-v2"]),
        ],
        unlisted: [:])

    static let appwrite = CorpusExpectation(
        name: "Appwrite (docker-compose.yml + override, .env)",
        files: ["appwrite/docker-compose.yml", "appwrite/docker-compose.override.yml"],
        weaknesses: [
            Listed("every service runs once; no deploy:, so no replicas and no limits",
                   each("single-point-of-failure", ["traefik", "appwrite", "appwrite-realtime", "appwrite-worker", "postgresql", "redis", "mongodb"])
                   + each("missing-resource-limits", ["traefik", "appwrite", "postgresql", "redis"])),
            Listed("the Docker socket mounted by traefik, openruntimes-executor, orchestrator (and appwrite in the override)",
                   each("privileged-container", ["traefik", "openruntimes-executor", "orchestrator", "appwrite"])),
            Listed("postgresql runs with fsync=off, synchronous_commit=off, full_page_writes=off", ["store-durability-off postgresql"]),
            Listed("one redis for queues, pub/sub, cache and locks with allkeys-lru", ["store-durability-off redis"]),
            Listed("secrets in plain configuration (.env)", each("plaintext-secret", ["appwrite", "postgresql", "mongodb"])),
            Listed("the 22 roles on an unpinned image", each("floating-image-tag", ["appwrite", "appwrite-worker", "appwrite-realtime"])),
            Listed("no health check on traefik, appwrite-console, appwrite-realtime, appwrite-worker, the tasks, assistant, browser, orchestrator, embedding",
                   each("missing-health-check", ["traefik", "appwrite-console", "appwrite-realtime", "appwrite-worker", "appwrite-task-scheduler",
                                                 "appwrite-task-maintenance", "appwrite-task-interval", "appwrite-assistant", "appwrite-browser",
                                                 "orchestrator", "appwrite-embedding"])),
            Listed("no restart policy on traefik, appwrite, appwrite-assistant, appwrite-browser, postgresql, redis",
                   each("missing-restart-policy", ["traefik", "appwrite", "appwrite-assistant", "appwrite-browser", "postgresql", "redis"])),
            Listed("abuse protection and HTTPS enforcement are off", ["security-feature-disabled appwrite"]),
            Listed("override: every store published on all interfaces; appwrite and appwrite-realtime bypass traefik",
                   each("public-datastore", ["mongodb", "postgresql", "redis"]) + ["public-services-without-gateway appwrite"]),
            Listed("override: admin consoles on the host (traefik dashboard insecure, adminer, mongo-express, redis-insight, graphql-explorer)",
                   each("admin-console-published", ["traefik", "adminer", "appwrite-mongo-express", "redis-insight", "graphql-explorer"])),
            Listed("override: more unpinned images (mongo-express, adminer, redisinsight:latest)",
                   each("floating-image-tag", ["appwrite-mongo-express", "adminer", "redis-insight"])),
        ],
        gaps: [Listed("mariadb and mongodb started unconditionally although .env picks postgresql", [])],
        strengths: [
            Listed("every store has a named volume and a health check",
                   each("ephemeral-datastore-storage", ["postgresql", "redis", "mongodb"]) + each("missing-health-check", ["postgresql", "redis", "mongodb"])),
            Listed("store and sidecar images are pinned", each("floating-image-tag", ["postgresql", "redis", "mongodb", "openruntimes-executor", "orchestrator"])),
            Listed("the appwrite-* containers are roles of one application over one schema", each("shared-datastore", ["postgresql", "redis"])),
            Listed("profile-only services are not started (mariadb, gitea, clamav, the separate roles)",
                   each("single-point-of-failure", ["mariadb", "gitea", "clamav", "appwrite-worker-webhooks"])),
        ],
        unlisted: Dictionary([
            // Every service of the started stack runs once and without limits or a health check, as the README says of "every service".
            "coredns", "maildev", "request-catcher-webhook", "request-catcher-sms", "adminer", "redis-insight", "graphql-explorer",
            "appwrite-mongo-express", "appwrite-console", "appwrite-assistant", "appwrite-browser", "appwrite-geo", "appwrite-embedding",
            "openruntimes-executor", "orchestrator", "appwrite-task-scheduler", "appwrite-task-maintenance", "appwrite-task-interval",
        ].flatMap { name in
            [("single-point-of-failure \(name)", "every service runs once"), ("missing-resource-limits \(name)", "no CPU or memory limits"),
             ("missing-health-check \(name)", "override services without a health check")]
        } + [
            ("missing-resource-limits appwrite-realtime", "no limits"), ("missing-resource-limits appwrite-worker", "no limits"),
            ("missing-resource-limits mongodb", "no limits"),
            ("missing-restart-policy appwrite-mongo-express", "override service without restart"),
            ("missing-restart-policy maildev", "override service without restart"),
            ("missing-restart-policy request-catcher-sms", "override service without restart"),
            ("missing-restart-policy request-catcher-webhook", "override service without restart"),
            ("plaintext-secret adminer", "the database password pre-filled (override 444-445)"),
            ("plaintext-secret appwrite-mongo-express", "the root connection string (override 425)"),
            ("plaintext-secret appwrite-worker", ".env secrets handed to every role"),
            ("plaintext-secret appwrite-geo", "_APP_GEO_SECRET"), ("plaintext-secret openruntimes-executor", "_APP_EXECUTOR_SECRET"),
            ("plaintext-secret appwrite-realtime", ".env secrets handed to every role (_APP_DB_PASS)"),
            ("plaintext-secret appwrite-task-scheduler", ".env secrets handed to every role (_APP_DB_PASS)"),
            ("plaintext-secret appwrite-task-maintenance", ".env secrets handed to every role (_APP_DB_PASS)"),
            ("plaintext-secret appwrite-task-interval", ".env secrets handed to every role (_APP_DB_PASS)"),
            ("plaintext-secret maildev", "MAILDEV_INCOMING_PASS in .env"),
            ("default-credentials postgresql", "_APP_DB_PASS=password in .env: the shipped default"),
            ("default-credentials mongodb", "_APP_DB_PASS=password in .env: the shipped default"),
            ("security-feature-disabled appwrite-realtime", ".env flags handed to every role"),
            ("security-feature-disabled appwrite-worker", ".env flags handed to every role"),
            ("security-feature-disabled appwrite-task-scheduler", ".env flags handed to every role"),
            ("floating-image-tag appwrite-task-scheduler", "the roles' image"), ("floating-image-tag appwrite-task-maintenance", "the roles' image"),
            ("floating-image-tag appwrite-task-interval", "the roles' image"),
        ], uniquingKeysWith: { first, _ in first }))

    static let langfuse = CorpusExpectation(
        name: "Langfuse (docker-compose.yml)",
        files: ["langfuse/docker-compose.yml"],
        weaknesses: [
            Listed("working credentials written into the file as defaults",
                   each("plaintext-secret", ["langfuse-web", "langfuse-worker", "clickhouse", "minio", "postgres"])
                   + each("default-credentials", ["postgres", "clickhouse"])),
            Listed("minio's S3 API published on all interfaces with the default root credentials", ["public-datastore minio"]),
            Listed("langfuse-web published on all interfaces over plain HTTP", ["public-entry-without-tls langfuse-web"]),
            Listed("every service runs once", each("single-point-of-failure", ["langfuse-web", "langfuse-worker", "postgres", "clickhouse", "redis"])),
            Listed("no health check on langfuse-web or langfuse-worker", each("missing-health-check", ["langfuse-web", "langfuse-worker"])),
            Listed("no resource limits", each("missing-resource-limits", ["langfuse-web", "langfuse-worker", "postgres", "clickhouse", "redis", "minio"])),
            Listed("floating image tags: langfuse:4, langfuse-worker:4, minio without a tag",
                   each("floating-image-tag", ["langfuse-web", "langfuse-worker", "minio"])),
        ],
        gaps: [],
        strengths: [
            Listed("postgres, redis, clickhouse bound to 127.0.0.1: not public", each("public-datastore", ["postgres", "redis", "clickhouse"])),
            Listed("every store has a named volume and a health check",
                   each("ephemeral-datastore-storage", ["postgres", "redis", "clickhouse", "minio"]) + each("missing-health-check", ["postgres", "redis", "clickhouse", "minio"])),
            Listed("redis runs with noeviction", ["store-durability-off redis"]),
            Listed("restart: always on every service", each("missing-restart-policy", ["langfuse-web", "postgres", "redis"])),
            Listed("web and worker are roles of one application", each("shared-datastore", ["postgres", "redis", "clickhouse", "minio"])),
        ],
        unlisted: ["single-point-of-failure minio": "every service runs once"])

    static let temporal = CorpusExpectation(
        name: "Temporal (docker-compose.yml, .env)",
        files: ["temporal/docker-compose.yml"],
        weaknesses: [
            Listed("postgresql published on all interfaces with the password temporal, also in POSTGRES_PWD and SQL_PASSWORD",
                   ["public-datastore postgresql", "plaintext-secret postgresql", "plaintext-secret temporal-admin-tools",
                    "plaintext-secret temporal", "default-credentials postgresql"]),
            Listed("elasticsearch published on 9200 with security off and no volume",
                   ["public-datastore elasticsearch", "security-feature-disabled elasticsearch", "ephemeral-datastore-storage elasticsearch"]),
            Listed("postgresql data on an anonymous volume", ["ephemeral-datastore-storage postgresql"]),
            Listed("single instances: temporal, postgresql, elasticsearch", each("single-point-of-failure", ["temporal", "postgresql", "elasticsearch"])),
            Listed("frontend gRPC and temporal-ui published with no TLS and no auth",
                   ["public-entry-without-tls temporal", "admin-console-published temporal-ui", "public-services-without-gateway temporal"]),
            Listed("no restart on postgresql, elasticsearch, temporal, temporal-ui",
                   each("missing-restart-policy", ["postgresql", "elasticsearch", "temporal", "temporal-ui"])),
            Listed("temporal-ui has no health check", ["missing-health-check temporal-ui"]),
            Listed("no resource limits anywhere", each("missing-resource-limits", ["postgresql", "elasticsearch", "temporal", "temporal-ui"])),
        ],
        gaps: [],
        strengths: [
            Listed("versions pinned in .env", each("floating-image-tag", ["postgresql", "elasticsearch", "temporal", "temporal-ui", "temporal-admin-tools"])),
            Listed("health checks on postgresql, elasticsearch and temporal", each("missing-health-check", ["postgresql", "elasticsearch", "temporal"])),
            Listed("admin-tools and create-namespace are one-shot jobs: no single point of failure, no health check",
                   each("single-point-of-failure", ["temporal-admin-tools", "temporal-create-namespace"])
                   + each("missing-health-check", ["temporal-admin-tools", "temporal-create-namespace"])),
            Listed("temporal-ui and temporal are not datastores", ["public-datastore temporal", "ephemeral-datastore-storage temporal", "public-datastore temporal-ui"]),
        ],
        unlisted: [
            "single-point-of-failure temporal-ui": "the UI runs once too",
            "missing-resource-limits temporal-admin-tools": "no resource limits anywhere",
            "missing-resource-limits temporal-create-namespace": "no resource limits anywhere",
        ])

    static let temporalMultirole = CorpusExpectation(
        name: "Temporal multi-role (docker-compose-multirole.yaml, .env)",
        files: ["temporal/docker-compose-multirole.yaml"],
        weaknesses: [
            Listed("temporal-history, -matching, -worker and -nginx run once",
                   each("single-point-of-failure", ["temporal-history", "temporal-matching", "temporal-worker", "temporal-nginx"])),
            Listed("every server role publishes gRPC and metrics on all interfaces; history and matching bypass nginx",
                   ["public-services-without-gateway temporal-history"]
                   + each("public-entry-without-tls", ["temporal-history", "temporal-matching", "temporal-frontend", "temporal-frontend2", "temporal-worker"])),
            Listed("elasticsearch published, security off, no volume",
                   ["public-datastore elasticsearch", "security-feature-disabled elasticsearch", "ephemeral-datastore-storage elasticsearch"]),
            Listed("grafana with anonymous Admin; prometheus, jaeger, loki and temporal-ui published without auth",
                   ["security-feature-disabled grafana"]
                   + each("admin-console-published", ["grafana", "prometheus", "jaeger-all-in-one", "loki", "temporal-ui"])),
            Listed("grafana/loki:latest is unpinned", ["floating-image-tag loki"]),
            Listed("no health check on the server roles, temporal-nginx, temporal-ui",
                   each("missing-health-check", ["temporal-history", "temporal-matching", "temporal-frontend", "temporal-frontend2",
                                                 "temporal-worker", "temporal-nginx", "temporal-ui"])),
            Listed("the database password from .env in plain text, handed to the roles and temporal-setup",
                   ["plaintext-secret postgresql", "plaintext-secret temporal-setup"]
                   + each("plaintext-secret", ["temporal-frontend", "temporal-frontend2", "temporal-history", "temporal-matching", "temporal-worker"])),
            Listed("postgresql data on an anonymous volume", ["ephemeral-datastore-storage postgresql"]),
            Listed("no resource limits; no restart on postgresql, elasticsearch, temporal-ui, loki, prometheus, grafana, jaeger, otel-collector",
                   each("missing-restart-policy", ["postgresql", "elasticsearch", "temporal-ui", "loki", "prometheus", "grafana",
                                                   "jaeger-all-in-one", "otel-collector"])
                   + each("missing-resource-limits", ["temporal-history", "temporal-nginx", "postgresql", "grafana"])),
        ],
        gaps: [Listed("logging needs the loki Docker plugin; host.docker.internal is not mapped", [])],
        strengths: [
            Listed("the frontend runs twice behind temporal-nginx", each("single-point-of-failure", ["temporal-frontend", "temporal-frontend2"])),
            Listed("postgresql is not published", ["public-datastore postgresql"]),
            Listed("the server roles and temporal-nginx restart", each("missing-restart-policy", ["temporal-history", "temporal-matching", "temporal-frontend", "temporal-worker", "temporal-nginx"])),
            Listed("temporal-setup and temporal-create-namespace are one-shot jobs",
                   each("single-point-of-failure", ["temporal-setup", "temporal-create-namespace"]) + each("missing-health-check", ["temporal-setup", "temporal-create-namespace"])),
        ],
        unlisted: Dictionary([
            ("single-point-of-failure postgresql", "one postgresql"), ("single-point-of-failure elasticsearch", "one elasticsearch"),
            ("single-point-of-failure temporal-ui", "the UI runs once"),
            ("public-entry-without-tls temporal-nginx", "the gRPC entry on 7233 has no TLS"),
            ("default-credentials postgresql", "POSTGRES_PASSWORD equals POSTGRES_USER (temporal) in .env"),
        ] + ["elasticsearch", "jaeger-all-in-one", "loki", "otel-collector", "prometheus", "temporal-admin-tools", "temporal-create-namespace",
             "temporal-frontend", "temporal-frontend2", "temporal-matching", "temporal-setup", "temporal-ui", "temporal-worker"].map {
            ("missing-resource-limits \($0)", "no resource limits")
        }, uniquingKeysWith: { first, _ in first }))

    static let jitsi = CorpusExpectation(
        name: "Jitsi Meet (docker-compose.yml + jibri, jigasi, etherpad)",
        files: ["jitsi/docker-compose.yml", "jitsi/jibri.yml", "jitsi/jigasi.yml", "jitsi/etherpad.yml"],
        weaknesses: [
            Listed("images default to the moving unstable tag", each("floating-image-tag", ["web", "prosody", "jicofo", "jvb", "jibri", "jigasi"])),
            Listed("no health check on any service", each("missing-health-check", ["web", "prosody", "jicofo", "jvb", "jibri", "jigasi", "etherpad"])),
            Listed("one prosody, one jicofo, one jvb; no resource limits anywhere",
                   each("single-point-of-failure", ["prosody", "jicofo", "jvb"])
                   + each("missing-resource-limits", ["web", "prosody", "jicofo", "jvb", "jibri", "jigasi", "etherpad"])),
            // etherpad/etherpad keeps pads in its `dirty` file database inside the container unless DB_TYPE is set.
            Listed("etherpad mounts no volume, so pads are lost", ["ephemeral-datastore-storage etherpad"]),
        ],
        gaps: [
            Listed("authentication is off by default (ENABLE_AUTH commented in env.example)", []),
            // web's XMPP_BOSH_URL_BASE is passed through bare; its value is in the image's meet.conf template.
            Listed("web's depends_on names only jvb, while web proxies to prosody", []),
        ],
        strengths: [
            Listed("internal HTTP APIs bound to loopback; prosody not published", ["public-datastore prosody", "admin-console-published jicofo"]),
            Listed("the published ports are the product's own ingress and media", ["public-services-without-gateway web", "public-entry-without-tls web",
                                                                                   "public-entry-without-tls jvb"]),
            Listed("XMPP passwords empty in env.example, generated by gen-passwords.sh", each("plaintext-secret", ["prosody", "jicofo", "jvb"])),
            Listed("restart: unless-stopped on every service", each("missing-restart-policy", ["web", "prosody", "jicofo", "jvb", "etherpad"])),
            Listed("etherpad pinned to 2.0.3", ["floating-image-tag etherpad"]),
        ],
        unlisted: [
            "single-point-of-failure web": "every service runs once", "single-point-of-failure jibri": "every service runs once",
            "single-point-of-failure jigasi": "every service runs once", "single-point-of-failure etherpad": "every service runs once",
        ])

    static let all = [bookinfo, appwrite, langfuse, temporal, temporalMultirole, jitsi]
}
