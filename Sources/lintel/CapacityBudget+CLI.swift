import ArgumentParser
import LintelCapacity
import LintelModel

/// Runs an analysis of `model` within the CLI's capacity budget (`CapacityBudget.standard`, the order
/// of 10 s of CPU): a model too large for it is invalid input, reported at the model's first line
/// with what stopped and how to shrink it (exit 2), never a command that runs for minutes.
func withinBudget<T>(_ model: Model, _ body: (CapacityBudget) throws(CapacityError) -> T) throws -> T {
    do {
        return try body(.standard)
    } catch {
        Terminal.error(Diagnostic(error.description, at: model.location).description)
        throw ExitCode.invalidInput
    }
}
