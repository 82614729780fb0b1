// End-to-end tests of `parallax cluster` / `dedup` on the bundled example corpus (built from the two
// seed articles) and on bad input, through the real CLI binary.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include "cli_process.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using parallax::test::CliRun;
using parallax::test::read_file;
using parallax::test::run_cli;

const std::string kCorpus = std::string(PARALLAX_SOURCE_DIR) + "/examples/corpus.jsonl";

json cluster_json(const std::string& extra_args = "") {
  const CliRun run = run_cli("cluster --format json --threads 2 " + extra_args + " " + kCorpus);
  REQUIRE(run.exit_code == 0);
  return json::parse(run.out);
}

std::optional<std::size_t> event_of(const json& report, const std::string& id) {
  for (const auto& e : report["events"])
    for (const auto& m : e["members"])
      if (m["id"] == id) return e["event"].get<std::size_t>();
  return std::nullopt;
}

std::optional<std::size_t> dup_group_of(const json& report, const std::string& id) {
  for (const auto& g : report["near_duplicate_groups"])
    for (const auto& m : g["members"])
      if (m["id"] == id) return g["group"].get<std::size_t>();
  return std::nullopt;
}

// A scratch folder removed at the end of the test.
struct ScratchDir {
  fs::path path = fs::temp_directory_path() / ("parallax_cli_test_" + std::to_string(::getpid()));
  ScratchDir() { fs::create_directories(path); }
  ~ScratchDir() { fs::remove_all(path); }
  fs::path write(const std::string& name, const std::string& content) const {
    std::ofstream(path / name, std::ios::binary) << content;
    return path / name;
  }
};

}  // namespace

TEST_CASE("cli: the two seed articles share one event but are not near-duplicates") {
  const json report = cluster_json();
  CHECK(report["schema_version"] == "1.3");
  CHECK(report["input"]["documents"] == 13);
  const auto seed0 = event_of(report, "seed-000");
  const auto seed3 = event_of(report, "seed-003");
  REQUIRE(seed0);
  REQUIRE(seed3);
  CHECK(*seed0 == *seed3);
  CHECK((!dup_group_of(report, "seed-000") || dup_group_of(report, "seed-000") != dup_group_of(report, "seed-003")));
}

TEST_CASE("cli: a lightly edited copy of a seed is its near-duplicate, and nothing else is") {
  const json report = cluster_json();
  const auto copy = dup_group_of(report, "seed-003-copy");
  REQUIRE(copy);
  CHECK(dup_group_of(report, "seed-003") == copy);
  REQUIRE(report["near_duplicate_groups"].size() == 1);
  CHECK(report["near_duplicate_groups"][0]["size"] == 2);
  CHECK(event_of(report, "seed-003-copy") == event_of(report, "seed-003"));
}

TEST_CASE("cli: documents on unrelated events land in other clusters") {
  const json report = cluster_json();
  const auto call = event_of(report, "seed-003");
  for (const char* id : {"volcano-en-1", "volcano-en-2", "volcano-ru", "oil-ar-1", "oil-ar-2", "final-en"}) {
    CAPTURE(id);
    CHECK(event_of(report, id) != call);
  }
  CHECK(event_of(report, "volcano-en-1") == event_of(report, "volcano-en-2"));
  CHECK(event_of(report, "oil-ar-1") == event_of(report, "oil-ar-2"));
  CHECK(event_of(report, "volcano-en-1") != event_of(report, "oil-ar-1"));
}

TEST_CASE("cli: dedup reports near-duplicate groups only") {
  const CliRun run = run_cli("dedup --format json " + kCorpus);
  REQUIRE(run.exit_code == 0);
  const json report = json::parse(run.out);
  CHECK(report["command"] == "dedup");
  CHECK_FALSE(report.contains("events"));
  CHECK(report["near_duplicate_groups"].size() == 1);
}

TEST_CASE("cli: text, Markdown and HTML reports show the Arabic titles as they are") {
  const std::string title = "أول محادثة هاتفية بين بايدن وبوتين";
  CHECK(run_cli("cluster " + kCorpus).out.find(title) != std::string::npos);
  CHECK(run_cli("cluster --format md " + kCorpus).out.find("## Event 0") != std::string::npos);
  const CliRun html = run_cli("cluster --format html " + kCorpus);
  CHECK(html.out.find(title) != std::string::npos);
  CHECK(html.out.find("dir=\"auto\"") != std::string::npos);
}

