import Foundation
import LintelDesign
import LintelModel

enum DesignPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let requirements = root.appendingPathComponent("examples/requirements")
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
}

/// The six shipped requirement sets: the four examples without components, and the two extremes.
let requirementSets = ["order-system", "django-monolith", "flash-sale", "analytics-platform", "startup", "large-organisation"]

func loadRequirements(_ name: String) throws -> Model {
    try ModelLoader.load(path: DesignPaths.requirements.appendingPathComponent(name + ".yaml").path).model
}

/// Designs are deterministic and the suites share them: each set is designed once per process.
actor DesignCache {
    static let shared = DesignCache()
    private var results: [String: DesignResult] = [:]
    func result(_ name: String) throws -> DesignResult {
        if let cached = results[name] { return cached }
        let result = try Designer.design(try loadRequirements(name))
        results[name] = result
        return result
    }
}

func design(_ name: String) async throws -> DesignResult {
    try await DesignCache.shared.result(name)
}

extension DesignResult {
    func decision(_ topic: String) -> Decision? { decisions.first { $0.topic == topic } }
    func component(_ name: String) -> Component? { model.component(named: name) }
}
