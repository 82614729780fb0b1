#pragma once
// Option values as text, shared by the engine's and the comparison's option tables (the CLI flags,
// the C ABI's key=value settings and Python's keyword arguments all arrive as text).
#include <charconv>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <vector>

namespace parallax {

// Parses the whole of `value` as a number of type T, or throws naming the option.
template <typename T>
T parse_option_number(std::string_view name, std::string_view value) {
  T out{};
  const char* first = value.data();
  const char* last = value.data() + value.size();
  if (!value.empty() && value.front() == '+') ++first;
  const auto [end, error] = std::from_chars(first, last, out);
  if (value.empty() || error != std::errc() || end != last)
    throw std::invalid_argument("option '" + std::string(name) + "': '" + std::string(value) + "' is not a valid " +
                                (std::is_integral_v<T> ? "integer" : "number"));
  return out;
}

// "true"/"false" (as Python's keyword arguments arrive) or "1"/"0".
inline bool parse_option_bool(std::string_view name, std::string_view value) {
  if (value == "true" || value == "1") return true;
  if (value == "false" || value == "0") return false;
  throw std::invalid_argument("option '" + std::string(name) + "': '" + std::string(value) +
                              "' is not true, false, 1 or 0");
}

// The shortest text that reads back as `value`.
template <typename T>
std::string option_number_text(T value) {
  char buffer[64];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return error == std::errc() ? std::string(buffer, end) : std::string();
}

inline std::string option_bool_text(bool value) { return value ? "true" : "false"; }

// A repeatable file option reads back as its files joined by ':' (as PATH).
inline std::string option_paths_text(const std::vector<std::string>& paths) {
  std::string joined;
  for (const auto& path : paths) joined += (joined.empty() ? "" : ":") + path;
  return joined;
}

}  // namespace parallax