TEST_CASE("cli: bad records are reported with file and line, valid ones still clustered") {
  ScratchDir dir;
  const std::string good1 = R"({"id":"a","text":"Lava flowed from the fissure near Reykjavik on Friday."})";
  const std::string good2 = R"({"id":"b","text":"لم يرد بايدن على سؤال الصحفيين."})";
  const std::string content = good1 + "\n" +
                              "{\"id\":\"broken\",\"text\":\n" +                     // line 2: broken JSON
                              "{\"text\":\"no id here\"}\n" +                          // line 3: missing id
                              "{\"id\":\"c\",\"text\":\"bad \xff byte\"}\n" +          // line 4: invalid UTF-8
                              R"({"id":"a","text":"duplicate id"})" "\n" +            // line 5: duplicate id
                              R"({"id":"e","text":"   "})" "\n" +                     // line 6: empty text
                              good2 + "\n";
  const fs::path corpus = dir.write("mixed.jsonl", content);
  const CliRun run = run_cli("cluster --format json " + corpus.string());
  CHECK(run.exit_code == 0);
  const json report = json::parse(run.out);
  CHECK(report["input"]["documents"] == 2);
  CHECK(report["input"]["rejected"] == 5);
  for (int line = 2; line <= 6; ++line) {
    CAPTURE(line);
    CHECK(run.err.find("mixed.jsonl:" + std::to_string(line) + ":") != std::string::npos);
  }
  CHECK(run.err.find("5 records rejected") != std::string::npos);
  CHECK(run_cli("cluster --strict --format json " + corpus.string()).exit_code == 3);
}

TEST_CASE("cli: a missing file is named, other inputs still read, and --strict makes it fatal") {
  ScratchDir dir;
  const fs::path good = dir.write("ok.txt", "Chelsea won the final in Porto.");
  const std::string missing = (dir.path / "nowhere.jsonl").string();
  const CliRun run = run_cli("dedup --format json " + missing + " " + good.string());
  CHECK(run.exit_code == 0);
  CHECK(run.err.find("nowhere.jsonl") != std::string::npos);
  CHECK(json::parse(run.out)["input"]["documents"] == 1);
  CHECK(run_cli("dedup --strict " + missing + " " + good.string()).exit_code == 3);
}

TEST_CASE("cli: bands and rows follow --dup-threshold, and --containment reports partial copies in every format") {
  const json at_default = cluster_json();
  CHECK(at_default["parameters"]["bands"] == 32);  // 32 x 4 at 0.45 and 128 hashes
  CHECK(at_default["parameters"]["rows"] == 4);
  CHECK(at_default["parameters"]["containment"] == 0.0);
  CHECK(at_default["partial_copies"].empty());
  const json low = json::parse(run_cli("dedup --format json --dup-threshold 0.25 " + kCorpus).out);
  CHECK(low["parameters"]["rows"] == 2);
  const json given = json::parse(run_cli("dedup --format json --bands 20 --rows 6 " + kCorpus).out);
  CHECK(given["parameters"]["bands"] == 20);
  CHECK(given["parameters"]["rows"] == 6);

  // The first 40% of seed-003: a partial copy of it and of its near-duplicate seed-003-copy.
  ScratchDir dir;
  std::string article;
  std::istringstream corpus(read_file(kCorpus));
  std::ofstream out(dir.path / "corpus.jsonl");
  for (std::string line; std::getline(corpus, line);) {
    out << line << "\n";
    const json record = json::parse(line);
    if (record["id"] == "seed-003") article = record["text"];
  }
  REQUIRE(!article.empty());
  const std::string excerpt = article.substr(0, article.find(' ', article.size() * 2 / 5));
  out << json{{"id", "seed-003-excerpt"}, {"text", excerpt}}.dump() << "\n";
  out.close();
  const std::string input = (dir.path / "corpus.jsonl").string();
  const json report = json::parse(run_cli("cluster --format json --containment 0.8 " + input).out);
  std::set<std::pair<std::string, std::string>> pairs;
  for (const auto& p : report["partial_copies"]) {
    pairs.emplace(p["contained"], p["container"]);
    CHECK(p["containment"].get<double>() >= 0.8);
  }
  CHECK(pairs == std::set<std::pair<std::string, std::string>>{{"seed-003-excerpt", "seed-003"},
                                                               {"seed-003-excerpt", "seed-003-copy"}});
  const CliRun text = run_cli("dedup --containment 0.8 " + input);
  CHECK(text.out.find("Partial copies") != std::string::npos);
  CHECK(text.out.find("seed-003-excerpt in seed-003 (C~") != std::string::npos);
  CHECK(run_cli("cluster --format html --containment 0.8 " + input).out.find("<h2>Partial copies</h2>") !=
        std::string::npos);
  CHECK(run_cli("dedup " + input).out.find("Partial copies") == std::string::npos);  // off by default
}

