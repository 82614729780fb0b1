// `parallax compare` end to end: the JSON shape on the seeds, the other formats, and the exit
// codes and messages for bad input.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli_process.hpp"
#include "seed_paths.hpp"

namespace {

struct RunResult {
  int status = -1;
  std::string output;  // stdout and stderr together
};

RunResult run_cli(const std::string& args, bool with_stderr = true) {
  const std::string command = std::string(PARALLAX_CLI) + " compare " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  const parallax::test::ShellRun shell = parallax::test::run_shell(command);
  return {shell.exit_code, shell.out};
}

std::string seeds() {
  using parallax::test::seed_path;
  return seed_path(parallax::test::kSeed000) + " " + seed_path(parallax::test::kSeed003);
}

std::string temp_file(const std::string& name, const std::string& content) {
  const auto path = std::filesystem::temp_directory_path() / ("parallax_compare_test_" + name);
  std::ofstream(path) << content;
  return path.string();
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("compare --format json on the seeds: versioned schema with claims / alignments / unaligned") {
  const auto r = run_cli("--format json " + seeds(), false);
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.output);
  CHECK(j.at("schema_version") == 2);
  CHECK(j.at("command") == "compare");
  CHECK(j.at("by") == "document");
  CHECK(j.at("documents").size() == 2);
  CHECK(j.at("thresholds").contains("align"));
  REQUIRE(j.at("claims").size() > 20);
  for (const auto& c : j.at("claims")) {
    for (const char* key : {"id", "document", "side", "sentence", "clause", "span", "lang", "text",
                            "speaker", "speaker_text", "attribution", "cue"}) {
      CHECK_MESSAGE(c.contains(key), key);
    }
    CHECK(c.at("span").size() == 2);
    if (!c.at("cue").is_null()) CHECK(c.at("cue").contains("span"));
  }
  REQUIRE(!j.at("alignments").empty());
  for (const auto& a : j.at("alignments")) {
    const std::string label = a.at("label");
    CHECK((label == "agree" || label == "conflict" || label == "related"));
    CHECK(a.at("score").get<double>() >= j.at("thresholds").at("align").get<double>());
    CHECK(a.at("reasons").is_array());
  }
  for (const auto& u : j.at("unaligned")) {
    CHECK(contains(u.at("label").get<std::string>(), "only-in-"));
  }
  // Arabic stays Arabic (UTF-8, never transliterated or escaped).
  CHECK(contains(r.output, "البيت الأبيض"));
}

TEST_CASE("compare --by speaker: White House and Kremlin sides") {
  const auto r = run_cli("--by speaker --format json " + seeds(), false);
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.output);
  std::vector<std::string> sides;
  for (const auto& s : j.at("sides")) sides.push_back(s.at("name"));
  CHECK(std::find(sides.begin(), sides.end(), "White House") != sides.end());
  CHECK(std::find(sides.begin(), sides.end(), "Kremlin") != sides.end());
}

TEST_CASE("compare text / md and html outputs") {
  const auto text = run_cli("--width 140 " + seeds(), false);
  REQUIRE(text.status == 0);
  CHECK(contains(text.output, "<->"));
  CHECK(contains(text.output, "conflict"));
  const auto md = run_cli("--format md " + seeds(), false);
  REQUIRE(md.status == 0);
  CHECK(contains(md.output, "| label | score |"));
  const std::string html_path = (std::filesystem::temp_directory_path() / "parallax_compare_test.html").string();
  const auto html = run_cli("--format html -o " + html_path + " " + seeds());
  REQUIRE(html.status == 0);
  const std::string page = parallax::test::read_file(html_path);
  CHECK(contains(page, "<!DOCTYPE html>"));
  CHECK(contains(page, "dir=\"rtl\""));
  CHECK(contains(page, "صريحة"));
}

