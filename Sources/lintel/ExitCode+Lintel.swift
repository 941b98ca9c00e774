import ArgumentParser

/// Lintel's exit codes: 0 clean, 1 findings at or above the threshold, 2 invalid input, 64 usage.
extension ExitCode {
    static let findings = ExitCode(1)
    static let invalidInput = ExitCode(2)
    static let usage = ExitCode(64)
}
