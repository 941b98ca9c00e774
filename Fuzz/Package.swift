// swift-tools-version: 6.1
// The libFuzzer target, in its own package so that the main `swift build` never sees
// `-sanitize=fuzzer`. Build and run with `scripts/fuzz` (docs/fuzzing.md).
import PackageDescription

let package = Package(
    name: "LintelFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        // The repository root, named explicitly: a path dependency's identity is otherwise its
        // folder's name, which differs between clones (CI clones into a folder of its own).
        .package(name: "Lintel", path: ".."),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // libFuzzer's C entry points (declarations; the runtime defines them).
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "lintel-fuzz",
            dependencies: [
                "CLibFuzzer",
                .product(name: "LintelModel", package: "Lintel"),
                .product(name: "LintelCapacity", package: "Lintel"),
                .product(name: "LintelReview", package: "Lintel"),
                .product(name: "LintelSimulation", package: "Lintel"),
                .product(name: "LintelRender", package: "Lintel"),
                .product(name: "LintelImport", package: "Lintel"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
