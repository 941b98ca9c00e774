import CLibFuzzer
import Foundation

/// libFuzzer's driver with the process's arguments: `lintel-fuzz CORPUS… -max_total_time=N …`.
/// SwiftPM links every executable with a `main` of its own (pointing at this one), so libFuzzer's
/// `main` is not used; the package is built with `-parse-as-library` for `@main`.
@main
enum LintelFuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            guard let data else { return 0 }
            return lintelFuzzTestOneInput(data, size)
        })
    }
}
