// Tests of engine/io: reading JSONL, folders of .txt files and single files, and the reports made
// about bad input. Every test writes real files to a fresh temporary folder.
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include "io/corpus_reader.hpp"
#include "io/date.hpp"
#include "io/first_seen_index.hpp"
#include "io/line_reader.hpp"

namespace fs = std::filesystem;
using parallax::Document;
using parallax::InputDiagnostics;

namespace {

// A folder under the system's temporary directory, removed with everything in it.
class TempFolder {
 public:
  TempFolder() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("parallax-io-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  // Writes `bytes` exactly as given to `name` inside the folder and returns its path.
  std::string write(const std::string& name, const std::string& bytes) const {
    const fs::path file = path_ / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
    return file.string();
  }
  std::string path(const std::string& name = "") const {
    return name.empty() ? path_.string() : (path_ / name).string();
  }

 private:
  fs::path path_;
};

struct ReadResult {
  std::vector<Document> documents;
  InputDiagnostics diagnostics;
  std::size_t delivered = 0;

  std::vector<std::string> ids() const {
    std::vector<std::string> result;
    for (const auto& document : documents) result.push_back(document.id);
    return result;
  }
};

ReadResult read(const std::vector<std::string>& inputs) {
  ReadResult result;
  result.delivered = parallax::read_corpus(
      inputs, [&](Document&& document) { result.documents.push_back(std::move(document)); },
      result.diagnostics);
  return result;
}

const std::string kEnglish = "The White House said the talks in Geneva would resume next week.";
const std::string kRussian =
    "Песков заявил, что переговоры в Женеве продолжатся на следующей неделе.";
const std::string kArabic = "وقال البيت الأبيض إن المحادثات في جنيف ستستأنف الأسبوع المقبل.";

std::string record(const std::string& id, const std::string& text) {
  return R"({"id": ")" + id + R"(", "text": ")" + text + "\"}";
}

}  // namespace

TEST_CASE("io: JSONL records with optional and extra fields") {
  TempFolder folder;
  const std::string extra_object = R"({"k": [1,  2.50e3, null, true], "ar": "جنيف"})";
  const std::string file = folder.write(
      "news.jsonl",
      R"({"id": "en-1", "text": ")" + kEnglish +
          R"(", "title": "Talks resume", "source": "White House", "lang": "en", )"
          R"("date": "2024-03-05T10:00:00Z", "url": "https://example.com/1", "topic": 7, )"
          R"("meta": )" +
          extra_object + R"(, "note": "a \"quoted\" word"})" + "\n" + R"({"id": 42, "text": ")" +
          kArabic + R"(", "title": null, "lang": "ar"})" + "\n" + R"({"text": ")" + kRussian +
          R"(", "id": "ru-1", "tags": ["Кремль", "Песков"]})" + "\n");

  const auto result = read({file});
  CHECK(result.diagnostics.problems().empty());
  CHECK(result.diagnostics.rejected_records() == 0);
  REQUIRE(result.delivered == 3);
  REQUIRE(result.documents.size() == 3);

  const Document& english = result.documents[0];
  CHECK(english.id == "en-1");
  CHECK(english.text == kEnglish);
  CHECK(english.title == "Talks resume");
  CHECK(english.source == "White House");
  CHECK(english.lang == "en");
  CHECK(english.date == "2024-03-05T10:00:00Z");
  CHECK(english.url == "https://example.com/1");
  CHECK(english.origin == file + ":1");
  REQUIRE(english.extra_fields.size() == 3);
  CHECK(english.extra_fields[0] == std::pair<std::string, std::string>{"topic", "7"});
  CHECK(english.extra_fields[1] == std::pair<std::string, std::string>{"meta", extra_object});
  CHECK(english.extra_fields[2] ==
        std::pair<std::string, std::string>{"note", R"("a \"quoted\" word")"});

  const Document& arabic = result.documents[1];
  CHECK(arabic.id == "42");  // integer ids are taken as their decimal text
  CHECK(arabic.text == kArabic);
  CHECK(arabic.title.empty());  // null means absent
  CHECK(arabic.lang == "ar");
  CHECK(arabic.origin == file + ":2");

  const Document& russian = result.documents[2];
  CHECK(russian.id == "ru-1");
  CHECK(russian.text == kRussian);
  REQUIRE(russian.extra_fields.size() == 1);
  CHECK(russian.extra_fields[0].second == R"(["Кремль", "Песков"])");
}

