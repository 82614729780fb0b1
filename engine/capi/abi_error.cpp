#include "capi/abi_error.hpp"

#include <cstdlib>
#include <cstring>

#include "io/utf8_validation.hpp"

namespace parallax::capi {
namespace {

thread_local std::string last_error;

}  // namespace

void set_last_error(const std::string& message) {
  try {
    last_error = message;
  } catch (...) {
    last_error.clear();  // no memory for the message: an empty one beats none
  }
}

void clear_last_error() { last_error.clear(); }

std::string checked_text(const char* text, const std::string& what) {
  if (text == nullptr) throw AbiError(PARALLAX_ERROR_NULL_ARGUMENT, what + " is NULL");
  std::string s(text);
  if (const auto bad = find_invalid_utf8(s))
    throw AbiError(PARALLAX_ERROR_INVALID_UTF8, what + " is not valid UTF-8 (byte " + std::to_string(*bad) + ")");
  return s;
}

char* copy_out(const std::string& text) {
  char* out = static_cast<char*>(std::malloc(text.size() + 1));
  if (out == nullptr) throw std::bad_alloc();
  std::memcpy(out, text.c_str(), text.size() + 1);
  return out;
}

}  // namespace parallax::capi

extern "C" {

PARALLAX_API const char* parallax_last_error(void) { return parallax::capi::last_error.c_str(); }

PARALLAX_API void parallax_string_free(char* text) { std::free(text); }

PARALLAX_API const char* parallax_status_name(int32_t status) {
  switch (status) {
    case PARALLAX_OK: return "PARALLAX_OK";
    case PARALLAX_ERROR_NULL_ARGUMENT: return "PARALLAX_ERROR_NULL_ARGUMENT";
    case PARALLAX_ERROR_INVALID_ARGUMENT: return "PARALLAX_ERROR_INVALID_ARGUMENT";
    case PARALLAX_ERROR_INVALID_UTF8: return "PARALLAX_ERROR_INVALID_UTF8";
    case PARALLAX_ERROR_UNKNOWN_OPTION: return "PARALLAX_ERROR_UNKNOWN_OPTION";
    case PARALLAX_ERROR_INVALID_OPTION: return "PARALLAX_ERROR_INVALID_OPTION";
    case PARALLAX_ERROR_DUPLICATE_ID: return "PARALLAX_ERROR_DUPLICATE_ID";
    case PARALLAX_ERROR_EMPTY_CORPUS: return "PARALLAX_ERROR_EMPTY_CORPUS";
    case PARALLAX_ERROR_NOT_BUILT: return "PARALLAX_ERROR_NOT_BUILT";
    case PARALLAX_ERROR_NOT_FOUND: return "PARALLAX_ERROR_NOT_FOUND";
    case PARALLAX_ERROR_BUFFER_TOO_SMALL: return "PARALLAX_ERROR_BUFFER_TOO_SMALL";
    case PARALLAX_ERROR_IO: return "PARALLAX_ERROR_IO";
    case PARALLAX_ERROR_OUT_OF_MEMORY: return "PARALLAX_ERROR_OUT_OF_MEMORY";
    case PARALLAX_ERROR_UNAVAILABLE: return "PARALLAX_ERROR_UNAVAILABLE";
    case PARALLAX_ERROR_INTERNAL: return "PARALLAX_ERROR_INTERNAL";
    case PARALLAX_ERROR_INCOMPATIBLE_INDEX: return "PARALLAX_ERROR_INCOMPATIBLE_INDEX";
    default: return "PARALLAX_UNKNOWN_STATUS";
  }
}

}  // extern "C"
