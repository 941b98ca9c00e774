import Foundation
import LintelCapacity
import LintelModel

/// A layered estate built in code: 20 layers, each component calling 3 in the next layer,
/// every tenth a PostgreSQL store and every fiftieth a topic; one flow per layer-0 service (≤ 100).
func capacityBenchmarkModel(components: Int) -> Model {
    let here = SourceLocation(file: "bench", line: 1, column: 1)
    let layer = max(10, components / 20)
    var model = Model(system: "capacity-bench-\(components)", location: here)
    model.requirements.traffic = Traffic(growth: Growth(factorPerYear: 2))
    model.requirements.slo = ServiceLevel(availability: 0.999, latencyP99: .milliseconds(500))
    for index in 0..<components {
        let kind: ComponentKind = index % 50 == 0 && index > 0 ? .topic : index % 10 == 0 && index > 0 ? .postgres : .service
        var component = Component(name: "c\(index)", kind: kind, location: here)
        component.instances = 1 + index % 3
        if kind == .service {
            component.latency = Latency(p50: .milliseconds(Double(2 + index % 7)), p99: .milliseconds(Double(20 + index % 40)))
            let next = (index / layer + 1) * layer
            for call in 0..<3 {
                let target = next + (index * 7 + call * 13) % layer
                guard target < components else { break }
                var spec = Call(to: "c\(target)", location: here)
                spec.timeout = .milliseconds(Double(100 + call * 50))
                spec.retries = call % 3
                component.calls.append(spec)
            }
        }
        model.components.append(component)
    }
    for entry in 1..<min(layer, 101) where model.components[entry].kind == .service {
        model.flows.append(Flow(name: "f\(entry)", entry: "c\(entry)", rate: Rate(perSecond: 10), peak: Rate(perSecond: 50), location: here))
    }
    return model
}

/// `CapacityAnalyzer.analyze` on generated models of growing size.
func capacityBenchmark() {
    print("## capacity: CapacityAnalyzer.analyze on a generated layered model (median of 5 runs)")
    print("| components | calls | flows | analyse time |")
    print("|---:|---:|---:|---:|")
    // LINTEL_BENCH_CAPACITY_SIZES=1000,10000 limits the sizes (for quick before/after checks).
    let sizes = ProcessInfo.processInfo.environment["LINTEL_BENCH_CAPACITY_SIZES"]
        .map { $0.split(separator: ",").compactMap { Int($0) } } ?? [1_000, 10_000, 100_000]
    for size in sizes {
        let model = capacityBenchmarkModel(components: size)
        var times: [Double] = []
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            let report = CapacityAnalyzer.analyze(model)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            precondition(report.components.count == size)
        }
        let calls = model.components.reduce(0) { $0 + $1.calls.count }
        let median = times.sorted()[times.count / 2]
        print("| \(size) | \(calls) | \(model.flows.count) | \(UnitFormat.number(median * 1000, decimals: 1)) ms |")
    }
}

/// A synchronous chain (`children == 1`) or a complete call tree (`children == 2`) of `components`
/// services, each with 2 instances and a 10 s timeout on every call, one flow at the root: the shapes
/// whose depth made capacity superlinear before (issue 17: a chain of 1,000 took over 100 s).
func capacityShapeModel(components: Int, children: Int) -> Model {
    let here = SourceLocation(file: "bench", line: 1, column: 1)
    var model = Model(system: "capacity-shape-\(components)", location: here)
    model.requirements.slo = ServiceLevel(availability: 0.999, latencyP99: TimeSpan(seconds: 5))
    for index in 0..<components {
        var component = Component(name: "s\(index)", kind: .service, location: here)
        component.instances = 2
        component.latency = Latency(p50: .milliseconds(2), p99: .milliseconds(10))
        for child in 1...children where index * children + child < components {
            var call = Call(to: "s\(index * children + child)", location: here)
            call.timeout = TimeSpan(seconds: 10)
            component.calls.append(call)
        }
        model.components.append(component)
    }
    model.flows.append(Flow(name: "main", entry: "s0", rate: Rate(perSecond: 50), peak: Rate(perSecond: 100), location: here))
    return model
}

/// `CapacityAnalyzer.analyze` on long chains and deep call trees: near-linear in the number of components.
func capacityShapesBenchmark() {
    print("## capacity-shapes: CapacityAnalyzer.analyze on synchronous chains and binary call trees (median of 3 runs)")
    print("| shape | components | depth | analyse time | per component |")
    print("|---|---:|---:|---:|---:|")
    let shapes: [(name: String, components: Int, children: Int, depth: Int)] = [
        ("chain", 100, 1, 100), ("chain", 1_000, 1, 1_000), ("chain", 10_000, 1, 10_000),
        ("binary tree", 1_023, 2, 10), ("binary tree", 16_383, 2, 14),
    ]
    for shape in shapes {
        let model = capacityShapeModel(components: shape.components, children: shape.children)
        var times: [Double] = []
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            let report = CapacityAnalyzer.analyze(model)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            precondition(report.components.count == shape.components)
        }
        let median = times.sorted()[times.count / 2]
        print("| \(shape.name) | \(shape.components) | \(shape.depth) | \(UnitFormat.number(median * 1000, decimals: 1)) ms "
              + "| \(UnitFormat.number(median * 1e6 / Double(shape.components), decimals: 1)) µs |")
    }
}
