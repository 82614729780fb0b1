// JSON text written front to back, in exactly the layout of nlohmann::json's dump() (compact) or
// dump(indent) (pretty), without building a JSON tree.
//
// Why not a tree: nlohmann::json's destructor allocates (json_value::destroy reserves a stack to
// avoid recursion), so an allocation failure while a tree is destroyed, also during unwinding from
// an earlier std::bad_alloc, escapes a noexcept destructor and ends the process (std::terminate;
// nlohmann/json issues 4653 and 5135, open in 3.11.2). Output built here throws like any other
// code and the C ABI turns that into a status. nlohmann still serializes each scalar (string
// escaping, its double format), so the text is byte for byte what a tree's dump() printed; a
// scalar json's destructor allocates nothing.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

namespace parallax {

class JsonWriter {
 public:
  using ErrorHandler = nlohmann::json::error_handler_t;

  // Appends to `out` and only appends, so a caller may write `out` away and clear it between two
  // calls to stream a large document. indent < 0: compact, as dump(); otherwise as dump(indent).
  // `strings` is dump()'s error handler for invalid UTF-8 in strings and keys.
  explicit JsonWriter(std::string& out, int indent = -1, ErrorHandler strings = ErrorHandler::strict);

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);  // the next value is this member's

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(bool flag);
  JsonWriter& value(double number);
  template <std::integral T>
    requires(!std::same_as<T, bool>)
  JsonWriter& value(T number) {
    return integer(std::is_signed_v<T>, static_cast<std::uint64_t>(number));
  }
  JsonWriter& null();
  template <typename T>
  JsonWriter& array(const std::vector<T>& items) {
    begin_array();
    for (const T& item : items) value(item);
    return end_array();
  }

  // A value already written as JSON text, inserted as it is (a compact element of a pretty array).
  JsonWriter& raw(std::string_view json);

 private:
  struct Frame {
    bool object;
    std::size_t members;
  };

  JsonWriter& integer(bool is_signed, std::uint64_t bits);
  void separate();    // what goes before a value: nothing after a key, else next_member()
  void next_member();  // the comma and line break before an element or a key
  void new_line(std::size_t depth);
  void string(std::string_view text);

  std::string& out_;
  int indent_;
  ErrorHandler strings_;
  std::vector<Frame> frames_;
  bool after_key_ = false;
};

}  // namespace parallax
