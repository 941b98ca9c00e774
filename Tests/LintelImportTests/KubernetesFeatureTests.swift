import LintelModel
import Testing
@testable import LintelImport

@Suite("Kubernetes features")
struct KubernetesFeatureTests {
    static let path = Paths.fixture("k8s/shop.yaml")
    static let result = KubernetesImporter().importFiles([path])

    @Test("Workloads of every kind become components; unknown kinds are noted")
    func workloads() {
        let result = Self.result
        #expect(!result.hasErrors)
        #expect(result.model.system == "shop")
        #expect(result.model.components.map(\.name) == ["api", "db", "search", "log-agent"])
        #expect(result.model.components.map(\.kind) == [.service, .postgres, .elasticsearch, .observability])
        #expect(result.model.components.map(\.instances) == [3, 2, 1, 1])
        #expect(result.diagnostics.contains { $0.severity == .note && $0.message.contains("ServiceMonitor") })
        #expect(result.diagnostics.contains { $0.severity == .note && $0.message.contains("DaemonSet") })
    }

    @Test("Ingress and NodePort make workloads public; HPA and PDB attach to their targets")
    func links() throws {
        let api = try #require(Self.result.model["api"])
        #expect(api.isPublic && api.tls == true)
        #expect(api.autoscale == Autoscale(min: 3, max: 12, targetUtilisation: 0.7))
        #expect(api.disruptionBudget == true)
        #expect(api.location(of: "disruption_budget").line == 102)
        #expect(Self.result.model["search"]?.isPublic == true)
        #expect(Self.result.model["db"]?.isPublic == false)
        #expect(Self.result.model["db"]?.disruptionBudget == false)
    }

    @Test("env: secretKeyRef is a reference, envFrom expands a ConfigMap in the manifests, fieldRef has no value")
    func environment() throws {
        let api = try #require(Self.result.model["api"])
        let password = try #require(api.variable("DB_PASSWORD"))
        #expect(password.fromSecret && password.value == nil && password.secretReference == "db-credentials/password")
        #expect(api.variable("LOG_LEVEL")?.value == "info")
        #expect(api.variable("LOG_LEVEL")?.location?.line == 8)
        #expect(api.variable("POD_IP")?.value == nil && api.variable("POD_IP")?.fromSecret == false)
        #expect(Self.result.diagnostics.contains { $0.message.contains("api-secrets") })
    }

    @Test("Calls resolve hosts through Services, including cluster DNS names, with the port's protocol")
    func calls() throws {
        let api = try #require(Self.result.model["api"])
        #expect(api.calls.map(\.to) == ["search", "db"])
        #expect(api.calls.map(\.protocolName) == [.http, .tcp])
    }

    @Test("Probes, resources over containers, volumes and the security context of the pod and its containers")
    func podDetails() throws {
        let model = Self.result.model
        let api = try #require(model["api"])
        #expect(api.healthCheck == HealthCheck(path: "/ready", liveness: false, readiness: true))
        // The proxy sidecar sets no limits, so the pod has no known limit; requests add up.
        #expect(api.resources == Resources(cpuRequest: 0.25, memoryRequest: DataSize(bytes: 256 * 1_048_576)))
        #expect(api.security == SecurityContext(runAsNonRoot: true, readOnlyRootFilesystem: false, privileged: true))
        let db = try #require(model["db"])
        #expect(db.volumes.map(\.kind) == [.persistent])
        #expect(db.volumes.first?.mount == "/var/lib/postgresql/data")
        #expect(db.healthCheck == HealthCheck(path: nil, liveness: true, readiness: false))
        #expect(model["search"]?.volumes == [Volume(mount: "/var/log/host", kind: .host, source: "/var/log",
                                                    location: SourceLocation(file: Self.path, line: 170, column: 11))])
    }
}
