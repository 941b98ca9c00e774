import Foundation
import LintelModel

/// Loading (parse, validate, build, check references) of generated models of growing size.
func loadBenchmark() {
    print("## load: parse + validate a generated model (CPU time, median of 5 runs)")
    print("| components | calls | file size | load CPU time |")
    print("|---:|---:|---:|---:|")
    for size in [1_000, 10_000, 100_000] {
        let text = syntheticModelYAML(components: size, callsPerComponent: 4)
        var times: [Double] = []
        var calls = 0
        for _ in 0..<5 {
            let start = processCPUSeconds()
            guard let loaded = try? ModelLoader.load(text: text, file: "synthetic.yaml", maximumBytes: 1 << 30) else {
                print("| \(size) | – | – | failed to load |")
                return
            }
            times.append(processCPUSeconds() - start)
            calls = loaded.model.components.reduce(0) { $0 + $1.calls.count }
        }
        let median = times.sorted()[times.count / 2]
        print("| \(size) | \(calls) | \(UnitFormat.bytes(Double(text.utf8.count))) | \(UnitFormat.number(median * 1000, decimals: 0)) ms |")
    }
}

/// CPU time of this process; steadier than wall time on a shared, noisy machine.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
