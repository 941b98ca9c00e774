// libFuzzer's C entry points, provided by the runtime that `-sanitize=fuzzer` links
// (libclang_rt.fuzzer, shipped with the swift.org toolchain).
#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer with the process's arguments and `callback` as the target (what libFuzzer's own
/// `main` does). SwiftPM gives every executable target a `main` of its own, so the target calls this.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// libFuzzer's byte mutator, for a custom mutator's fallback.
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t maxSize);

#endif
