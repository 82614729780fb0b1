// Tests of engine/io: reading JSONL, folders of .txt files and single files, and the reports made
// about bad input. Every test writes real files to a fresh temporary folder.
#include <doctest/doctest.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "io/corpus_reader.hpp"
#include "io/date.hpp"
#include "io/first_seen_index.hpp"
#include "io/line_reader.hpp"
#include "seed_paths.hpp"

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

TEST_CASE("io: folders holding the same paths keep every document, each id under its folder's name") {
  TempFolder folder;
  folder.write("ar/x.txt", kArabic);
  folder.write("ar/2021/x.txt", kArabic + " 2021");
  folder.write("ru/x.txt", kRussian);
  folder.write("a/docs/x.txt", kEnglish);  // two folders named "docs": the parent tells them apart
  folder.write("b/docs/x.txt", kEnglish + " b");
  const auto several = read({folder.path("ar"), folder.path("ru") + "/", folder.path("a/docs"), folder.path("b/docs")});
  CHECK(several.diagnostics.problems().empty());
  CHECK(several.ids() == std::vector<std::string>{"ar/2021/x", "ar/x", "ru/x", "a/docs/x", "b/docs/x"});

  // One folder, even beside other inputs, keeps the ids of its paths inside it.
  const std::string jsonl = folder.write("more.jsonl", record("j", kEnglish) + "\n");
  CHECK(read({folder.path("ar"), jsonl}).ids() == std::vector<std::string>{"2021/x", "x", "j"});
}

TEST_CASE("io: an id that still repeats is rejected with both places named") {
  TempFolder folder;
  folder.write("news/x.txt", kArabic);
  const std::string text = folder.write("x.txt", kEnglish);
  const std::string twice = folder.write("twice.csv", "id,text\nx,\"" + kRussian + "\"\nx,again\n");
  const auto result = read({folder.path("news"), text, twice});
  CHECK(result.ids() == std::vector<std::string>{"x"});
  CHECK(result.diagnostics.rejected_records() == 3);
  CHECK(result.diagnostics.format() ==
        text + ": duplicate id \"x\" (first seen at " + folder.path("news/x.txt") + ")\n" +  //
            twice + ":2: duplicate id \"x\" (first seen at " + folder.path("news/x.txt") + ")\n" +  //
            twice + ":3: duplicate id \"x\" (first seen at " + folder.path("news/x.txt") + ")\n");
}

