import ArgumentParser

/// Lintel's exit codes: 0 clean, 1 findings at or above the threshold, 2 invalid input, 64 usage,
/// 74 an output could not be written (EX_IOERR: a closed pipe, a full disk, a closed descriptor).
extension ExitCode {
    static let findings = ExitCode(1)
    static let invalidInput = ExitCode(2)
    static let usage = ExitCode(64)
    static let ioError = ExitCode(74)
}