TEST_CASE("compare bad input: missing file / one document / empty document / bad options") {
  auto r = run_cli(parallax::test::seed_path(parallax::test::kSeed000) + " /nonexistent/b.txt");
  CHECK(r.status == 3);
  CHECK(contains(r.output, "/nonexistent/b.txt"));

  r = run_cli(parallax::test::seed_path(parallax::test::kSeed000));
  CHECK(r.status == 3);
  CHECK(contains(r.output, "at least two documents"));
  CHECK(contains(r.output, "--by speaker"));

  const std::string empty = temp_file("empty.txt", "   \n");
  r = run_cli(parallax::test::seed_path(parallax::test::kSeed000) + " " + empty);
  CHECK(r.status == 3);
  CHECK(contains(r.output, "parallax_compare_test_empty.txt"));

  r = run_cli("--by outlet " + seeds());
  CHECK(r.status == 2);
  CHECK(contains(r.output, "--by must be document, source or speaker"));

  const std::string bad_aliases = temp_file("aliases.txt", "[speakers]\nWhite House البيت الأبيض\n");
  r = run_cli("--aliases " + bad_aliases + " " + seeds());
  CHECK(r.status == 2);
  CHECK(contains(r.output, "parallax_compare_test_aliases.txt:2:"));

  r = run_cli("--aliases /nonexistent/aliases.txt " + seeds());
  CHECK(r.status == 2);
  CHECK(contains(r.output, "/nonexistent/aliases.txt"));
}

TEST_CASE("compare --stance-model: the shipped judge loads and a broken model file is a usage error") {
  const std::string model = std::string(PARALLAX_SOURCE_DIR) + "/models/stance_ans.json";
  const auto r = run_cli("--format json --stance-model " + model + " " + seeds(), false);
  REQUIRE(r.status == 0);
  CHECK(nlohmann::json::parse(r.output).at("alignments").size() > 0);
  const std::string broken = temp_file("model.json", "{\"format\": \"something else\"}");
  const auto bad = run_cli("--stance-model " + broken + " " + seeds());
  CHECK(bad.status == 2);
  CHECK(contains(bad.output, "parallax_compare_test_model.json"));
}

TEST_CASE("compare --by speaker works on one article that reports both readouts") {
  // Each seed reports the White House and the Kremlin readouts of the same call.
  for (const auto* seed : {parallax::test::kSeed000, parallax::test::kSeed003}) {
    CAPTURE(seed);
    const auto r = run_cli("--by speaker --format json " + parallax::test::seed_path(seed), false);
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.output);
    CHECK(j.at("documents").size() == 1);
    std::vector<std::string> sides;
    for (const auto& side : j.at("sides")) sides.push_back(side.at("name"));
    CHECK(std::find(sides.begin(), sides.end(), "White House") != sides.end());
    CHECK(std::find(sides.begin(), sides.end(), "Kremlin") != sides.end());
    CHECK(!j.at("alignments").empty());
  }
}

namespace {

// The text of a record of the bundled corpus, written to a file named after its id.
std::string corpus_record_file(const std::string& id) {
  std::ifstream in(std::string(PARALLAX_SOURCE_DIR) + "/examples/corpus.jsonl");
  for (std::string line; std::getline(in, line);) {
    const auto record = nlohmann::json::parse(line);
    if (record.at("id") == id) return temp_file(id + ".txt", record.at("title").get<std::string>() + "\n" + record.at("text").get<std::string>());
  }
  FAIL("no record " << id << " in examples/corpus.jsonl");
  return "";
}

// The alignment (label) between the claims holding `left_words` and `right_words`, or "".
std::string label_between(const nlohmann::json& j, const std::string& left_words, const std::string& right_words) {
  std::map<std::string, std::string> text_of;
  for (const auto& c : j.at("claims")) text_of[c.at("id")] = c.at("text");
  for (const auto& a : j.at("alignments")) {
    const std::string& l = text_of[a.at("left")];
    const std::string& r = text_of[a.at("right")];
    if (l.find(left_words) != std::string::npos && r.find(right_words) != std::string::npos) return a.at("label");
  }
  return "";
}

}  // namespace

TEST_CASE("compare aligns claims across languages by meaning (the Kremlin statement in English and Russian)") {
  const std::string english = corpus_record_file("call-en-kremlin"), russian = corpus_record_file("call-ru");
  const auto r = run_cli("--format json " + english + " " + russian, false);
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.output);
  CHECK(j.at("alignments").size() >= 4);
  CHECK(label_between(j, "frank and business-like", "деловой и откровенный") == "agree");
  CHECK(label_between(j, "normalizing relations", "нормализация отношений") == "agree");
  CHECK(label_between(j, "exchange of diplomatic notes", "обменом дипломатическими нотами") == "agree");
  // Without the concept table the two languages share no word: nothing aligns.
  const auto monolingual = run_cli("--format json --cross-lingual false " + english + " " + russian, false);
  REQUIRE(monolingual.status == 0);
  CHECK(nlohmann::json::parse(monolingual.output).at("alignments").empty());
}

