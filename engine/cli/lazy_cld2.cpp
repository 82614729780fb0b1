// CLD2 (language detection), loaded at the CLI's first detection instead of at start.
//
// Only the analysis of `cluster`, `report` and `index` detects languages (and only for documents
// without one); `dedup` and `compare` never do, yet every process loaded libcld2 and relocated
// its tables: 4,400 relative relocations spread over its read-only data, each page of them
// copied on write (a program linking libcld2 starts about 0.04 ms slower than one that does
// not). The engine calls the two functions below; defined here, the linker takes them before
// libcld2, and --as-needed leaves libcld2 out of the program's dependencies. Each resolves the
// real function once (dlopen, like the BLAS and OpenMP entry points) and calls it unchanged.
// libparallax.so and the tests link libcld2 as before.
#include <cstdio>  // compact_lang_det.h uses FILE without including it

#include <cld2/public/compact_lang_det.h>

#include "cli/lazy_library.hpp"

namespace {

// The function of libcld2 by its (mangled) name. Throws when the library cannot be loaded: the
// detection's caller reports it.
void* resolve(const char* name) {
  static const parallax::cli::LazyLibrary cld2("libcld2.so.0");
  return cld2.function(name);
}

}  // namespace

namespace CLD2 {

Language DetectLanguageCheckUTF8(const char* buffer, int buffer_length, bool is_plain_text, bool* is_reliable,
                                 int* valid_prefix_bytes) {
  using Fn = Language (*)(const char*, int, bool, bool*, int*);
  static const auto real = reinterpret_cast<Fn>(resolve("_ZN4CLD223DetectLanguageCheckUTF8EPKcibPbPi"));
  return real(buffer, buffer_length, is_plain_text, is_reliable, valid_prefix_bytes);
}

const char* LanguageCode(Language language) {
  using Fn = const char* (*)(Language);
  static const auto real = reinterpret_cast<Fn>(resolve("_ZN4CLD212LanguageCodeENS_8LanguageE"));
  return real(language);
}

}  // namespace CLD2
