#include "report/json_writer.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace parallax {

JsonWriter::JsonWriter(std::string& out, int indent, ErrorHandler strings)
    : out_(out), indent_(indent), strings_(strings) {}

JsonWriter& JsonWriter::begin_object() {
  separate();
  out_ += '{';
  frames_.push_back({true, 0});
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  separate();
  out_ += '[';
  frames_.push_back({false, 0});
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  if (frames_.empty() || !frames_.back().object || after_key_) throw std::logic_error("JsonWriter: no object to end");
  const bool empty = frames_.back().members == 0;
  frames_.pop_back();
  if (!empty) new_line(frames_.size());
  out_ += '}';
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  if (frames_.empty() || frames_.back().object) throw std::logic_error("JsonWriter: no array to end");
  const bool empty = frames_.back().members == 0;
  frames_.pop_back();
  if (!empty) new_line(frames_.size());
  out_ += ']';
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  if (frames_.empty() || !frames_.back().object || after_key_)
    throw std::logic_error("JsonWriter: a key outside an object");
  next_member();
  string(name);
  out_ += indent_ >= 0 ? ": " : ":";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  separate();
  string(text);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  separate();
  out_ += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  separate();
  out_ += nlohmann::json(number).dump();  // nlohmann's shortest round-trip form, "1.0", null for NaN
  return *this;
}

JsonWriter& JsonWriter::integer(bool is_signed, std::uint64_t bits) {
  separate();
  char digits[24];
  const auto end = is_signed ? std::to_chars(digits, digits + sizeof digits, static_cast<std::int64_t>(bits)).ptr
                             : std::to_chars(digits, digits + sizeof digits, bits).ptr;
  out_.append(digits, end);
  return *this;
}

JsonWriter& JsonWriter::null() {
  separate();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  separate();
  out_ += json;
  return *this;
}

void JsonWriter::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (frames_.empty()) return;
  if (frames_.back().object) throw std::logic_error("JsonWriter: an object member without a key");
  next_member();
}

void JsonWriter::next_member() {
  if (frames_.back().members++ > 0) out_ += ',';
  new_line(frames_.size());
}

void JsonWriter::new_line(std::size_t depth) {
  if (indent_ < 0) return;
  out_ += '\n';
  out_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::string(std::string_view text) {
  // Printable ASCII without " or \ is written as it is by dump() too: copied here without the two
  // strings nlohmann makes (ids, dates and languages are; they were 2.5% of `dedup` on 10k
  // documents). Anything else goes through nlohmann's escaping.
  const bool verbatim = std::all_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x80 && c != '"' && c != '\\';
  });
  if (!verbatim) {
    out_ += nlohmann::json(text).dump(-1, ' ', false, strings_);
    return;
  }
  out_ += '"';
  out_ += text;
  out_ += '"';
}

}  // namespace parallax