TEST_CASE("cli: bad options give usage errors") {
  CHECK(run_cli("cluster --format yaml " + kCorpus).exit_code == 2);
  CHECK(run_cli("cluster --bands 30 " + kCorpus).exit_code == 2);
  const CliRun too_many_rows = run_cli("dedup --bands 30 --rows 5 " + kCorpus);
  CHECK(too_many_rows.exit_code == 2);
  CHECK(too_many_rows.err.find("bands x rows (30 x 5) must not exceed hashes (128)") != std::string::npos);
  CHECK(run_cli("dedup --containment 2 " + kCorpus).exit_code == 2);
  CHECK(run_cli("cluster").exit_code == 2);
  CHECK(run_cli("frobnicate").exit_code == 2);
  const CliRun help = run_cli("cluster --help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--event-threshold") != std::string::npos);
}

// ---- events across languages (the concept layer, engine/lexicon) ----

TEST_CASE("cli: coverage of one event in Arabic, English and Russian is one event") {
  const json report = cluster_json();
  const auto call = event_of(report, "seed-000");
  const auto volcano = event_of(report, "volcano-en-1");
  const auto oil = event_of(report, "oil-ar-1");
  REQUIRE(call);
  REQUIRE(volcano);
  REQUIRE(oil);
  for (const char* id : {"seed-003", "call-en-wh", "call-en-kremlin", "call-ru"}) {
    CAPTURE(id);
    CHECK(event_of(report, id) == call);
  }
  for (const char* id : {"volcano-en-2", "volcano-ru", "volcano-ru-2"}) {
    CAPTURE(id);
    CHECK(event_of(report, id) == volcano);
  }
  CHECK(event_of(report, "oil-ar-2") == oil);
  CHECK(volcano != call);
  CHECK(oil != call);
  CHECK(oil != volcano);
  CHECK(event_of(report, "final-en") != call);
  CHECK(event_of(report, "final-en") != volcano);
  CHECK(event_of(report, "final-en") != oil);

  const json& event = report["events"][*call];
  CHECK(event["languages"] == json::array({"ar", "en", "ru"}));
  CHECK(event["sources"].size() >= 4);
  for (const auto& m : event["members"])
    if (m["id"] == event["representative"]) CHECK(event["label"] == m["title"]);
}

TEST_CASE("cli: --cross-lingual false keeps every event inside one language") {
  const json report = cluster_json("--cross-lingual false");
  CHECK(event_of(report, "call-ru") != event_of(report, "call-en-wh"));
  CHECK(event_of(report, "volcano-ru") != event_of(report, "volcano-en-1"));
}

TEST_CASE("cli: top terms are words a reader knows, not stems") {
  const json report = cluster_json();
  std::string corpus_text = read_file(kCorpus);
  for (char& c : corpus_text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& event : report["events"]) {
    if (event["languages"] != json::array({"en"})) continue;  // other languages show English glosses
    for (const auto& term : event["top_terms"]) {
      CAPTURE(term);
      CHECK(corpus_text.find(term.get<std::string>()) != std::string::npos);
    }
  }
}

