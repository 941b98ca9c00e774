import CLibFuzzer
import Foundation

/// The fuzz target: one input through every stage a user can reach (`Pipeline.run`).
/// Returning 0 keeps the input in the corpus when it found new coverage.
func lintelFuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Pipeline.run(Data(bytes: bytes, count: size))
    return 0
}

/// The structure-aware mutator (`ModelMutator`): mutates the YAML tree of a model most of the
/// time, and falls back to libFuzzer's byte mutations for the rest and for unparseable inputs.
@_cdecl("LLVMFuzzerCustomMutator")
public func lintelFuzzCustomMutator(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    ModelMutator.mutate(data, size: size, maxSize: maxSize, seed: seed)
}

