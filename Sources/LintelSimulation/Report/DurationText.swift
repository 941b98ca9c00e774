extension NumberText {
    /// Seconds with a unit that reads well in a breach sentence: 850µs, 12.3ms, 1.25s. (Reports format
    /// durations in LintelRender; this is only for the words the engine itself writes.)
    static func duration(_ seconds: Double) -> String {
        if seconds == 0 { return "0" }
        if seconds < 1e-3 { return format(seconds * 1e6, decimals: 0) + "µs" }
        if seconds < 1 { return format(seconds * 1e3, decimals: 1) + "ms" }
        return format(seconds, decimals: 2) + "s"
    }
}
