// The library-wide calls: versions.
#include "capi/abi_error.hpp"

extern "C" {

PARALLAX_API const char* parallax_version(void) { return PARALLAX_VERSION_STRING; }

PARALLAX_API int32_t parallax_abi_version(void) { return PARALLAX_ABI_VERSION; }

}  // extern "C"
