// End-to-end tests of the input formats through the real CLI: CSV/TSV with --id-column and
// --text-column for every command that reads a corpus, gzip input, folders of one name.
#include <doctest/doctest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "cli_process.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using parallax::test::CliRun;
using parallax::test::run_cli;

// A scratch folder removed at the end of the test.
struct ScratchDir {
  fs::path path = fs::temp_directory_path() / ("parallax_cli_input_test_" + std::to_string(::getpid()));
  ScratchDir() { fs::create_directories(path); }
  ~ScratchDir() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& content) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << content;
    return (path / name).string();
  }
  std::string write_gzip(const std::string& name, const std::string& content) const {
    const std::string file = (path / name).string();
    gzFile out = gzopen(file.c_str(), "wb");
    REQUIRE(out != nullptr);
    gzwrite(out, content.data(), static_cast<unsigned>(content.size()));
    REQUIRE(gzclose(out) == Z_OK);
    return file;
  }
};

std::set<std::string> member_ids(const json& report) {
  std::set<std::string> ids;
  for (const auto& e : report["events"])
    for (const auto& m : e["members"]) ids.insert(m["id"].get<std::string>());
  return ids;
}

// Three reports of one event (Arabic, Russian, English) and an unrelated one, with a quoted line
// break, doubled quotes and an RSS date, under column names of a scraper's export.
const std::string kArticles =
    "\xEF\xBB\xBF" "guid,Headline,Body,Outlet,date\r\n"
    "ar-1,قمة جنيف,\"التقى الرئيسان بايدن وبوتين في جنيف يوم الأربعاء.\r\nوقال بايدن إن المحادثات كانت جيدة.\",الجزيرة,"
    "\"Wed, 16 Jun 2021 18:04:00 +0300\"\r\n"
    "ru-1,Саммит в Женеве,\"Президенты Байден и Путин встретились в Женеве в среду. Байден назвал переговоры \"\"хорошими\"\".\","
    "ТАСС,20210616\r\n"
    "en-1,Geneva summit,\"Presidents Biden and Putin met in Geneva on Wednesday; Biden called the talks good.\",Reuters,"
    "2021-06-16\r\n"
    "en-2,Volcano,\"Lava flowed from a fissure near Reykjavik on Friday, drawing crowds of hikers.\",AP,2021-03-19\r\n";

}  // namespace

TEST_CASE("cli: a CSV export is read with --id-column and --text-column by every command") {
  ScratchDir dir;
  const std::string csv = dir.write("articles.csv", kArticles);
  const std::string columns = " --id-column guid --text-column body ";

  const CliRun cluster = run_cli("cluster --quiet --format json" + columns + csv);
  REQUIRE(cluster.exit_code == 0);
  CHECK(cluster.err.empty());
  const json report = json::parse(cluster.out);
  CHECK(member_ids(report) == std::set<std::string>{"ar-1", "ru-1", "en-1", "en-2"});
  for (const auto& e : report["events"])
    for (const auto& m : e["members"]) {
      if (m["id"] == "ar-1") {
        CHECK(m["date"] == "2021-06-16T18:04:00+03:00");
        CHECK(m["extra"]["Headline"] == "قمة جنيف");
        CHECK(m["extra"]["Outlet"] == "الجزيرة");
      }
      if (m["id"] == "ru-1") CHECK(m["date"] == "2021-06-16");
    }

  const CliRun dedup = run_cli("dedup --quiet --format json" + columns + csv);
  REQUIRE(dedup.exit_code == 0);
  CHECK(json::parse(dedup.out)["input"]["documents"] == 4);

  const CliRun compare = run_cli("compare --format json --ids ru-1,en-1" + columns + csv);
  CHECK(compare.exit_code == 0);
  CHECK(json::parse(compare.out)["documents"].size() == 2);

  const CliRun event_report = run_cli("report --quiet --format json" + columns + csv);
  CHECK(event_report.exit_code == 0);
  CHECK(event_report.out.find("ru-1") != std::string::npos);

  // Without the flags the header has no "id" column: named, with the flag to use, and nothing read.
  const CliRun plain = run_cli("cluster --quiet " + csv);
  CHECK(plain.exit_code == 3);
  CHECK(plain.err.find(csv + ":1: no \"id\" column in the header") != std::string::npos);
  CHECK(plain.err.find("--id-column") != std::string::npos);
}

TEST_CASE("cli: a broken CSV row is named with its line, the rest is clustered, --strict exits 3") {
  ScratchDir dir;
  const std::string csv = dir.write("news.csv", "id,text\n"
                                                "a,\"Lava flowed from the fissure near Reykjavik on Friday.\"\n"
                                                "b,\"a quote \"broken\" here\"\n"
                                                "c,one,field too many\n"
                                                "d,\"لم يرد بايدن على سؤال الصحفيين.\"\n");
  const CliRun run = run_cli("cluster --format json " + csv);
  CHECK(run.exit_code == 0);
  CHECK(member_ids(json::parse(run.out)) == std::set<std::string>{"a", "d"});
  CHECK(run.err.find(csv + ":3: text after the closing quote of a field") != std::string::npos);
  CHECK(run.err.find(csv + ":4: 3 fields where the header has 2") != std::string::npos);
  CHECK(run.err.find("2 records rejected") != std::string::npos);
  CHECK(run_cli("cluster --strict --format json " + csv).exit_code == 3);
  CHECK(run_cli("compare " + csv).exit_code == 3);  // compare never compares part of its input
}

TEST_CASE("cli: gzip input is read, and broken gzip data is named with a non-zero exit") {
  ScratchDir dir;
  const std::string csv = dir.write_gzip("articles.CSV.GZ", kArticles);
  const CliRun run = run_cli("dedup --quiet --format json --id-column GUID --text-column Body " + csv);
  REQUIRE(run.exit_code == 0);
  CHECK(json::parse(run.out)["input"]["documents"] == 4);

  const std::string broken = dir.write("broken.jsonl.gz", std::string("\x1f\x8b\x08\x00", 4) + "not deflate data");
  const CliRun bad = run_cli("cluster --quiet " + broken);
  CHECK(bad.exit_code == 3);
  CHECK(bad.err.find(broken + ": broken gzip data (") != std::string::npos);
  CHECK(bad.out.empty());
}

TEST_CASE("cli: two folders holding x.txt give two documents, each id under its folder's name") {
  ScratchDir dir;
  dir.write("ar/x.txt", "لم يرد بايدن على سؤال الصحفيين في جنيف.");
  dir.write("en/x.txt", "Lava flowed from the fissure near Reykjavik on Friday.");
  const CliRun run = run_cli("cluster --quiet --format json " + (dir.path / "ar").string() + " " +
                                      (dir.path / "en").string());
  REQUIRE(run.exit_code == 0);
  CHECK(run.err.empty());
  CHECK(member_ids(json::parse(run.out)) == std::set<std::string>{"ar/x", "en/x"});
}