TEST_CASE("a near-duplicate copy counts once: the earliest dated member represents it") {
  // The bundled corpus holds seed-003 (26 Jan) and an aggregator's lightly edited copy (27 Jan).
  std::ifstream in(std::string(PARALLAX_SOURCE_DIR) + "/examples/corpus.jsonl");
  std::string records;
  for (std::string line; std::getline(in, line);) {
    const auto id = nlohmann::json::parse(line).at("id").get<std::string>();
    if (id == "seed-000" || id == "seed-003" || id == "seed-003-copy") records += line + "\n";
  }
  const std::string corpus = temp_file("copies.jsonl", records);
  auto r = run_cli("--format json " + corpus, false);
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.output);
  std::map<std::string, nlohmann::json> copy_of;
  for (const auto& d : j.at("documents")) copy_of[d.at("id")] = d.at("copy_of");
  CHECK(copy_of["seed-003-copy"] == "seed-003");
  CHECK(copy_of["seed-003"].is_null());
  CHECK(copy_of["seed-000"].is_null());
  for (const auto& c : j.at("claims")) CHECK(c.at("document") != "seed-003-copy");
  // --keep-copies compares the copy as a document of its own.
  r = run_cli("--format json --keep-copies " + corpus, false);
  REQUIRE(r.status == 0);
  j = nlohmann::json::parse(r.output);
  CHECK(std::any_of(j.at("claims").begin(), j.at("claims").end(),
                    [](const auto& c) { return c.at("document") == "seed-003-copy"; }));
}

TEST_CASE("weak related pairs of two topics are not shown: their claims are said by one side only") {
  const auto shown = nlohmann::json::parse(run_cli("--by speaker --format json " + seeds(), false).output);
  const auto all = nlohmann::json::parse(run_cli("--by speaker --format json --keep-weak-related " + seeds(), false).output);
  CHECK(shown.at("alignments").size() < all.at("alignments").size());
  CHECK(shown.at("unaligned").size() > all.at("unaligned").size());
  // Agreements and conflicts are never dropped.
  const auto strong = [](const nlohmann::json& j) {
    return std::count_if(j.at("alignments").begin(), j.at("alignments").end(),
                         [](const auto& a) { return a.at("label") != "related"; });
  };
  CHECK(strong(shown) == strong(all));
}

TEST_CASE("compare picks documents from a JSONL corpus by --ids or by --event") {
  const std::string corpus = std::string(PARALLAX_SOURCE_DIR) + "/examples/corpus.jsonl";
  auto r = run_cli("--by speaker --format json --ids call-en-kremlin,call-ru " + corpus, false);
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.output);
  REQUIRE(j.at("documents").size() == 2);
  CHECK(j.at("documents")[0].at("id") == "call-en-kremlin");
  CHECK(j.at("documents")[1].at("id") == "call-ru");
  // Event 0 of `cluster` on the bundled corpus is the call: its six reports in three languages.
  r = run_cli("--by speaker --format json --event 0 " + corpus, false);
  REQUIRE(r.status == 0);
  j = nlohmann::json::parse(r.output);
  std::set<std::string> ids;
  for (const auto& d : j.at("documents")) ids.insert(d.at("id"));
  CHECK(ids == std::set<std::string>{"seed-000", "seed-003", "seed-003-copy", "call-en-wh", "call-en-kremlin", "call-ru"});
  // Unknown ids and events are named; nothing is compared.
  r = run_cli("--ids nope,call-ru " + corpus);
  CHECK(r.status == 3);
  CHECK(contains(r.output, "no document with id nope"));
  r = run_cli("--event 99 " + corpus);
  CHECK(r.status == 3);
  CHECK(contains(r.output, "--event 99"));
}