TEST_CASE("io: JSONL escapes are decoded") {
  TempFolder folder;
  const std::string file = folder.write(
      "escapes.jsonl",
      R"({"id": "e\u0031", "text": "line one\nline two \"quoted\" \u0416 \ud83d\ude00"})"
      "\n");
  const auto result = read({file});
  REQUIRE(result.documents.size() == 1);
  CHECK(result.documents[0].id == "e1");
  CHECK(result.documents[0].text == "line one\nline two \"quoted\" Ж \xF0\x9F\x98\x80");
}

TEST_CASE("io: blank lines, CRLF endings and a byte order mark are tolerated") {
  TempFolder folder;
  const std::string file =
      folder.write("windows.jsonl", "\xEF\xBB\xBF" + record("a", kEnglish) + "\r\n\r\n   \t\r\n" +
                                        record("b", kRussian) + "\r\n\n" +
                                        record("c", kArabic));  // no final EOL
  const auto result = read({file});
  CHECK(result.diagnostics.problems().empty());
  CHECK(result.ids() == std::vector<std::string>{"a", "b", "c"});
  REQUIRE(result.documents.size() == 3);
  CHECK(result.documents[0].text == kEnglish);
  CHECK(result.documents[1].origin == file + ":4");  // blank lines still count as lines
  CHECK(result.documents[2].origin == file + ":6");
}

TEST_CASE("io: a folder reads its text files, subfolders too, in path order") {
  TempFolder folder;
  folder.write("corpus/b.txt", kRussian);
  folder.write("corpus/a.txt", kEnglish);
  folder.write("corpus/c-ar.txt", "\xEF\xBB\xBF" + kArabic + "\n");
  folder.write("corpus/README.md", "not a document");
  folder.write("corpus/data.jsonl", record("x", "not read from a folder"));
  folder.write("corpus/.hidden.txt", "hidden");
  folder.write("corpus/.git/e.txt", "a hidden folder is not read");
  folder.write("corpus/nested/d.txt", "a subfolder's file, its id the path inside the folder");
  folder.write("corpus/nested/a.txt", "same name as corpus/a.txt, another document");
  folder.write("corpus/E.TXT", "upper-case extension");

  const auto result = read({folder.path("corpus")});
  CHECK(result.diagnostics.problems().empty());
  CHECK(result.ids() == std::vector<std::string>{"E", "a", "b", "c-ar", "nested/a", "nested/d"});
  REQUIRE(result.documents.size() == 6);
  CHECK(result.documents[1].text == kEnglish);
  CHECK(result.documents[1].origin == folder.path("corpus/a.txt"));
  CHECK(result.documents[2].text == kRussian);
  CHECK(result.documents[3].text == kArabic + "\n");  // kept as written, without the BOM
}

TEST_CASE("io: a gzip-compressed input is named, not read as broken text") {
  TempFolder folder;
  const std::string gz = folder.write("corpus.jsonl.gz", std::string("\x1f\x8b\x08\x00", 4) + "compressed");
  const auto result = read({gz});
  CHECK(result.documents.empty());
  REQUIRE(result.diagnostics.problems().size() == 1);
  CHECK(result.diagnostics.problems()[0].message.find("gzip-compressed input is not read") != std::string::npos);
}

TEST_CASE("io: a plain file argument is one document and inputs are read in order") {
  TempFolder folder;
  const std::string notes = folder.write("notes.md", kRussian + "\n\n" + kEnglish);
  const std::string jsonl = folder.write("more.ndjson", record("j1", kArabic) + "\n");
  const auto result = read({notes, jsonl});
  CHECK(result.diagnostics.problems().empty());
  REQUIRE(result.ids() == std::vector<std::string>{"notes", "j1"});
  CHECK(result.documents[0].text == kRussian + "\n\n" + kEnglish);
  CHECK(result.documents[0].origin == notes);
}

