// The streaming JSON writer (report/json_writer, report/json_text) against what it replaces:
// every text must be byte for byte nlohmann's dump() of the same tree, compact and pretty.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/json_text.hpp"
#include "report/json_writer.hpp"

namespace {

using parallax::JsonKeyOrder;
using parallax::JsonWriter;
using nlohmann::ordered_json;

// Escapes, control characters, Arabic and an emoji.
constexpr const char* kText =
    "quote \" backslash \\ tab \t control \x01 del \x7f Arabic \xd8\xa8\xd9\x88\xd8\xaa\xd9\x8a\xd9\x86 emoji "
    "\xf0\x9f\x98\x80";

// One document with every kind of value, written twice: as a tree and through the writer.
ordered_json sample_tree() {
  ordered_json j;
  j["text"] = kText;
  j["integers"] = {0, -1, std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::uint64_t>::max()};
  j["doubles"] = {0.1, 1.0, -0.0, 1e300, 1e-7, 0.45, std::nan(""), std::numeric_limits<double>::infinity()};
  j["flags"] = {true, false};
  j["nothing"] = nullptr;
  j["empty_object"] = ordered_json::object();
  j["empty_array"] = ordered_json::array();
  j["nested"] = {{"b", ordered_json::array({ordered_json::object(), ordered_json::array({1, 2})})}, {"a", "x"}};
  return j;
}

void write_sample(JsonWriter& w) {
  w.begin_object();
  w.key("text").value(kText);
  w.key("integers").begin_array().value(0).value(-1).value(std::numeric_limits<std::int64_t>::min());
  w.value(std::numeric_limits<std::uint64_t>::max()).end_array();
  w.key("doubles").array(std::vector<double>{0.1, 1.0, -0.0, 1e300, 1e-7, 0.45, std::nan(""),
                                             std::numeric_limits<double>::infinity()});
  w.key("flags").begin_array().value(true).value(false).end_array();
  w.key("nothing").null();
  w.key("empty_object").begin_object().end_object();
  w.key("empty_array").begin_array().end_array();
  w.key("nested").begin_object();
  w.key("b").begin_array().begin_object().end_object().begin_array().value(1).value(2).end_array().end_array();
  w.key("a").value("x");
  w.end_object();
  w.end_object();
}

std::string written(int indent) {
  std::string text;
  JsonWriter w(text, indent);
  write_sample(w);
  return text;
}

}  // namespace

TEST_CASE("json writer: compact and pretty text is nlohmann's dump() of the same tree, byte for byte") {
  const ordered_json tree = sample_tree();
  CHECK(written(-1) == tree.dump());
  CHECK(written(2) == tree.dump(2));
  CHECK(written(1) == tree.dump(1));
  CHECK(written(0) == tree.dump(0));
  CHECK(written(2).find("\"empty_object\": {},\n") != std::string::npos);  // empty containers stay on their line
}

TEST_CASE("json writer: every ASCII byte in a string, as dump() escapes it or leaves it") {
  // The writer copies printable ASCII without a quote or a backslash itself, and leaves the rest to nlohmann.
  for (int b = 0; b < 0x80; ++b) {
    for (const std::string& text : {std::string(1, static_cast<char>(b)), "id-" + std::string(1, static_cast<char>(b)) + "-7"}) {
      std::string written_text;
      JsonWriter(written_text).value(text);
      CHECK(written_text == nlohmann::json(text).dump());
    }
  }
  std::string empty;
  JsonWriter(empty).value(std::string());
  CHECK(empty == "\"\"");
}

TEST_CASE("json writer: a top-level scalar, and empty containers, as dump() prints them") {
  std::string text;
  JsonWriter(text).value(0.5);
  CHECK(text == "0.5");
  text.clear();
  JsonWriter(text, 2).begin_array().end_array();
  CHECK(text == "[]");
  text.clear();
  JsonWriter(text, 2).begin_object().end_object();
  CHECK(text == "{}");
}