TEST_CASE("compare text output isolates each cell so a bidi terminal keeps the columns") {
  const auto r = run_cli("--width 120 " + seeds(), false);
  REQUIRE(r.status == 0);
  const std::string fsi = "\u2068", pdi = "\u2069";
  std::istringstream lines(r.output);
  int rows = 0;
  for (std::string line; std::getline(lines, line);) {
    const std::size_t bar = line.find(" | ");
    if (line.rfind("  ", 0) != 0 || bar == std::string::npos) continue;
    ++rows;
    const std::string left = line.substr(2, bar - 2), right = line.substr(bar + 3);
    // Every non-empty cell is one isolate: it opens first and closes before the padding.
    if (left.find_first_not_of(' ') != std::string::npos) {
      CHECK(left.rfind(fsi, 0) == 0);
      CHECK(left.find(pdi) != std::string::npos);
      CHECK(left.find_last_not_of(' ') + 1 == left.rfind(pdi) + pdi.size());
    }
    if (!right.empty()) {
      CHECK(right.rfind(fsi, 0) == 0);
      CHECK(right.size() >= pdi.size());
      CHECK(right.compare(right.size() - pdi.size(), pdi.size(), pdi) == 0);
    }
  }
  CHECK(rows > 10);
}

TEST_CASE("compare html: conflicts come first and the words where the accounts differ are marked") {
  const std::string a = temp_file("rose.txt", "The company said profits rose sharply in the third quarter.\n");
  const std::string b = temp_file("fell.txt", "The company said profits fell sharply in the third quarter.\n");
  const auto r = run_cli("--format html " + a + " " + b, false);
  REQUIRE(r.status == 0);
  CHECK(contains(r.output, "<mark>rose</mark>"));
  CHECK(contains(r.output, "<mark>fell</mark>"));
  CHECK(!contains(r.output, "<mark>profits</mark>"));
  // On the seeds, the first row of every table is its conflict when it has one.
  const auto seeds_page = run_cli("--format html " + seeds(), false).output;
  const std::size_t first_row = seeds_page.find("<tr class=");
  REQUIRE(first_row != std::string::npos);
  CHECK(seeds_page.compare(first_row, std::string("<tr class=\"conflict\"").size(), "<tr class=\"conflict\"") == 0);
}

TEST_CASE("compare's threshold flags are the option table's rows: bad values are usage errors naming the flag") {
  auto r = run_cli("--agree-threshold x " + seeds());
  CHECK(r.status == 2);
  CHECK(contains(r.output, "agree_threshold"));
  r = run_cli("--agree-threshold 0.01 " + seeds());
  CHECK(r.status == 2);
  CHECK(contains(r.output, "--agree-threshold must lie in [align-threshold, 1]"));
  r = run_cli("--help");
  CHECK(contains(r.output, "--cross-agree-threshold"));
  CHECK(contains(r.output, "(=0.16)"));
}

TEST_CASE("compare: an alias file with a byte-order mark reads, a folder given as one is named") {
  const std::string bom = temp_file("bom_aliases.txt", "\xEF\xBB\xBF[speakers]\nKremlin = the Kremlin press office\n");
  CHECK(run_cli("-a " + bom + " " + seeds()).status == 0);
  const auto r = run_cli("-a " + std::filesystem::temp_directory_path().string() + " " + seeds());
  CHECK(r.status == 2);
  CHECK(contains(r.output, "is a folder, not an alias file"));
}

TEST_CASE("compare: a warning about a kept record does not stop the comparison, a rejected record does") {
  std::ifstream in(std::string(PARALLAX_SOURCE_DIR) + "/examples/corpus.jsonl");
  std::string kept, rejected;
  for (std::string line; std::getline(in, line);) {
    auto record = nlohmann::json::parse(line);
    if (record.at("id") != "call-en-kremlin" && record.at("id") != "call-ru") continue;
    if (record.at("id") == "call-ru") record["date"] = "26 January";  // not YYYY-MM-DD: warned, ignored
    kept += record.dump() + "\n";
  }
  rejected = kept + "{\"id\": \"broken\"}\n";  // no text: rejected
  auto r = run_cli("--by speaker " + temp_file("date_warning.jsonl", kept));
  CHECK(r.status == 0);
  CHECK(contains(r.output, "unparseable date"));
  r = run_cli("--by speaker " + temp_file("rejected_record.jsonl", rejected));
  CHECK(r.status == 3);
  CHECK(contains(r.output, "nothing compared"));
}