TEST_CASE("io: invalid UTF-8 is reported with its line and byte offset") {
  TempFolder folder;
  const std::string line1 = record("ok-1", kEnglish) + "\n";
  const std::string line2_head = R"({"id": "bad", "text": ")" + kRussian.substr(0, 10);
  const std::string line2 = line2_head + "\xFF\xFE" + R"("})" + "\n";
  // A Cyrillic letter cut after its first byte: an ill-formed sequence, not a lone bad byte.
  const std::string line3_head = R"({"id": "cut", "text": "Песк)";
  const std::string line3 = line3_head + "\xD0" + R"("})" + "\n";
  const std::string line4 = record("ok-2", kArabic) + "\n";
  const std::string file = folder.write("utf8.jsonl", line1 + line2 + line3 + line4);

  const auto result = read({file});
  CHECK(result.ids() == std::vector<std::string>{"ok-1", "ok-2"});
  CHECK(result.diagnostics.rejected_records() == 2);
  REQUIRE(result.diagnostics.problems().size() == 2);
  const auto& first = result.diagnostics.problems()[0];
  CHECK(first.file == file);
  CHECK(first.line == 2);
  CHECK(first.byte_offset_known);
  CHECK(first.byte_offset == line1.size() + line2_head.size());
  const auto& second = result.diagnostics.problems()[1];
  CHECK(second.line == 3);
  CHECK(second.byte_offset == line1.size() + line2.size() + line3_head.size());
  CHECK(result.diagnostics.format() ==
        file + ":2: invalid UTF-8 at byte " + std::to_string(first.byte_offset) + "\n" + file +
            ":3: invalid UTF-8 at byte " + std::to_string(second.byte_offset) + "\n");
}

TEST_CASE("io: invalid UTF-8 in a text file is reported with its line and byte offset") {
  TempFolder folder;
  folder.write("corpus/a.txt", kArabic);
  // An overlong encoding of '/' (0xC0 0xAF) on the third line.
  const std::string head = kEnglish + "\n" + kRussian + "\nabc";
  folder.write("corpus/b.txt", head + "\xC0\xAF" + "def\n");
  folder.write("corpus/c.txt", kRussian);

  const auto result = read({folder.path("corpus")});
  CHECK(result.ids() == std::vector<std::string>{"a", "c"});
  CHECK(result.diagnostics.rejected_records() == 1);
  REQUIRE(result.diagnostics.problems().size() == 1);
  const auto& problem = result.diagnostics.problems()[0];
  CHECK(problem.file == folder.path("corpus/b.txt"));
  CHECK(problem.line == 3);
  CHECK(problem.byte_offset == head.size());
  CHECK(problem.message == "invalid UTF-8");
}

TEST_CASE("io: broken JSON is rejected and the records around it are kept") {
  TempFolder folder;
  const std::string file = folder.write(
      "broken.jsonl",
      record("ok-1", kEnglish) + "\n" + R"({"id": "open", "text": "no closing brace")" + "\n" +
          R"({"id": "trailing", "text": "x"} {"id": "y"})" + "\n" +
          R"({id: "unquoted", "text": "x"})" + "\n" + R"({"id": "comma" "text": "x"})" + "\n" +
          R"({"id": "open string, "text": "x"})" + "\n" +
          R"({"id": "bad-extra", "text": "x", "more": [1 2]})" + "\n" +
          R"({"id": "surrogate", "text": "\ud800"})" + "\n" + record("ok-2", kRussian) + "\n");

  const auto result = read({file});
  CHECK(result.ids() == std::vector<std::string>{"ok-1", "ok-2"});
  CHECK(result.diagnostics.rejected_records() == 7);
  REQUIRE(result.diagnostics.problems().size() == 7);
  std::size_t line = 2;
  for (const auto& problem : result.diagnostics.problems()) {
    CHECK(problem.line == line++);
    CHECK(problem.message.starts_with("invalid JSON: "));
  }
  // simdjson's own explanation is kept, e.g. "TAPE_ERROR: The JSON document has an improper...".
  CHECK(result.diagnostics.problems()[0].message.size() > std::string("invalid JSON: ").size());
}