namespace {

// Writes `bytes` gzip-compressed (zlib, as gzip(1) does) to `name` inside `folder`.
std::string write_gzip(const TempFolder& folder, const std::string& name, const std::string& bytes) {
  const std::string file = folder.path(name);
  fs::create_directories(fs::path(file).parent_path());
  gzFile out = gzopen(file.c_str(), "wb");
  REQUIRE(out != nullptr);
  REQUIRE(gzwrite(out, bytes.data(), static_cast<unsigned>(bytes.size())) == static_cast<int>(bytes.size()));
  REQUIRE(gzclose(out) == Z_OK);
  return file;
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("io: gzip-compressed JSONL, CSV and text files are read as their plain forms") {
  TempFolder folder;
  const std::string jsonl_text = record("j1", kEnglish) + "\n" + record("j2", kArabic) + "\n";
  const std::string csv_text = "id,text\nc1,\"" + kRussian + "\"\n";
  const std::string jsonl = write_gzip(folder, "news.JSONL.GZ", jsonl_text);
  const std::string csv = write_gzip(folder, "table.csv.gz", csv_text);
  const std::string text = write_gzip(folder, "note.txt.gz", "\xEF\xBB\xBF" + kRussian);
  write_gzip(folder, "corpus/inside.txt.gz", kEnglish);
  folder.write("corpus/plain.txt", kArabic);
  // The content decides, not the name: a plain file named .gz is read as it is.
  const std::string plain = folder.write("not-really.jsonl.gz", record("p1", kEnglish) + "\n");

  const auto result = read({jsonl, csv, text, folder.path("corpus"), plain});
  CHECK(result.diagnostics.problems().empty());
  CHECK(result.ids() == std::vector<std::string>{"j1", "j2", "c1", "note", "inside", "plain", "p1"});
  REQUIRE(result.documents.size() == 7);
  CHECK(result.documents[1].text == kArabic);
  CHECK(result.documents[1].origin == jsonl + ":2");
  CHECK(result.documents[2].text == kRussian);
  CHECK(result.documents[3].text == kRussian);  // the byte order mark dropped after decompression
  CHECK(result.documents[4].text == kEnglish);
}

TEST_CASE("io: gzip data that breaks off is named, and the records before it are kept") {
  TempFolder folder;
  std::string jsonl_text;
  for (int i = 0; i < 2000; ++i) jsonl_text += record("r" + std::to_string(i), kEnglish + " " + std::to_string(i)) + "\n";
  const std::string whole = write_gzip(folder, "whole.jsonl.gz", jsonl_text);
  const std::string compressed = file_bytes(whole);
  const std::string truncated = folder.write("truncated.jsonl.gz", compressed.substr(0, compressed.size() / 2));
  std::string damaged_bytes = compressed;
  damaged_bytes[3] = '\xE0';  // reserved header flags
  const std::string damaged = folder.write("damaged.jsonl.gz", damaged_bytes);
  std::string bad_check_bytes = compressed;
  bad_check_bytes[bad_check_bytes.size() - 8] ^= 0x55;  // the CRC-32 of the data, in the trailer
  const std::string bad_check = folder.write("bad-check.jsonl.gz", bad_check_bytes);
  const std::string not_gzip = folder.write("magic-only.txt.gz", std::string("\x1f\x8b\x08\x00", 4) + "compressed");
  const std::string text = folder.write("cut.txt.gz", file_bytes(write_gzip(folder, "x.gz", kArabic)).substr(0, 20));

  const auto cut = read({truncated});
  CHECK(cut.documents.size() > 100);  // what came out before the break is kept...
  CHECK(cut.documents.size() < 2000);
  REQUIRE_FALSE(cut.diagnostics.problems().empty());
  const auto& last = cut.diagnostics.problems().back();  // ...and the break is named, for the whole file
  CHECK(last.file == truncated);
  CHECK(last.line == 0);
  CHECK(last.message.starts_with("broken gzip data (unexpected end of file) after "));

  // The check fails at the end: the text came out, every byte of it inflated before the check.
  const auto unchecked = read({bad_check});
  CHECK(unchecked.documents.size() > 500);
  REQUIRE_FALSE(unchecked.diagnostics.problems().empty());  // the line cut short, then the data check
  CHECK(unchecked.diagnostics.problems().back().line == 0);
  CHECK(unchecked.diagnostics.problems().back().message.starts_with("broken gzip data (incorrect data check) after "));

  for (const std::string& file : {damaged, not_gzip, text}) {
    CAPTURE(file);
    const auto broken = read({file});
    CHECK(broken.documents.empty());
    REQUIRE(broken.diagnostics.problems().size() == 1);
    CHECK(broken.diagnostics.problems()[0].file == file);
    CHECK(broken.diagnostics.problems()[0].message.starts_with("broken gzip data ("));
  }
}

TEST_CASE("io: the seed articles read the same gzip-compressed") {
  TempFolder folder;
  for (const char* seed : {parallax::test::kSeed000, parallax::test::kSeed003}) {
    CAPTURE(seed);
    const std::string original = parallax::test::seed_path(seed);
    const std::string compressed = write_gzip(folder, std::string(seed) + ".gz", file_bytes(original));
    const auto plain = read({original});
    const auto unzipped = read({compressed});
    CHECK(unzipped.diagnostics.problems().empty());
    REQUIRE(plain.documents.size() == 1);
    REQUIRE(unzipped.documents.size() == 1);
    CHECK(unzipped.documents[0].id == plain.documents[0].id);
    CHECK(unzipped.documents[0].text == plain.documents[0].text);
  }
}

TEST_CASE("io: CSV rows become documents: quoting, line breaks, byte order mark, CRLF, known columns") {
  TempFolder folder;
  const std::string file = folder.write(
      "news.csv",
      "\xEF\xBB\xBF" "ID, Title ,text,source,lang,date,url,topic,empty\r\n"
      "ru-1,\"Песков, Кремль\",\"" + kRussian + "\",ТАСС,ru,\"Tue, 26 Jan 2021 18:04:00 +0000\",https://t.ru/1,7,\r\n"
      "ar-1,\"عنوان \"\"مقتبس\"\"\",\"" + kArabic + "\r\nسطر ثان, بفاصلة\",الأناضول,ar,20210126,,\"a, b\",\r\n"
      "\r\n"
      "en-1,,\"" + kEnglish + "\",,,2021-01-27T09:00:00+03:00,,,\r\n");
  const auto result = read({file});
  CHECK(result.diagnostics.problems().empty());
  REQUIRE(result.ids() == std::vector<std::string>{"ru-1", "ar-1", "en-1"});

  const Document& russian = result.documents[0];
  CHECK(russian.title == "Песков, Кремль");
  CHECK(russian.text == kRussian);
  CHECK(russian.source == "ТАСС");
  CHECK(russian.lang == "ru");
  CHECK(russian.date == "2021-01-26T18:04:00+00:00");  // RFC 2822 rewritten as ISO 8601
  CHECK(russian.url == "https://t.ru/1");
  CHECK(russian.origin == file + ":2");
  REQUIRE(russian.extra_fields.size() == 1);  // empty cells are absent
  CHECK(russian.extra_fields[0] == std::pair<std::string, std::string>{"topic", "\"7\""});

  const Document& arabic = result.documents[1];
  CHECK(arabic.title == "عنوان \"مقتبس\"");
  CHECK(arabic.text == kArabic + "\nسطر ثان, بفاصلة");  // the quoted CRLF reads as "\n"
  CHECK(arabic.date == "2021-01-26");
  CHECK(arabic.url.empty());
  CHECK(arabic.extra_fields[0] == std::pair<std::string, std::string>{"topic", "\"a, b\""});
  CHECK(arabic.origin == file + ":3");

  CHECK(result.documents[2].date == "2021-01-27T09:00:00+03:00");
  CHECK(result.documents[2].origin == file + ":6");  // lines inside quotes and blank lines count
}

TEST_CASE("io: carriage returns before a CSV line break belong to the break, inside quotes too") {
  // Found by fuzz_csv_records: "\r\r\n" inside a quoted field read as "\r\n", which written
  // back read as "\n".
  TempFolder folder;
  const std::string file = folder.write("news.csv", "id,text\r\n"
                                                    "c1,\"" + kEnglish + "\r\r\nsecond line\"\r\r\n"
                                                    "c2,plain\r\r\n"
                                                    "\r\r\n"
                                                    "c3,\"a \r in the middle\"\n");
  const auto result = read({file});
  CHECK(result.diagnostics.problems().empty());
  REQUIRE(result.ids() == std::vector<std::string>{"c1", "c2", "c3"});
  CHECK(result.documents[0].text == kEnglish + "\nsecond line");
  CHECK(result.documents[1].text == "plain");
  CHECK(result.documents[2].text == "a \r in the middle");
}

TEST_CASE("io: a TSV file is read with tabs between fields and the same quoting") {
  TempFolder folder;
  const std::string file = folder.write("news.tsv", "id\ttext\ttitle\n"
                                                    "t1\t" + kEnglish + "\tcomma, kept\n"
                                                    "t2\t\"" + kArabic + "\ttab inside\"\t\n");
  const auto result = read({file});
  CHECK(result.diagnostics.problems().empty());
  REQUIRE(result.ids() == std::vector<std::string>{"t1", "t2"});
  CHECK(result.documents[0].title == "comma, kept");
  CHECK(result.documents[1].text == kArabic + "\ttab inside");
}

TEST_CASE("io: broken CSV rows are named with their line, and every valid row is kept") {
  TempFolder folder;
  const std::string header = "id,text,date\n";                                       // line 1
  const std::string content = header +                                              //
                              "a,\"" + kEnglish + "\",2021-01-26\n" +              // 2
                              "b,too,many,fields\n" +                               // 3
                              "c,\"" + kRussian + "\" and more,2021-01-26\n" +     // 4: text after the quote
                              "d,\"bad \xff byte\",\n" +                            // 5: invalid UTF-8
                              "e,\"unterminated: " + kArabic + ",2021-01-26\n" +    // 6: quote never closed...
                              "f,\"" + kRussian + "\",\n" +                         // 7: ...so 7 and 8 are read again
                              "g,plain text without quotes,\n" +                    // 8
                              "h,\"" + kArabic + "\",5 March 2024\n" +              // 9: date ignored, row kept
                              "a,duplicate,\n" +                                    // 10
                              "i,,\n";                                              // 11: empty text
  const std::string file = folder.write("broken.csv", content);
  const auto result = read({file});
  CHECK(result.ids() == std::vector<std::string>{"a", "f", "g", "h"});
  CHECK(result.diagnostics.rejected_records() == 6);
  const std::size_t after_quote = content.find("\" and more") + 1;
  const std::size_t bad_byte = content.find('\xff');
  const std::size_t seven_quote = content.find("\"" + kRussian + "\",\n") + 1;  // where e's field closes
  CHECK(result.diagnostics.format() ==
        file + ":3: 4 fields where the header has 3\n" +
            file + ":4: text after the closing quote of a field (a quote inside a quoted field is written \"\") at byte " +
            std::to_string(after_quote) + "\n" +  //
            file + ":5: invalid UTF-8 at byte " + std::to_string(bad_byte) + "\n" +
            file + ":6: text after the closing quote of a field on line 7 (a quote inside a quoted field is written \"\") at byte " +
            std::to_string(seven_quote) + "\n" +
            file + ":9: unparseable date \"5 March 2024\" (expected ISO 8601 such as 2021-01-26 or 20210126, or RFC 2822 "
                   "such as Tue, 26 Jan 2021 18:04:00 +0000); date ignored\n" +
            file + ":10: duplicate id \"a\" (first seen at " + file + ":2)\n" +  //
            file + ":11: empty \"text\"\n");
}

TEST_CASE("io: a quote still open at the end of a CSV file rejects its row only") {
  TempFolder folder;
  const std::string file = folder.write("open.csv", "id,text\n"
                                                    "a,\"" + kEnglish + "\"\n"
                                                    "b,\"never closed\n"
                                                    "c," + kEnglish + "\n"
                                                    "d," + kArabic);  // no final line break
  const auto result = read({file});
  CHECK(result.ids() == std::vector<std::string>{"a", "c", "d"});
  CHECK(result.diagnostics.format() ==
        file + ":3: unterminated quoted field at the end of the input\n");
}

TEST_CASE("io: --id-column and --text-column pick the columns, and a missing one is named") {
  TempFolder folder;
  const std::string file = folder.write("articles.csv", "guid,Body,headline\n"
                                                        "g1,\"" + kArabic + "\",h\n");
  ReadResult named;
  parallax::read_corpus(
      {file}, [&](Document&& d) { named.documents.push_back(std::move(d)); }, named.diagnostics,
      parallax::TableColumns{"GUID", "body"});
  CHECK(named.diagnostics.problems().empty());
  REQUIRE(named.ids() == std::vector<std::string>{"g1"});
  CHECK(named.documents[0].text == kArabic);
  CHECK(named.documents[0].extra_fields == std::vector<std::pair<std::string, std::string>>{{"headline", "\"h\""}});

  const std::string other = folder.write("other.csv", "id,text\nx," + kEnglish + "\n");
  const auto defaults = read({file, other});  // the file without the columns is skipped, the next one read
  CHECK(defaults.ids() == std::vector<std::string>{"x"});
  CHECK(defaults.diagnostics.format() ==
        file + ":1: no \"id\" column in the header (\"guid\", \"Body\", \"headline\"); name the column with "
               "--id-column; file not read\n");
}

TEST_CASE("io: a CSV header with a column twice reads the first one") {
  TempFolder folder;
  const std::string file = folder.write("twice.csv", "id,text,Text\nz,first,second\n");
  const auto result = read({file});
  REQUIRE(result.documents.size() == 1);
  CHECK(result.documents[0].text == "first");
  CHECK(result.diagnostics.format() == file + ":1: column \"Text\" appears twice; the first one is read\n");
}

TEST_CASE("io: rows that each break a quote are all rejected, and the row after them is read") {
  TempFolder folder;
  std::string content = "id,text\n";
  for (int i = 0; i < 5000; ++i) {
    // Every other row opens a quote it never closes; the next row closes it and breaks.
    content += i % 2 == 0 ? "s" + std::to_string(i) + ",\"stray\n" : "r" + std::to_string(i) + ",\"row\" x\n";
  }
  content += "last,\"" + kEnglish + "\"\n";
  const auto result = read({folder.write("stray.csv", content)});
  REQUIRE_FALSE(result.documents.empty());
  CHECK(result.documents.back().id == "last");
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

TEST_CASE("io: invalid UTF-8 is reported before any other problem of its line, wherever it is") {
  // The UTF-8 of a line is checked where parsing it fails (a line that parses is valid UTF-8): a
  // bad byte in a key, in a field kept verbatim, after broken JSON or in a line with no "text"
  // must still be what is reported, at its byte.
  TempFolder folder;
  const std::vector<std::pair<std::string, std::string>> lines = {
      {R"({"id": "k", ")", "\xFF" R"(key": "v", "text": "words here"})"},
      {R"({"id": "e", "text": "words", "extra": {"a": ")", "\xC3" R"("}})"},
      {R"({"id": "j", "text": oops ")", "\xFE" R"("})"},
      {R"({"id": "t", "title": ")", "\xE2\x82" R"("})"},
  };
  std::string content;
  std::vector<std::size_t> bad_bytes;
  for (const auto& [head, tail] : lines) {
    bad_bytes.push_back(content.size() + head.size());
    content += head + tail + "\n";
  }
  const std::string file = folder.write("utf8-first.jsonl", content + record("ok", kEnglish) + "\n");
  const auto result = read({file});
  CHECK(result.ids() == std::vector<std::string>{"ok"});
  REQUIRE(result.diagnostics.problems().size() == lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    CAPTURE(i);
    const auto& problem = result.diagnostics.problems()[i];
    CHECK(problem.line == i + 1);
    CHECK(problem.message == "invalid UTF-8");
    CHECK(problem.byte_offset == bad_bytes[i]);
  }
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
        file + ":2: unparseable date \"5 March 2024\" (expected ISO 8601 such as 2021-01-26 or 20210126, or RFC 2822 "
               "such as Tue, 26 Jan 2021 18:04:00 +0000); date ignored\n" +
            file + ":3: unparseable date \"2023-02-29\" (expected ISO 8601 such as 2021-01-26 or 20210126, or RFC 2822 "
                   "such as Tue, 26 Jan 2021 18:04:00 +0000); date ignored\n" +
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

TEST_CASE("io: normalize_date reads the forms news feeds use and writes ISO 8601") {
  using parallax::normalize_date;
  const std::pair<const char*, const char*> accepted[] = {
      {"2021-01-26", "2021-01-26"},  // ISO 8601 stays as written
      {"2021-01-26T18:04:00+03:00", "2021-01-26T18:04:00+03:00"},
      {"2021-01-26T18:04:00Z", "2021-01-26T18:04:00Z"},
      {"2021-01-26 18:04", "2021-01-26 18:04"},
      {"20210126", "2021-01-26"},
      {"20210126T1804", "2021-01-26T18:04:00"},
      {"20210126T180400Z", "2021-01-26T18:04:00Z"},
      {"20210126T180400+0300", "2021-01-26T18:04:00+03:00"},
      {"20210126T180400-05", "2021-01-26T18:04:00-05:00"},
      {"Tue, 26 Jan 2021 18:04:00 +0000", "2021-01-26T18:04:00+00:00"},
      {"26 Jan 2021 18:04 GMT", "2021-01-26T18:04:00+00:00"},
      {"Tue, 26 Jan 2021 23:30:00 -0500", "2021-01-26T23:30:00-05:00"},  // the writer's day, not UTC's
      {"tue, 26 JAN 2021 18:04:00 EST", "2021-01-26T18:04:00-05:00"},
      {"Mon, 26 Jan 2021 18:04:00 PDT", "2021-01-26T18:04:00-07:00"},     // a wrong day name is not checked
      {"Sun, 6 Jun 2021 07:05:09 +0545", "2021-06-06T07:05:09+05:45"},
      {"Tue, 26 Jan 2021 18:04:00 -0800 (PST)", "2021-01-26T18:04:00-08:00"},
      {"Tue, 26 Jan 2021 18:04:00 -0000", "2021-01-26T18:04:00"},  // -0000: the zone is unknown
      {"Tue, 26 Jan 2021 18:04:00 CET", "2021-01-26T18:04:00"},    // a zone the RFC does not name
      {"26 Jan 2021", "2021-01-26"},
      {"  Tue,  26   Jan 2021  18:04:00  UT ", "2021-01-26T18:04:00+00:00"},
      {"29 Feb 2024 00:00:60 Z", "2024-02-29T00:00:60+00:00"},  // a leap second
  };
  for (const auto& [text, iso] : accepted) {
    CAPTURE(text);
    CHECK(normalize_date(text) == std::optional<std::string>(iso));
    CHECK(parallax::parse_iso_date_days(*normalize_date(text)));
  }
  for (const char* text : {"", "5 March 2024", "29 Feb 2023", "2023-02-29", "20230229", "2021126", "202101261",
                           "20210126T18", "20210126T2504", "20210126T1804+2400", "20210126X", "Tue 26 Jan 2021",
                           "Tue, 26 Jan 21 18:04", "Xyz, 26 Jan 2021", "26 Jan 2021 24:00", "26 Jan 2021 18:60",
                           "26 Jan 2021 18:04 +05", "26 Jan 2021 18:04 Europe", "26 Jan 2021 18:04 (open",
                           "Tue, 26 Jan 2021 18:04:00 +0000 extra", "1611684240", "2021/01/26", "yesterday"}) {
    CAPTURE(text);
    CHECK_FALSE(normalize_date(text));
  }
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
