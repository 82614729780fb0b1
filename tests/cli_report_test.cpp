// End-to-end tests of `parallax report` on the bundled example corpus, through the real CLI.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_process.hpp"

namespace {

using ReportRun = parallax::test::ShellRun;

ReportRun run_report(const std::string& args) {
  return parallax::test::run_shell(std::string(PARALLAX_CLI) + " report --quiet " + args + " 2>&1");
}

const std::string kCorpus = std::string(PARALLAX_SOURCE_DIR) + "/examples/corpus.jsonl";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("report json: every event with its coverage, the call compared by speaker, conflicts first") {
  const ReportRun run = run_report("--format json " + kCorpus);
  REQUIRE(run.exit_code == 0);
  const auto report = nlohmann::json::parse(run.out);
  CHECK(report.at("schema_version") == 1);
  CHECK(report.at("by") == "speaker");
  const auto& events = report.at("events");
  REQUIRE(events.size() == 4);
  for (std::size_t i = 1; i < events.size(); ++i) CHECK(events[i - 1].at("conflicts") >= events[i].at("conflicts"));
  const auto call = std::find_if(events.begin(), events.end(), [](const auto& e) {
    return std::any_of(e.at("members").begin(), e.at("members").end(), [](const auto& m) { return m.at("id") == "call-ru"; });
  });
  REQUIRE(call != events.end());
  CHECK(call->at("languages") == nlohmann::json::array({"ar", "en", "ru"}));
  const auto& comparison = call->at("comparison");
  REQUIRE(comparison.is_object());
  std::vector<std::string> sides;
  for (const auto& side : comparison.at("sides")) sides.push_back(side.at("name"));
  CHECK(std::find(sides.begin(), sides.end(), "White House") != sides.end());
  CHECK(std::find(sides.begin(), sides.end(), "Kremlin") != sides.end());
  // The single-document event has no comparison, and says why.
  const auto single = std::find_if(events.begin(), events.end(), [](const auto& e) { return e.at("size") == 1; });
  REQUIRE(single != events.end());
  CHECK(single->at("comparison").is_null());
  CHECK(single->at("comparison_note") == "one document");
  CHECK(report.at("translations").size() == 2);
}

TEST_CASE("report md and html: an index of events linking to each event's coverage and claims") {
  const ReportRun md = run_report("--format md " + kCorpus);
  REQUIRE(md.exit_code == 0);
  CHECK(contains(md.out, "# parallax report"));
  CHECK(contains(md.out, "](#event-"));
  CHECK(contains(md.out, "### Who said what"));
  // The index counts each event's sources: the call was covered by five outlets.
  CHECK(contains(md.out, "| event | dates | languages | sources | documents | conflicts | agreements |"));
  CHECK(contains(md.out, "| ar, en, ru | 5 | 6 |"));
  // Claims are shown by topic; the first event's first topic holds its conflict (the Iceland
  // wires' 30 vs 40 km), and the call's readouts meet in a topic of their own.
  CHECK(contains(md.out, "#### Topics the sides share"));
  std::vector<std::string> headings;
  for (auto at = md.out.find("##### Topic "); at != std::string::npos; at = md.out.find("##### Topic ", at + 1))
    headings.push_back(md.out.substr(at, md.out.find('\n', at) - at));
  REQUIRE(!headings.empty());
  CHECK(contains(headings.front(), "Topic 1: "));
  CHECK(contains(headings.front(), "(1 conflict, "));
  CHECK(std::any_of(headings.begin(), headings.end(),
                    [](const std::string& h) { return contains(h, "White House") && contains(h, "Kremlin"); }));

  const std::string page = (std::filesystem::temp_directory_path() / ("parallax_report_" + std::to_string(::getpid()) + ".html")).string();
  const ReportRun html = run_report(kCorpus + " -o " + page);  // the format follows the extension
  REQUIRE(html.exit_code == 0);
  std::ifstream in(page);
  std::stringstream text;
  text << in.rdbuf();
  std::filesystem::remove(page);
  CHECK(text.str().rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(contains(text.str(), "<nav>"));
  CHECK(contains(text.str(), "href=\"#event-"));
  CHECK(contains(text.str(), "dir=\"rtl\""));
  CHECK(contains(text.str(), "class=\"conflict\""));
  CHECK(contains(text.str(), "<section class=\"topic\">"));
  // Every claim says where it comes from: outlet and date of its document.
  CHECK(contains(text.str(), "<bdi>wire (English), 2021-01-26</bdi>"));
  // Every claim links back to its document's row in the coverage table.
  std::size_t links = 0;
  for (auto at = text.str().find("href=\"#doc-"); at != std::string::npos; at = text.str().find("href=\"#doc-", at + 1)) {
    const auto start = at + 7, end = text.str().find('"', start);
    const std::string anchor = text.str().substr(start, end - start);
    CHECK_MESSAGE(contains(text.str(), "<tr id=\"" + anchor + "\">"), anchor);
    ++links;
  }
  CHECK(links >= 10);
  // Self-contained: no script, stylesheet or image to fetch.
  CHECK(!contains(text.str(), "<script"));
  CHECK(!contains(text.str(), "<link"));
  CHECK(!contains(text.str(), "src="));
}

TEST_CASE("report: no readable input is an error and writes no report") {
  const ReportRun run = run_report("--format json /nonexistent/corpus.jsonl");
  CHECK(run.exit_code == 3);
  CHECK(contains(run.out, "/nonexistent/corpus.jsonl"));
  CHECK(contains(run.out, "no report written"));
  CHECK(run_report("--by outlet " + kCorpus).exit_code == 2);
}

TEST_CASE("report offers cluster's and compare's flags, and --strict") {
  const auto agreements = [](const std::string& out) {
    int total = 0;
    const auto report = nlohmann::json::parse(out);
    for (const auto& e : report.at("events")) total += e.at("agreements").get<int>();
    return total;
  };
  const ReportRun plain = run_report("--format json " + kCorpus);
  const ReportRun strict_judge = run_report("--format json --agree-threshold 0.9 --cross-agree-threshold 0.9 " + kCorpus);
  REQUIRE(plain.exit_code == 0);
  REQUIRE(strict_judge.exit_code == 0);
  CHECK(agreements(strict_judge.out) < agreements(plain.out));
  // Clustering flags reach the engine: an event threshold of 0.99 splits the events.
  const ReportRun split = run_report("--format json --event-threshold 0.99 --cross-lingual-threshold 0.99 " + kCorpus);
  REQUIRE(split.exit_code == 0);
  CHECK(nlohmann::json::parse(split.out).at("events").size() > 4);
  CHECK(run_report("--agree-threshold x " + kCorpus).exit_code == 2);
  CHECK(run_report("--dup-threshold 2 " + kCorpus).exit_code == 2);
  CHECK(run_report("-a /nonexistent/aliases.txt " + kCorpus).exit_code == 2);

  // --strict: a rejected record makes the exit status 3, and the report of what was valid is written.
  const std::string corpus = (std::filesystem::temp_directory_path() /
                              ("parallax_report_strict_" + std::to_string(::getpid()) + ".jsonl")).string();
  {
    std::ifstream in(kCorpus);
    std::ofstream out(corpus);
    out << in.rdbuf() << "{\"id\": \"broken\", \"text\": \n";
  }
  const ReportRun lenient = run_report("--format json " + corpus);
  const ReportRun strict = run_report("--strict --format json " + corpus);
  std::filesystem::remove(corpus);
  CHECK(lenient.exit_code == 0);
  CHECK(strict.exit_code == 3);
  CHECK(contains(strict.out, ":14:"));  // the broken line is named
  CHECK(contains(strict.out, "\"rejected\": 1"));
}

TEST_CASE("report reads its corpus once: standard input works like the file") {
  const ReportRun from_file = run_report("--format json " + kCorpus);
  const ReportRun from_stdin = parallax::test::run_shell(std::string(PARALLAX_CLI) + " report --quiet --format json - < " +
                                                         kCorpus + " 2>&1");
  REQUIRE(from_file.exit_code == 0);
  REQUIRE(from_stdin.exit_code == 0);
  const auto file_report = nlohmann::json::parse(from_file.out);
  const auto stdin_report = nlohmann::json::parse(from_stdin.out);
  REQUIRE(file_report.at("events").size() == stdin_report.at("events").size());
  for (std::size_t i = 0; i < file_report.at("events").size(); ++i) {
    CHECK(file_report["events"][i].at("conflicts") == stdin_report["events"][i].at("conflicts"));
    CHECK(file_report["events"][i].at("agreements") == stdin_report["events"][i].at("agreements"));
    CHECK(file_report["events"][i].at("comparison").is_null() == stdin_report["events"][i].at("comparison").is_null());
  }
}