TEST_CASE("json writer: invalid UTF-8 throws as dump() does, or is replaced with the replace handler") {
  const std::string bad = "ok \xff\xfe end";
  std::string text;
  JsonWriter strict(text);
  CHECK_THROWS_AS(strict.value(bad), nlohmann::json::type_error);
  text.clear();
  JsonWriter replacing(text, 2, JsonWriter::ErrorHandler::replace);
  replacing.begin_object().key(bad).value(bad).end_object();
  const nlohmann::json tree = {{bad, bad}};
  CHECK(text == tree.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

TEST_CASE("json writer: raw text goes in as one value, a compact element in a pretty array") {
  std::string text;
  JsonWriter w(text, 2);
  w.begin_object().key("events").begin_array().raw(R"({"a":1})").raw("[]").end_array();
  w.key("after").value(1).end_object();
  CHECK(text == "{\n  \"events\": [\n    {\"a\":1},\n    []\n  ],\n  \"after\": 1\n}");
}

TEST_CASE("json writer: misuse throws std::logic_error instead of writing broken JSON") {
  std::string text;
  JsonWriter w(text);
  CHECK_THROWS_AS(w.key("outside"), std::logic_error);
  w.begin_object();
  CHECK_THROWS_AS(w.value(1), std::logic_error);
  CHECK_THROWS_AS(w.end_array(), std::logic_error);
  w.key("k");
  CHECK_THROWS_AS(w.key("twice"), std::logic_error);
  CHECK_THROWS_AS(w.end_object(), std::logic_error);
}

TEST_CASE("json text: a stored value is written as nlohmann's parse() then dump() printed it") {
  const std::vector<std::string> texts = {
      R"(  {"z": 1, "a": [1.50, 1E2, -0, -0.0, 12345678901234567890, 1e-7], "q": "first",)"
      R"( "m": {"y": null, "b": false}, "q": "dup"})",
      R"("\u0041\u00e9\ud83d\ude00\"\\\/\t\u0001")",
      R"([[{"b": {}, "a": [{}]}], [], {}])",
      "-12",
      "true",
      "null",
  };
  for (const std::string& text : texts) {
    CAPTURE(text);
    for (const int indent : {-1, 2}) {
      std::string as_written, sorted;
      JsonWriter a(as_written, indent), s(sorted, indent);
      parallax::write_json_text(a, text, JsonKeyOrder::AsWritten);
      parallax::write_json_text(s, text, JsonKeyOrder::Sorted);
      CHECK(as_written == ordered_json::parse(text).dump(indent));
      CHECK(sorted == nlohmann::json::parse(text).dump(indent));
    }
  }
}

TEST_CASE("json text: text nlohmann cannot parse is written as null") {
  std::string text;
  JsonWriter w(text);
  parallax::write_json_text(w, "{\"a\": ", JsonKeyOrder::AsWritten);
  CHECK(text == "null");
}

TEST_CASE("json text: fields are one object as assigning each into a nlohmann object made it") {
  const std::vector<std::pair<std::string, std::string>> fields = {
      {"zeta", R"({"b": 1, "a": 2})"}, {"alpha", "1"}, {"zeta", R"("again")"}, {"mid", "[1, {\"y\": 0, \"x\": 1}]"}};
  ordered_json ordered = ordered_json::object();
  nlohmann::json sorted = nlohmann::json::object();
  for (const auto& [key, raw] : fields) {
    ordered[key] = ordered_json::parse(raw);
    sorted[key] = nlohmann::json::parse(raw);
  }
  std::string as_written, by_key;
  JsonWriter a(as_written), s(by_key);
  parallax::write_json_fields(a, fields, JsonKeyOrder::AsWritten);
  parallax::write_json_fields(s, fields, JsonKeyOrder::Sorted);
  CHECK(as_written == ordered.dump());
  CHECK(by_key == sorted.dump());
  CHECK(as_written == R"({"zeta":"again","alpha":1,"mid":[1,{"y":0,"x":1}]})");
}