TEST_CASE("io: a line that is not a JSON object is rejected") {
  TempFolder folder;
  const std::string file = folder.write(
      "scalars.jsonl", std::string("[1, 2]\n\"text\"\n42\nnull\n") + record("ok", kArabic) + "\n");
  const auto result = read({file});
  CHECK(result.ids() == std::vector<std::string>{"ok"});
  CHECK(result.diagnostics.rejected_records() == 4);
  REQUIRE(result.diagnostics.problems().size() == 4);
  CHECK(result.diagnostics.problems()[0].message == "expected a JSON object, found an array");
  CHECK(result.diagnostics.problems()[1].message == "expected a JSON object, found a string");
  CHECK(result.diagnostics.problems()[2].message == "expected a JSON object, found a number");
  CHECK(result.diagnostics.problems()[3].message == "expected a JSON object, found null");
}

TEST_CASE("io: missing or mistyped id and text reject the record") {
  TempFolder folder;
  const std::string file =
      folder.write("fields.jsonl", record("ok-1", kEnglish) + "\n" +                            // 1
                                       R"({"text": ")" + kRussian + R"("})" + "\n" +            // 2
                                       R"({"id": "no-text", "title": "t"})" + "\n" +            // 3
                                       R"({"id": 1.5, "text": "x"})" + "\n" +                   // 4
                                       R"({"id": true, "text": "x"})" + "\n" +                  // 5
                                       R"({"id": "num-text", "text": 12})" + "\n" +             // 6
                                       R"({"id": "twice", "text": "x", "text": "y"})" + "\n" +  // 7
                                       R"({"id": -7, "text": ")" + kArabic + R"("})" + "\n");   // 8

  const auto result = read({file});
  CHECK(result.ids() == std::vector<std::string>{"ok-1", "-7"});
  CHECK(result.diagnostics.rejected_records() == 6);
  CHECK(result.diagnostics.format() ==
        file + ":2: missing \"id\"\n" +        //
            file + ":3: missing \"text\"\n" +  //
            file + ":4: \"id\" must be a string or an integer, found a fractional number\n" + file +
            ":5: \"id\" must be a string or an integer, found a boolean\n" +  //
            file + ":6: \"text\" must be a string, found a number\n" +        //
            file + ":7: field \"text\" appears twice\n");
}

TEST_CASE("io: a duplicate id keeps the first record") {
  TempFolder folder;
  const std::string file =
      folder.write("dups.jsonl", record("same", kEnglish) + "\n" + record("other", kRussian) +
                                     "\n" + record("same", kArabic) + "\n");
  folder.write("corpus/other.txt", kArabic);  // the same id from a text file
  const auto result = read({file, folder.path("corpus")});
  REQUIRE(result.ids() == std::vector<std::string>{"same", "other"});
  CHECK(result.documents[0].text == kEnglish);
  CHECK(result.diagnostics.rejected_records() == 2);
  CHECK(result.diagnostics.format() == file + ":3: duplicate id \"same\" (first seen at " + file +
                                           ":1)\n" + folder.path("corpus/other.txt") +
                                           ": duplicate id \"other\" (first seen at " + file +
                                           ":2)\n");
}

TEST_CASE("io: empty or blank text is rejected") {
  TempFolder folder;
  const std::string file =
      folder.write("empty.jsonl", record("ok-1", kEnglish) + "\n" + record("empty", "") + "\n" +
                                      record("spaces", R"( \t\n  )") + "\n" +
                                      record("marks", "\u200F\u00A0\u3000") +
                                      "\n" +  // RLM, NBSP, ideographic space
                                      record("ok-2", kRussian) + "\n");
  folder.write("corpus/empty.txt", "");
  folder.write("corpus/full.txt", kArabic);

  const auto result = read({file, folder.path("corpus")});
  CHECK(result.ids() == std::vector<std::string>{"ok-1", "ok-2", "full"});
  CHECK(result.diagnostics.rejected_records() == 4);
  CHECK(result.diagnostics.format() == file + ":2: empty \"text\"\n" + file +
                                           ":3: empty \"text\"\n" + file + ":4: empty \"text\"\n" +
                                           folder.path("corpus/empty.txt") + ": empty \"text\"\n");
}

