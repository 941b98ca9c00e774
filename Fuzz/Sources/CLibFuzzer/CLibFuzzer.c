// Declarations only (include/CLibFuzzer.h): the functions live in libFuzzer's runtime.
#include "CLibFuzzer.h"
