// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Lintel",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lintel", targets: ["lintel"]),
        .library(name: "LintelModel", targets: ["LintelModel"]),
        .library(name: "LintelCapacity", targets: ["LintelCapacity"]),
        .library(name: "LintelReview", targets: ["LintelReview"]),
        .library(name: "LintelSimulation", targets: ["LintelSimulation"]),
        .library(name: "LintelRender", targets: ["LintelRender"]),
        .library(name: "LintelImport", targets: ["LintelImport"]),
        .library(name: "LintelServer", targets: ["LintelServer"]),
        .library(name: "LintelDesign", targets: ["LintelDesign"]),
        .library(name: "LintelContracts", targets: ["LintelContracts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        // OpenAPI 3.1 documents for `generate openapi` and `review-api`; the external-loading trait is not needed.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0", traits: []),
    ],
    targets: [
        // The model: types, units, loader, diagnostics, JSON Schema.
        .target(name: "LintelModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Queueing-theory arithmetic shared by review, simulation and render.
        .target(name: "LintelCapacity", dependencies: ["LintelModel"]),
        // The architect's rule catalog.
        .target(name: "LintelReview", dependencies: ["LintelModel", "LintelCapacity"]),
        // Discrete-event simulation under load and faults.
        .target(
            name: "LintelSimulation",
            dependencies: [
                "LintelModel", "LintelCapacity",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        // Diagrams and reports.
        .target(name: "LintelRender", dependencies: ["LintelModel", "LintelCapacity", "LintelReview", "LintelSimulation", "LintelDesign"]),
        // docker-compose and Kubernetes importers.
        .target(name: "LintelImport", dependencies: ["LintelModel", .product(name: "Yams", package: "Yams")]),
        // The MCP server: Lintel's engines as tools, resources and prompts for coding agents.
        .target(
            name: "LintelServer",
            dependencies: [
                "LintelModel", "LintelCapacity", "LintelReview", "LintelSimulation", "LintelRender", "LintelImport", "LintelDesign",
                .product(name: "MCP", package: "swift-sdk"),
            ]
        ),
        // Requirements and a domain to a sized, reviewed architecture with decision records.
        .target(name: "LintelDesign", dependencies: ["LintelModel", "LintelCapacity"]),
        // Contracts from the model (OpenAPI 3.1, PostgreSQL DDL) and the API review (issue 13).
        .target(
            name: "LintelContracts",
            dependencies: [
                "LintelModel", "LintelReview",
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
                .product(name: "OpenAPIKitCompat", package: "OpenAPIKit"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "lintel",
            dependencies: [
                "LintelModel", "LintelCapacity", "LintelReview", "LintelSimulation", "LintelRender", "LintelImport",
                "LintelServer", "LintelDesign", "LintelContracts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "lintel-bench",
            dependencies: ["LintelModel", "LintelCapacity", "LintelReview", "LintelSimulation"]
        ),
        .testTarget(name: "LintelModelTests", dependencies: ["LintelModel"], exclude: ["Fixtures"]),
        .testTarget(name: "LintelCapacityTests", dependencies: ["LintelModel", "LintelCapacity"], exclude: ["Simulations"]),
        .testTarget(name: "LintelReviewTests", dependencies: ["LintelModel", "LintelCapacity", "LintelReview", "LintelRender"], exclude: ["Golden"]),
        .testTarget(name: "LintelSimulationTests", dependencies: ["LintelModel", "LintelSimulation", "LintelCapacity"]),
        .testTarget(
            name: "LintelRenderTests",
            dependencies: ["LintelModel", "LintelRender", "LintelReview", "LintelCapacity", "LintelSimulation", "LintelImport", "LintelDesign"],
            exclude: ["Golden", "Browser"]
        ),
        .testTarget(name: "LintelImportTests", dependencies: ["LintelModel", "LintelImport", "LintelReview"], exclude: ["Fixtures"]),
        .testTarget(
            name: "LintelDesignTests",
            dependencies: ["LintelModel", "LintelDesign", "LintelCapacity", "LintelReview", "LintelSimulation", "LintelRender"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "LintelCLITests", dependencies: ["lintel"]),
        .testTarget(name: "LintelServerTests", dependencies: ["lintel", "LintelServer"], exclude: ["Driver"]),
        .testTarget(
            name: "LintelContractsTests",
            dependencies: ["lintel", "LintelModel", "LintelContracts", "LintelReview"],
            exclude: ["Fixtures"]
        ),
        // Capacity, simulation and review against each other, closed forms and independent simulators (issue 10).
        .testTarget(
            name: "LintelCrossEngineTests",
            dependencies: ["LintelModel", "LintelCapacity", "LintelSimulation", "LintelReview"],
            exclude: ["Python"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
