#include "io/jsonl_reader.hpp"

#include <simdjson.h>

#include <array>
#include <cctype>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/input_file.hpp"
#include "io/line_reader.hpp"
#include "io/utf8_validation.hpp"

namespace parallax {
namespace {

namespace ondemand = simdjson::ondemand;

// Why a line did not become a document; `offset` is within the line, when known.
struct RecordError {
  std::string message;
  std::optional<std::size_t> offset;
};

// Fields with a member of their own in Document. The index is the field's bit in a "seen" mask.
struct KnownField {
  std::string_view name;
  std::string Document::*member;
};
constexpr std::array<KnownField, 7> kKnownFields{{{"id", &Document::id},
                                                  {"text", &Document::text},
                                                  {"title", &Document::title},
                                                  {"source", &Document::source},
                                                  {"lang", &Document::lang},
                                                  {"date", &Document::date},
                                                  {"url", &Document::url}}};
constexpr std::size_t kId = 0;
constexpr std::size_t kText = 1;

std::optional<std::size_t> known_field(std::string_view key) {
  for (std::size_t i = 0; i < kKnownFields.size(); ++i) {
    if (kKnownFields[i].name == key) return i;
  }
  return std::nullopt;
}

bool is_json_whitespace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim_trailing_whitespace(std::string_view text) {
  while (!text.empty() && is_json_whitespace(text.back())) text.remove_suffix(1);
  return text;
}

bool is_blank_line(std::string_view line) {
  for (const char c : line) {
    if (!is_json_whitespace(c)) return false;
  }
  return true;
}

const char* type_name(ondemand::json_type type) {
  switch (type) {
    case ondemand::json_type::array:
      return "an array";
    case ondemand::json_type::object:
      return "an object";
    case ondemand::json_type::number:
      return "a number";
    case ondemand::json_type::string:
      return "a string";
    case ondemand::json_type::boolean:
      return "a boolean";
    case ondemand::json_type::null:
      return "null";
  }
  return "unknown";
}

// simdjson explains errors in sentences ("The JSON document has..."); ours follow a colon.
std::string as_clause(std::string sentence) {
  if (sentence.ends_with('.')) sentence.pop_back();
  // "The ..." and "A ..." start lower-case after a colon; "JSON ..." keeps its capitals.
  const bool acronym = sentence.size() > 1 && std::isupper(static_cast<unsigned char>(sentence[1]));
  if (!sentence.empty() && !acronym) {
    sentence[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(sentence[0])));
  }
  return sentence;
}

std::string in_quotes(std::string_view text) {
  std::string quoted;
  quoted.reserve(text.size() + 2);
  return quoted.append("\"").append(text).append("\"");
}

// Turns one JSONL line into a Document. Holds the simdjson parsers so their buffers are reused
// from line to line.
class JsonlRecordParser {
 public:
  // `line` must be followed by LineReader::kLinePadding readable bytes.
  std::optional<RecordError> parse(std::string_view line, Document& document);

  // Optional fields of the last parsed line that were skipped for not being strings.
  const std::vector<std::string>& ignored_fields() const { return ignored_fields_; }

 private:
  std::optional<RecordError> read_fields(ondemand::object& object, Document& document);
  std::optional<RecordError> read_known_field(std::size_t field, ondemand::value& value,
                                              Document& document);
  std::optional<RecordError> read_integer_id(ondemand::value& value, std::string& id);
  std::optional<RecordError> read_raw_json(ondemand::value& value, std::string_view& raw);
  RecordError invalid_json(simdjson::error_code error, const char* at) const;
  RecordError invalid_json_here(simdjson::error_code error);

