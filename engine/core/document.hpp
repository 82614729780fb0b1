#pragma once
// A news document as the engine sees it: the fields of one JSONL record (or one .txt file).
#include <string>
#include <utility>
#include <vector>

namespace parallax {

struct Document {
  std::string id;      // required, unique within a corpus
  std::string text;    // required, non-empty, valid UTF-8
  std::string title;   // optional
  std::string source;  // optional: outlet or speaker
  std::string lang;    // optional BCP-47; detected when empty
  std::string date;    // optional ISO 8601 (YYYY-MM-DD[...])
  std::string url;     // optional
  // Unknown JSONL fields, kept verbatim (key, raw JSON value) so reports can pass them through.
  std::vector<std::pair<std::string, std::string>> extra_fields;
  // Where the record came from, for messages: "file:line" or "file".
  std::string origin;
};

}  // namespace parallax
