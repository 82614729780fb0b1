#include "report/json_text.hpp"

#include <algorithm>
#include <cstdint>

namespace parallax {
namespace {

// One parse event; a container records where its End is, so a value can be skipped whole.
struct Token {
  enum Kind { Scalar, Key, Object, Array, End } kind;
  std::string text;     // Scalar: its JSON text as dump() prints it; Key: the decoded key
  std::size_t end = 0;  // Object, Array: the index of the matching End
};

// nlohmann's SAX interface, collecting tokens instead of a tree.
class TokenCollector {
 public:
  using json = nlohmann::json;
  explicit TokenCollector(std::vector<Token>& tokens) : tokens_(tokens) {}

  bool null() { return scalar("null"); }
  bool boolean(bool v) { return scalar(v ? "true" : "false"); }
  bool number_integer(json::number_integer_t v) { return scalar(std::to_string(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return scalar(std::to_string(v)); }
  bool number_float(json::number_float_t v, const std::string&) { return scalar(json(v).dump()); }
  bool string(std::string& v) { return scalar(json(v).dump()); }  // the parser checked its UTF-8
  bool binary(json::binary_t&) { return false; }                  // not in JSON text
  bool start_object(std::size_t) { return open(Token::Object); }
  bool key(std::string& k) {
    tokens_.push_back({Token::Key, k});
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(Token::Array); }
  bool end_array() { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

 private:
  bool scalar(std::string text) {
    tokens_.push_back({Token::Scalar, std::move(text)});
    return true;
  }
  bool open(Token::Kind kind) {
    open_.push_back(tokens_.size());
    tokens_.push_back({kind, {}});
    return true;
  }
  bool close() {
    tokens_[open_.back()].end = tokens_.size();
    open_.pop_back();
    tokens_.push_back({Token::End, {}});
    return true;
  }

  std::vector<Token>& tokens_;
  std::vector<std::size_t> open_;
};

std::size_t after(const std::vector<Token>& tokens, std::size_t value) {
  return tokens[value].kind == Token::Scalar ? value + 1 : tokens[value].end + 1;
}

struct Member {
  std::string_view key;
  std::size_t place;  // where the key first appeared
  std::size_t value;  // a token index or a field index: where its last value is
};

// Members merged by key (first place, last value), in `order`.
void arrange(std::vector<Member>& members, JsonKeyOrder order) {
  std::stable_sort(members.begin(), members.end(), [](const Member& x, const Member& y) { return x.key < y.key; });
  std::size_t kept = 0;
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (kept > 0 && members[kept - 1].key == members[i].key) {
      members[kept - 1].value = members[i].value;
    } else {
      members[kept++] = members[i];
    }
  }
  members.resize(kept);
  if (order == JsonKeyOrder::AsWritten)
    std::sort(members.begin(), members.end(), [](const Member& x, const Member& y) { return x.place < y.place; });
}

std::size_t write_tokens(JsonWriter& writer, const std::vector<Token>& tokens, std::size_t at, JsonKeyOrder order) {
  const Token& token = tokens[at];
  if (token.kind == Token::Scalar) {
    writer.raw(token.text);
  } else if (token.kind == Token::Array) {
    writer.begin_array();
    for (std::size_t i = at + 1; i < token.end; i = after(tokens, i)) write_tokens(writer, tokens, i, order);
    writer.end_array();
  } else {
    std::vector<Member> members;
    for (std::size_t i = at + 1; i < token.end; i = after(tokens, i + 1)) members.push_back({tokens[i].text, i, i + 1});
    arrange(members, order);
    writer.begin_object();
    for (const Member& m : members) {
      writer.key(m.key);
      write_tokens(writer, tokens, m.value, order);
    }
    writer.end_object();
  }
  return after(tokens, at);
}

}  // namespace

void write_json_text(JsonWriter& writer, std::string_view text, JsonKeyOrder order) {
  std::vector<Token> tokens;
  TokenCollector collector(tokens);
  if (!nlohmann::json::sax_parse(text.begin(), text.end(), &collector) || tokens.empty()) {
    writer.null();
    return;
  }
  write_tokens(writer, tokens, 0, order);
}

void write_json_fields(JsonWriter& writer, const std::vector<std::pair<std::string, std::string>>& fields,
                       JsonKeyOrder order) {
  std::vector<Member> members;
  for (std::size_t i = 0; i < fields.size(); ++i) members.push_back({fields[i].first, i, i});
  arrange(members, order);
  writer.begin_object();
  for (const Member& m : members) {
    writer.key(m.key);
    write_json_text(writer, fields[m.value].second, order);
  }
  writer.end_object();
}

}  // namespace parallax
