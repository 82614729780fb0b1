// JSON text kept verbatim (a document's unknown input fields, Document::extra_fields) written
// through a JsonWriter exactly as nlohmann's parse() then dump() printed it, without the tree:
// whitespace dropped, numbers and string escapes in nlohmann's form, and each object's members as
// the two nlohmann types keep them. See json_writer.hpp for why no tree.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/json_writer.hpp"

namespace parallax {

// nlohmann::ordered_json keeps members as written, nlohmann::json sorts them by key (bytewise); a
// key written twice keeps its first place and its last value in both.
enum class JsonKeyOrder { AsWritten, Sorted };

// Writes one JSON value given as text. Text nlohmann cannot parse is written as null (the readers
// validate these values, so this is not expected).
void write_json_text(JsonWriter& writer, std::string_view text, JsonKeyOrder order);

// Writes {key: value, ...} for (key, JSON text) pairs, as assigning each pair into one nlohmann
// object did.
void write_json_fields(JsonWriter& writer, const std::vector<std::pair<std::string, std::string>>& fields,
                       JsonKeyOrder order);

}  // namespace parallax
