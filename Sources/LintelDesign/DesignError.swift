/// Why a design could not be produced.
public enum DesignError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The generated model did not load: a bug in design, reported with the loader's diagnostics.
    case invalidModel([String])

    public var description: String {
        switch self {
        case .invalidModel(let diagnostics): "the designed model is invalid:\n" + diagnostics.joined(separator: "\n")
        }
    }
}