TEST_CASE("io: a missing input is a problem and the other inputs are still read") {
  TempFolder folder;
  const std::string present = folder.write("present.jsonl", record("p", kEnglish) + "\n");
  const std::string missing_file = folder.path("missing.jsonl");
  const std::string missing_folder = folder.path("no-such-folder");
  const auto result = read({missing_file, present, missing_folder});
  CHECK(result.ids() == std::vector<std::string>{"p"});
  CHECK(result.diagnostics.rejected_records() == 0);
  REQUIRE(result.diagnostics.problems().size() == 2);
  CHECK(result.diagnostics.problems()[0].line == 0);
  CHECK(result.diagnostics.format() == missing_file + ": no such file or directory\n" +
                                           missing_folder + ": no such file or directory\n");
}

TEST_CASE("io: a 20 MB single line is read whole") {
  TempFolder folder;
  std::string huge_text;
  while (huge_text.size() < 20u << 20) huge_text += kArabic + " " + kRussian + " ";
  const std::string file =
      folder.write("huge.jsonl", record("small-1", kEnglish) + "\n" + record("huge", huge_text) +
                                     "\n" + record("small-2", kRussian) + "\n");
  const auto result = read({file});
  CHECK(result.diagnostics.problems().empty());
  REQUIRE(result.ids() == std::vector<std::string>{"small-1", "huge", "small-2"});
  CHECK(result.documents[1].text == huge_text);
  CHECK(result.documents[2].origin == file + ":3");
}

TEST_CASE("io: an unparseable date or a mistyped optional field is reported, the record kept") {
  TempFolder folder;
  const std::string file =
      folder.write("dates.jsonl", R"({"id": "d1", "text": "x", "date": "2024-03-05"})"
                                  "\n"
                                  R"({"id": "d2", "text": "x", "date": "5 March 2024"})"
                                  "\n"
                                  R"({"id": "d3", "text": "x", "date": "2023-02-29"})"
                                  "\n"
                                  R"({"id": "d4", "text": "x", "title": ["not", "a", "string"]})"
                                  "\n");
  const auto result = read({file});
  REQUIRE(result.ids() == std::vector<std::string>{"d1", "d2", "d3", "d4"});
  CHECK(result.documents[0].date == "2024-03-05");
  CHECK(result.documents[1].date.empty());
  CHECK(result.documents[2].date.empty());
  CHECK(result.documents[3].title.empty());
  CHECK(result.documents[3].extra_fields.empty());
  CHECK(result.diagnostics.rejected_records() == 0);
  CHECK(result.diagnostics.format() ==
        file + ":2: unparseable date \"5 March 2024\" (expected YYYY-MM-DD...); date ignored\n" +
            file + ":3: unparseable date \"2023-02-29\" (expected YYYY-MM-DD...); date ignored\n" +
            file + ":4: field \"title\" is not a string; ignored\n");
}

TEST_CASE("io: parse_iso_date_days") {
  using parallax::parse_iso_date_days;
  CHECK(parse_iso_date_days("1970-01-01") == 0);
  CHECK(parse_iso_date_days("1970-01-02") == 1);
  CHECK(parse_iso_date_days("1969-12-31") == -1);
  CHECK(parse_iso_date_days("2000-02-29") == 11016);
  CHECK(parse_iso_date_days("2024-03-05T10:00:00Z") == 19787);
  CHECK(parse_iso_date_days("2024-03-05 10:00") == 19787);
  CHECK_FALSE(parse_iso_date_days("2023-02-29"));
  CHECK_FALSE(parse_iso_date_days("2024-13-01"));
  CHECK_FALSE(parse_iso_date_days("2024-3-5"));
  CHECK_FALSE(parse_iso_date_days("2024-03-051"));
  CHECK_FALSE(parse_iso_date_days("2024/03/05"));
  CHECK_FALSE(parse_iso_date_days(""));
}

