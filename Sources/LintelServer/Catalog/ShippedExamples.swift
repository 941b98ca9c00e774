// Generated from examples/ by `LINTEL_RECORD=1 swift test --filter ShippedExamplesTests`; do not edit.
// A test checks that this file matches examples/ byte for byte, so the two cannot drift apart.

/// The example models shipped in `examples/`, served as MCP resources (the binary carries no files);
/// each one's text is in Catalog/Examples/.
enum ShippedExamples {
    /// File name and text, sorted by name.
    static let all: [(name: String, text: String)] = [analyticsPlatform, djangoMonolith, flashSale, orderSystem]
}