TEST_CASE("cli: a lexicon file with a bad line is named with its line and exits 2") {
  ScratchDir dir;
  const fs::path lexicon = dir.write("mine.tsv", "# word\tlang\tgloss\nкнига\tru\tbook\nbroken line without tabs\n");
  const CliRun run = run_cli("cluster --lexicon " + lexicon.string() + " " + kCorpus);
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("mine.tsv:3:") != std::string::npos);
  CHECK(run.out.empty());
  const fs::path bad_weight = dir.write("weight.tsv", "книга\tru\tbook\t7\n");
  CHECK(run_cli("cluster --lexicon " + bad_weight.string() + " " + kCorpus).err.find("weight.tsv:1:") != std::string::npos);
  CHECK(run_cli("cluster --cross-lingual false --lexicon " + lexicon.string() + " " + kCorpus).exit_code == 2);
  CHECK(run_cli("cluster --lexicon " + dir.path.string() + " " + kCorpus).exit_code == 2);
  CHECK(run_cli("cluster --lexicon " + (dir.path / "absent.tsv").string() + " " + kCorpus).exit_code == 2);
}

// German has no lexicon here: its words stay German stems, but the names (in any script) and the
// numbers still meet the English coverage.
TEST_CASE("cli: a document in a language without a lexicon still clusters by names and numbers") {
  ScratchDir dir;
  const fs::path corpus = dir.write("de.jsonl", R"({"id": "en-volcano", "lang": "en", "date": "2023-12-19", "text": "A volcano erupted on the Reykjanes peninsula near Grindavik in Iceland on 18 December 2023. Lava fountains rose 100 metres; Grindavik had been evacuated in November. The Icelandic Met Office said the fissure near Sundhnukur was 4 kilometres long."}
{"id": "de-volcano", "lang": "de", "date": "2023-12-19", "text": "Auf der Halbinsel Reykjanes nahe Grindavik ist am 18. Dezember 2023 ein Vulkan ausgebrochen. Die Lava schoss 100 Meter hoch; Grindavik war schon im November geräumt worden. Die Spalte bei Sundhnukur ist laut dem isländischen Wetteramt 4 Kilometer lang."}
{"id": "en-final", "lang": "en", "date": "2023-12-19", "text": "Chelsea beat Real Madrid in the cup final in Porto on Saturday. Kai Havertz scored the only goal before half time and the London club held on for the trophy."}
{"id": "de-budget", "lang": "de", "date": "2023-12-19", "text": "Der Bundestag hat am Donnerstag den Haushalt beschlossen. Finanzminister Lindner sprach von einem soliden Etat, die Opposition kritisierte neue Schulden."}
)");
  const CliRun run = run_cli("cluster --format json " + corpus.string());
  REQUIRE(run.exit_code == 0);
  const json report = json::parse(run.out);
  CHECK(event_of(report, "de-volcano") == event_of(report, "en-volcano"));
  CHECK(event_of(report, "en-final") != event_of(report, "en-volcano"));
  CHECK(event_of(report, "de-budget") != event_of(report, "en-volcano"));
}

TEST_CASE("cli: a document and its translation are reported as a cross-language copy") {
  // The bundled volcano reports are each translated into Russian (examples/make_corpus.py); the
  // English and Russian accounts of the call are written apart, in their own order.
  const json report = cluster_json();
  std::set<std::pair<std::string, std::string>> pairs;
  for (const auto& t : report["translations"]) {
    pairs.emplace(t["documents"][0], t["documents"][1]);
    CHECK(t["languages"][0] != t["languages"][1]);
    CHECK(t["score"].get<double>() >= report["parameters"]["translation_threshold"].get<double>());
  }
  const std::set<std::pair<std::string, std::string>> expected = {{"volcano-en-1", "volcano-ru"},
                                                                   {"volcano-en-2", "volcano-ru-2"}};
  CHECK(pairs == expected);
  const CliRun text = run_cli("cluster --threads 2 " + kCorpus);
  CHECK(text.out.find("volcano-ru [ru] 2021-03-20 (newswire (Russian)): В Исландии началось извержение вулкана  "
                      "{translation of volcano-en-1}") != std::string::npos);
  CHECK(cluster_json("--translations false")["translations"].empty());
  CHECK(cluster_json("--cross-lingual false")["translations"].empty());
  CHECK(run_cli("cluster --translation-threshold 0 " + kCorpus).exit_code == 2);
}

TEST_CASE("cli: a temporary folder that cannot be written is named with exit 1 and never an abort") {
  const CliRun run = run_cli("cluster " + kCorpus, "TMPDIR=/nonexistent/parallax-tmp ");
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("/nonexistent/parallax-tmp") != std::string::npos);
  CHECK(run_cli("cluster --translations false " + kCorpus, "TMPDIR=/nonexistent/parallax-tmp ").exit_code == 0);
}

