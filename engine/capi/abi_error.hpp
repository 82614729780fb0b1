#pragma once
// How the C ABI turns C++ failures into status codes: every exported function runs its body
// through guarded(), which clears the calling thread's last error, catches every exception and
// stores its message. No exception leaves the library.
#include <cstdint>
#include <exception>
#include <new>
#include <stdexcept>
#include <string>

#include "parallax/parallax.h"
#include "pipeline/engine_option_table.hpp"
#include "pipeline/temporary_file.hpp"
#include "store/sqlite_database.hpp"

namespace parallax::capi {

// A failure with a status code chosen where it is detected.
class AbiError : public std::runtime_error {
 public:
  AbiError(std::int32_t status, const std::string& message) : std::runtime_error(message), status_(status) {}
  std::int32_t status() const { return status_; }

 private:
  std::int32_t status_;
};

void set_last_error(const std::string& message);
void clear_last_error();

// Throws AbiError(PARALLAX_ERROR_NULL_ARGUMENT) naming the argument when pointer is NULL.
inline void require(const void* pointer, const char* argument) {
  if (pointer == nullptr) throw AbiError(PARALLAX_ERROR_NULL_ARGUMENT, std::string(argument) + " is NULL");
}

// Runs body (returning nothing), mapping what it throws to a status and the thread's last error.
template <typename Body>
std::int32_t guarded(const char* function, Body&& body) noexcept {
  try {
    clear_last_error();
    body();
    return PARALLAX_OK;
  } catch (const AbiError& e) {
    set_last_error(std::string(function) + ": " + e.what());
    return e.status();
  } catch (const UnknownOptionError& e) {
    set_last_error(std::string(function) + ": " + e.what());
    return PARALLAX_ERROR_UNKNOWN_OPTION;
  } catch (const parallax::IncompatibleStoreError& e) {
    set_last_error(std::string(function) + ": " + e.what());
    return PARALLAX_ERROR_INCOMPATIBLE_INDEX;
  } catch (const parallax::StoreError& e) {
    set_last_error(std::string(function) + ": " + e.what());
    return PARALLAX_ERROR_IO;
  } catch (const TemporaryFileError& e) {
    set_last_error(std::string(function) + ": " + e.what());
    return PARALLAX_ERROR_IO;
  } catch (const std::bad_alloc&) {
    set_last_error(std::string(function) + ": out of memory");
    return PARALLAX_ERROR_OUT_OF_MEMORY;
  } catch (const std::exception& e) {
    set_last_error(std::string(function) + ": " + e.what());
    return PARALLAX_ERROR_INTERNAL;
  } catch (...) {
    set_last_error(std::string(function) + ": unknown failure");
    return PARALLAX_ERROR_INTERNAL;
  }
}

// The NUL-terminated text as a string; throws NULL_ARGUMENT or INVALID_UTF8 naming `what`.
std::string checked_text(const char* text, const std::string& what);

// A malloc'd copy of text for the caller to release with parallax_string_free().
char* copy_out(const std::string& text);

}  // namespace parallax::capi
