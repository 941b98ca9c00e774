import LintelModel
import Testing
@testable import LintelImport

@Suite("Model writer")
struct WriterTests {
    @Test("Scalars are plain only when they read back as the same string", arguments: [
        ("orders", "orders"), ("redis:7", "redis:7"), ("true", "\"true\""), ("8080", "\"8080\""), ("a: b", "\"a: b\""),
        ("", "\"\""), ("line\nbreak", "\"line\\nbreak\""), ("say \"hi\"", "\"say \\\"hi\\\"\""), ("#x", "\"#x\""),
        ("-Xmx1g", "\"-Xmx1g\""), ("null", "\"null\""),
    ])
    func scalars(_ text: String, _ written: String) {
        #expect(YAMLText.scalar(text) == written)
    }

    @Test("Quantities are written exactly: binary units when they divide, millicores for fractions")
    func quantities() {
        #expect(ModelWriter.size(DataSize(bytes: 500 * 1_048_576)) == "500MiB")
        #expect(ModelWriter.size(DataSize(bytes: 1e9)) == "1GB")
        #expect(ModelWriter.size(DataSize(bytes: 1234)) == "1234B")
        #expect(ModelWriter.cores(0.3) == "300m")
        #expect(ModelWriter.cores(2) == "2")
    }

    @Test("Output is deterministic and names its origin and unknowns")
    func deterministic() {
        let first = ModelWriter.yaml(ComposeImporter().importFiles([Paths.corpus("robot-shop/docker-compose.yaml")]).model)
        let second = ModelWriter.yaml(ComposeImporter().importFiles([Paths.corpus("robot-shop/docker-compose.yaml")]).model)
        #expect(first == second)
        #expect(first.hasPrefix("# Imported by `lintel import` from compose: "))
        #expect(first.contains("\nlintel: 1\nsystem: robot-shop\norigin:\n  format: compose\n"))
        // Provenance and unknowns are data the loader reads, not comments.
        #expect(first.contains("  unknowns:\n    - \"latency: "))
        #expect(first.contains("\n    - \"timeouts: no call timeouts in deployment files\"\n"))
        #expect(!first.contains("# unknown"))
    }
}

@Suite("Round trip through the model loader")
struct RoundTripTests {
    static let imports: [(String, ImportResult)] = [
        ("sock-shop compose", ComposeImporter().importFiles([Paths.corpus("sock-shop/docker-compose.yml")])),
        ("robot-shop compose", ComposeImporter().importFiles([Paths.corpus("robot-shop/docker-compose.yaml")])),
        ("sock-shop k8s", KubernetesImporter().importFiles([Paths.corpus("sock-shop/complete-demo.yaml")])),
        ("online-boutique k8s", KubernetesImporter().importFiles([Paths.corpus("online-boutique/kubernetes-manifests.yaml")])),
        ("fixture compose", ComposeImporter().importFiles([Paths.fixture("full.yaml")])),
        ("fixture k8s", KubernetesImporter().importFiles([Paths.fixture("k8s/shop.yaml")])),
    ]

    @Test("The written model loads back with the same components, kinds, instances, calls, volumes, resources and env",
          arguments: 0..<imports.count)
    func roundTrip(_ index: Int) throws {
        let (name, result) = Self.imports[index]
        let text = ModelWriter.yaml(result.model)
        let loaded: LoadedModel
        do {
            loaded = try ModelLoader.load(text: text, file: "\(name).yaml")
        } catch {
            Issue.record("\(name) does not load: \(error)")
            return
        }
        let original = result.model
        let back = loaded.model
        #expect(back.system == original.system)
        #expect(back.components.map(\.name) == original.components.map(\.name))
        for (a, b) in zip(original.components, back.components) {
            #expect(a.kind == b.kind && a.instances == b.instances && a.isPublic == b.isPublic, "\(a.name)")
            #expect(a.calls.map(\.to) == b.calls.map(\.to) && a.calls.map(\.mode) == b.calls.map(\.mode), "\(a.name)")
            #expect(a.volumes.map { [$0.mount, $0.kind.rawValue, $0.source ?? ""] } == b.volumes.map { [$0.mount, $0.kind.rawValue, $0.source ?? ""] },
                    "\(a.name)")
            #expect(a.resources == b.resources, "\(a.name)")
            #expect(a.healthCheck == b.healthCheck && a.security == b.security && a.autoscale == b.autoscale, "\(a.name)")
            let originalEnv = a.env.sorted { $0.name < $1.name }.map { [$0.name, $0.value ?? "", String($0.fromSecret)] }
            let loadedEnv = b.env.sorted { $0.name < $1.name }.map { [$0.name, $0.value ?? "", String($0.fromSecret)] }
            #expect(originalEnv == loadedEnv, "\(a.name)")
        }
    }
}
