// Benchmarks print figures; they never assert. Run with:
//   swift run -c release lintel-bench [NAME…]
// Each benchmark registers itself in `benchmarks` below (one line per area).
import Foundation

let benchmarks: [(name: String, run: () -> Void)] = [
    ("load", loadBenchmark),
    ("capacity", capacityBenchmark),
    ("capacity-shapes", capacityShapesBenchmark),
    ("simulation", simulationBenchmark),
    ("review", reviewBenchmark),
]

let selected = Set(CommandLine.arguments.dropFirst())
for benchmark in benchmarks where selected.isEmpty || selected.contains(benchmark.name) {
    benchmark.run()
}