  ondemand::parser parser_;
  // The on-demand parser skips values it is not asked about without checking them; values copied
  // verbatim into extra_fields get a full parse here, so reports never pass malformed JSON on.
  simdjson::dom::parser validator_;
  std::string_view line_;
  ondemand::document json_;
  std::vector<std::string> ignored_fields_;
};

std::optional<RecordError> JsonlRecordParser::parse(std::string_view line, Document& document) {
  line_ = line;
  ignored_fields_.clear();
  const simdjson::padded_string_view padded(line.data(), line.size(),
                                            line.size() + LineReader::kLinePadding);
  if (const auto error = parser_.iterate(padded).get(json_)) return invalid_json(error, nullptr);

  ondemand::json_type type{};
  if (const auto error = json_.type().get(type)) return invalid_json_here(error);
  if (type != ondemand::json_type::object) {
    return RecordError{std::string("expected a JSON object, found ") + type_name(type),
                       std::nullopt};
  }
  ondemand::object object;
  if (const auto error = json_.get_object().get(object)) return invalid_json_here(error);
  if (auto problem = read_fields(object, document)) return problem;
  const char* trailing = nullptr;  // ondemand reports the end of input as OUT_OF_BOUNDS here
  if (json_.current_location().get(trailing) == simdjson::SUCCESS) {
    return invalid_json(simdjson::TRAILING_CONTENT, trailing);
  }
  return std::nullopt;
}

std::optional<RecordError> JsonlRecordParser::read_fields(ondemand::object& object,
                                                          Document& document) {
  unsigned seen = 0;  // one bit per kKnownFields entry
  for (auto field_or_error : object) {
    ondemand::field field;
    std::string_view key;
    if (const auto error = std::move(field_or_error).get(field)) return invalid_json_here(error);
    if (const auto error = field.unescaped_key().get(key)) return invalid_json_here(error);

    const auto known = known_field(key);
    if (!known) {
      std::string name(key);  // the key's view does not outlive further parsing
      std::string_view raw;
      if (auto problem = read_raw_json(field.value(), raw)) return problem;
      document.extra_fields.emplace_back(std::move(name), raw);
      continue;
    }
    const unsigned bit = 1u << *known;
    if (seen & bit) return RecordError{"field " + in_quotes(key) + " appears twice", std::nullopt};
    seen |= bit;
    if (auto problem = read_known_field(*known, field.value(), document)) return problem;
  }
  for (const std::size_t required : {kId, kText}) {
    if (!(seen & (1u << required))) {
      return RecordError{"missing " + in_quotes(kKnownFields[required].name), std::nullopt};
    }
  }
  return std::nullopt;
}

std::optional<RecordError> JsonlRecordParser::read_known_field(std::size_t field,
                                                               ondemand::value& value,
                                                               Document& document) {
  const std::string_view name = kKnownFields[field].name;
  ondemand::json_type type{};
  if (const auto error = value.type().get(type)) return invalid_json_here(error);

  if (type == ondemand::json_type::string) {
    std::string_view text;
    if (const auto error = value.get_string().get(text)) return invalid_json_here(error);
    (document.*kKnownFields[field].member).assign(text);
    return std::nullopt;
  }
  if (field == kId && type == ondemand::json_type::number) {
    return read_integer_id(value, document.id);
  }
  if (field == kId || field == kText) {
    const char* expected = field == kId ? "a string or an integer" : "a string";
    return RecordError{in_quotes(name) + " must be " + expected + ", found " + type_name(type),
                       std::nullopt};
  }
  // A wrongly typed optional field is dropped, but it must still be valid JSON.
  std::string_view raw;
  if (auto problem = read_raw_json(value, raw)) return problem;
  if (type != ondemand::json_type::null) ignored_fields_.emplace_back(name);
  return std::nullopt;
}

std::optional<RecordError> JsonlRecordParser::read_integer_id(ondemand::value& value,
                                                              std::string& id) {
  ondemand::number number;
  if (const auto error = value.get_number().get(number)) return invalid_json_here(error);
  char digits[24];
  std::to_chars_result written{};
  switch (number.get_number_type()) {
    case ondemand::number_type::signed_integer:
      written = std::to_chars(std::begin(digits), std::end(digits), number.get_int64());
      break;
    case ondemand::number_type::unsigned_integer:
      written = std::to_chars(std::begin(digits), std::end(digits), number.get_uint64());
      break;
    case ondemand::number_type::floating_point_number:
      return RecordError{"\"id\" must be a string or an integer, found a fractional number",
                         std::nullopt};
  }
  id.assign(digits, written.ptr);
  return std::nullopt;
}

std::optional<RecordError> JsonlRecordParser::read_raw_json(ondemand::value& value,
                                                            std::string_view& raw) {
  ondemand::json_type type{};
  if (const auto error = value.type().get(type)) return invalid_json_here(error);
  simdjson::error_code error = simdjson::SUCCESS;
  if (type == ondemand::json_type::object) {
    ondemand::object object;
    error = value.get_object().get(object);
    if (!error) error = object.raw_json().get(raw);
  } else if (type == ondemand::json_type::array) {
    ondemand::array array;
    error = value.get_array().get(array);
    if (!error) error = array.raw_json().get(raw);
  } else {
    raw = value.raw_json_token();
  }
  if (error) return invalid_json_here(error);
  raw = trim_trailing_whitespace(raw);
  // The bytes after `raw` are the rest of the line and its padding, so it parses in place.
  if (const auto invalid = validator_.parse(raw.data(), raw.size(), false).error()) {
    return invalid_json(invalid, raw.data());
  }
  return std::nullopt;
}

// `at` points at the offending token inside the line, or is null when unknown.
RecordError JsonlRecordParser::invalid_json(simdjson::error_code error, const char* at) const {
  std::optional<std::size_t> offset;
  if (at != nullptr && at >= line_.data() && at <= line_.data() + line_.size()) {
    offset = static_cast<std::size_t>(at - line_.data());
  }
  return RecordError{"invalid JSON: " + as_clause(simdjson::error_message(error)), offset};
}

// For errors met while walking the document: it knows where the walk stopped.
RecordError JsonlRecordParser::invalid_json_here(simdjson::error_code error) {
  const char* at = nullptr;
  if (json_.current_location().get(at) != simdjson::SUCCESS) at = nullptr;
  return invalid_json(error, at);
}

}  // namespace