TEST_CASE("io: \"-\" reads JSONL from stdin") {
  std::FILE* stream = std::tmpfile();
  REQUIRE(stream != nullptr);
  const std::string content = record("s1", kRussian) + "\n" + record("s1", kEnglish) + "\n";
  std::fwrite(content.data(), 1, content.size(), stream);
  std::fflush(stream);
  std::rewind(stream);
  // Point file descriptor 0 at the temporary file for the duration of the read.
  const int saved_stdin = ::dup(0);
  REQUIRE(::dup2(::fileno(stream), 0) == 0);
  std::clearerr(stdin);
  const auto result = read({"-"});
  ::dup2(saved_stdin, 0);
  ::close(saved_stdin);
  std::clearerr(stdin);
  std::fclose(stream);

  REQUIRE(result.ids() == std::vector<std::string>{"s1"});
  CHECK(result.documents[0].origin == "<stdin>:1");
  CHECK(result.diagnostics.format() ==
        "<stdin>:2: duplicate id \"s1\" (first seen at <stdin>:1)\n");
}

TEST_CASE("io: FirstSeenIndex remembers the first occurrence of many ids") {
  parallax::FirstSeenIndex index;
  constexpr std::size_t kIds = 50000;  // enough to grow the table several times
  std::size_t new_ids = 0;
  for (std::size_t i = 0; i < kIds; ++i) {
    if (!index.insert("id-" + std::to_string(i), {7, i + 1})) ++new_ids;
  }
  CHECK(new_ids == kIds);
  for (std::size_t i = 0; i < kIds; i += 997) {
    const auto first = index.insert("id-" + std::to_string(i), {8, 0});
    REQUIRE(first);
    CHECK(first->file_index == 7);
    CHECK(first->line == i + 1);
  }
  CHECK_FALSE(index.insert("", {0, 0}));
  CHECK(index.insert("", {1, 1}));
}

TEST_CASE("io: LineReader keeps lines whole across chunk boundaries") {
  std::FILE* stream = std::tmpfile();
  REQUIRE(stream != nullptr);
  const std::string long_line(100, 'x');
  const std::string content =
      "\xEF\xBB\xBF"
      "ab\r\n" +
      long_line + "\n\ncd";
  std::fwrite(content.data(), 1, content.size(), stream);
  std::rewind(stream);

  parallax::LineReader reader(stream, 8);  // a tiny chunk forces refills and growth
  parallax::Line line;
  std::vector<std::tuple<std::string, std::size_t, std::size_t>> lines;
  while (reader.next(line)) lines.emplace_back(std::string(line.text), line.number, line.offset);
  CHECK_FALSE(reader.read_error());
  std::fclose(stream);

  using Row = std::tuple<std::string, std::size_t, std::size_t>;
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == Row{"ab", 1, 3});
  CHECK(lines[1] == Row{long_line, 2, 7});
  CHECK(lines[2] == Row{"", 3, 108});
  CHECK(lines[3] == Row{"cd", 4, 109});
}

TEST_CASE("io: LineReader blanks the padding after the last line, whatever came before it") {
  // simdjson reads the padding after a line; left over from an earlier fill, its bytes made the
  // message about an invalid last line (no final newline) depend on the lines before it.
  for (const std::string& before : {std::string(""), std::string(40, 'x') + "\n", std::string("{\"id\": \"a\", \"text\": \"" + std::string(60, 'y') + "\"}\n")}) {
    CAPTURE(before);
    std::FILE* stream = std::tmpfile();
    REQUIRE(stream != nullptr);
    const std::string content = before + "{\"id\": \"b\", \"te";
    std::fwrite(content.data(), 1, content.size(), stream);
    std::rewind(stream);
    parallax::LineReader reader(stream, 16);  // small chunks: the last line is moved to the front
    parallax::Line line, last;
    while (reader.next(line)) last = line;
    std::fclose(stream);
    const char* after = last.text.data() + last.text.size();
    for (std::size_t i = 0; i < parallax::LineReader::kLinePadding; ++i) CHECK(after[i] == ' ');
  }
}