// ---- no lost output (issue 12's first items) ----

TEST_CASE("cli: a report that cannot be written is an error, for -o and for stdout") {
  for (const char* command : {"cluster", "dedup", "report"}) {
    CAPTURE(command);
    const CliRun to_file = run_cli(std::string(command) + " --quiet -o /dev/full " + kCorpus);
    CHECK(to_file.exit_code == 1);
    CHECK(to_file.err.find("/dev/full") != std::string::npos);
    const CliRun to_stdout = run_cli(std::string(command) + " --quiet " + kCorpus + " > /dev/full");
    CHECK(to_stdout.exit_code == 1);
    CHECK(to_stdout.err.find("standard output") != std::string::npos);
  }
}

TEST_CASE("cli: no input read means no report, and the previous report stays") {
  ScratchDir dir;
  const fs::path previous = dir.write("report.json", "{\"previous\": true}\n");
  const CliRun run = run_cli("cluster --quiet -f json -o " + previous.string() + " " + (dir.path / "missing.jsonl").string());
  CHECK(run.exit_code == 3);
  CHECK(run.err.find("no report written") != std::string::npos);
  CHECK(read_file(previous) == "{\"previous\": true}\n");
  for (const auto& entry : fs::directory_iterator(dir.path)) CHECK(entry.path().filename() == "report.json");
}

TEST_CASE("cli: -o naming an input is refused before anything is read") {
  ScratchDir dir;
  const fs::path corpus = dir.write("corpus.jsonl", read_file(kCorpus));
  for (const char* command : {"cluster", "dedup", "report"}) {
    CAPTURE(command);
    const CliRun run = run_cli(std::string(command) + " -o " + corpus.string() + " " + corpus.string());
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("refusing to overwrite") != std::string::npos);
    CHECK(read_file(corpus) == read_file(kCorpus));
  }
}

TEST_CASE("cli: a title's escape sequences and tags are shown as text, not obeyed") {
  ScratchDir dir;
  const fs::path corpus = dir.write(
      "evil.jsonl",
      "{\"id\":\"x1\",\"title\":\"Evil \\u001b[31mRED\\u001b[0m <script>alert(1)</script>\\nsecond line\","
      "\"text\":\"The two ministers met in Geneva on Friday to discuss security.\"}\n");
  const CliRun text = run_cli("cluster --quiet " + corpus.string());
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find('\x1b') == std::string::npos);
  CHECK(text.out.find("Evil \xEF\xBF\xBD[31mRED") != std::string::npos);  // U+FFFD where ESC was
  CHECK(text.out.find("</script> second line") != std::string::npos);     // one line
  const CliRun md = run_cli("cluster --quiet -f md " + corpus.string());
  REQUIRE(md.exit_code == 0);
  CHECK(md.out.find("<script>") == std::string::npos);
  CHECK(md.out.find("&lt;script&gt;") != std::string::npos);
}

TEST_CASE("cli: ids with escape sequences are shown as text in the near-duplicate list too") {
  ScratchDir dir;
  const std::string text = "The two ministers met in Geneva on Friday to discuss security and arms control at length.";
  const fs::path corpus = dir.write("evil_ids.jsonl", "{\"id\":\"a\\u001b[31m1\",\"text\":\"" + text + "\"}\n" +
                                                          "{\"id\":\"a\\u001b[31m2\",\"text\":\"" + text + "\"}\n");
  for (const char* command : {"cluster", "dedup"}) {
    CAPTURE(command);
    const CliRun run = run_cli(std::string(command) + " --quiet " + corpus.string());
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("group 0:") != std::string::npos);
    CHECK(run.out.find('\x1b') == std::string::npos);
  }
}

TEST_CASE("cli: an empty corpus is named and writes no report") {
  ScratchDir dir;
  const fs::path empty = dir.write("empty.jsonl", "");
  for (const char* command : {"cluster", "dedup", "report"}) {
    CAPTURE(command);
    const CliRun run = run_cli(std::string(command) + " " + empty.string());
    CHECK(run.exit_code == 3);
    CHECK(run.err.find("the input holds no document") != std::string::npos);
    CHECK(run.out.empty());
  }
}