void read_jsonl_stream(std::FILE* input, RecordGate& gate, std::size_t chunk_size) {
  LineReader lines(input, chunk_size);
  JsonlRecordParser parser;
  Line line;
  while (lines.next(line)) {
    if (is_blank_line(line.text)) continue;
    Document document;
    if (const auto error = parser.parse(line.text, document)) {
      // Invalid UTF-8 is reported before any other problem of the line. A line that parses has
      // none: simdjson's on-demand parser validates the UTF-8 of the whole line first (with the
      // same check as find_invalid_utf8's), so only a line that fails is looked at again.
      if (const auto bad_byte = find_invalid_utf8(line.text)) {
        gate.reject(line.number, "invalid UTF-8", line.offset + *bad_byte);
        continue;
      }
      const auto offset =
          error->offset ? std::optional(line.offset + *error->offset) : std::nullopt;
      gate.reject(line.number, error->message, offset);
      continue;
    }
    for (const auto& field : parser.ignored_fields()) {
      gate.warn(line.number, "field " + in_quotes(field) + " is not a string; ignored");
    }
    gate.offer(std::move(document), line.number);
  }
  if (lines.read_error()) gate.warn(0, "read error: " + describe_error(lines.read_error()));
}

void read_jsonl_file(const std::filesystem::path& path, RecordGate& gate) {
  gate.begin_file(path.string());
  std::error_code error;
  const InputFile file = open_input_file(path, error);
  if (!file) return gate.warn(0, describe_error(error));
  read_jsonl_stream(file.get(), gate);
}

}  // namespace parallax
