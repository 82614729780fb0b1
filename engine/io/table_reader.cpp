#include "io/table_reader.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "io/csv_records.hpp"
#include "io/input_file.hpp"

namespace parallax {
namespace {

// Column names are compared as people write them in spreadsheets: "Title " and "title" are one.
std::string column_key(std::string_view name) {
  const std::size_t first = name.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  name = name.substr(first, name.find_last_not_of(" \t") - first + 1);
  std::string key(name);
  std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return key;
}

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

// Where each field of a document is in a record, from the header.
class ColumnMap {
 public:
  // Reads `header`; on failure returns the message for the header's line.
  std::optional<std::string> read_header(const std::vector<std::string>& header, const TableColumns& columns,
                                          std::vector<std::string>& warnings);
  std::size_t width() const { return names_.size(); }
  Document document(const std::vector<std::string>& fields) const;

 private:
  struct Target {
    std::size_t column;
    std::string Document::*member;
  };
  std::vector<std::string> names_;  // as written in the header
  std::vector<Target> targets_;     // id and text first
  std::vector<std::size_t> extras_;  // the other columns, passed through
};

std::optional<std::string> ColumnMap::read_header(const std::vector<std::string>& header, const TableColumns& columns,
                                                   std::vector<std::string>& warnings) {
  names_ = header;
  std::vector<std::string> keys;
  for (const std::string& name : header) keys.push_back(column_key(name));
  const auto column_of = [&](std::string_view name) -> std::optional<std::size_t> {
    const auto found = std::find(keys.begin(), keys.end(), column_key(name));
    if (found == keys.end()) return std::nullopt;
    return static_cast<std::size_t>(found - keys.begin());
  };
  for (const auto& [name, member, option] :
       {std::tuple{std::string_view(columns.id), &Document::id, "--id-column"},
        std::tuple{std::string_view(columns.text), &Document::text, "--text-column"}}) {
    const auto column = column_of(name);
    if (!column) {
      std::string listed;
      for (const std::string& written : header) listed += (listed.empty() ? "" : ", ") + in_quotes(written);
      return "no " + in_quotes(name) + " column in the header (" + listed + "); name the column with " + option;
    }
    targets_.push_back({*column, member});
  }
  constexpr std::array<std::pair<std::string_view, std::string Document::*>, 5> kOptional{
      {{"title", &Document::title},
       {"source", &Document::source},
       {"lang", &Document::lang},
       {"date", &Document::date},
       {"url", &Document::url}}};
  for (const auto& [name, member] : kOptional) {
    if (const auto column = column_of(name)) targets_.push_back({*column, member});
  }
  for (std::size_t column = 0; column < keys.size(); ++column) {
    if (std::find(keys.begin(), keys.begin() + column, keys[column]) != keys.begin() + column) {
      warnings.push_back("column " + in_quotes(header[column]) + " appears twice; the first one is read");
      continue;
    }
    const bool mapped = std::any_of(targets_.begin(), targets_.end(), [&](const Target& t) { return t.column == column; });
    if (!mapped) extras_.push_back(column);
  }
  return std::nullopt;
}

Document ColumnMap::document(const std::vector<std::string>& fields) const {
  Document document;
  // Copied, not moved: --id-column and --text-column may name one column twice (or a known one).
  for (const Target& target : targets_) document.*target.member = fields[target.column];
  for (const std::size_t column : extras_) {
    if (!fields[column].empty()) document.extra_fields.emplace_back(names_[column], nlohmann::json(fields[column]).dump());
  }
  return document;
}

}  // namespace

void read_table_stream(std::FILE* input, char delimiter, const TableColumns& columns, RecordGate& gate) {
  CsvRecordReader reader(input, delimiter);
  CsvRecord record;
  CsvProblem problem;
  ColumnMap map;
  bool have_header = false;
  for (auto outcome = reader.next(record, problem); outcome != CsvRecordReader::Outcome::kEnd;
       outcome = reader.next(record, problem)) {
    if (!have_header) {
      // Without its header no row can be read: the file is reported, as one that cannot be opened.
      if (outcome == CsvRecordReader::Outcome::kProblem) return gate.warn(problem.line, "header: " + problem.message + "; file not read", problem.offset);
      std::vector<std::string> warnings;
      if (auto missing = map.read_header(record.fields, columns, warnings)) return gate.warn(record.line, *missing + "; file not read");
      for (std::string& warning : warnings) gate.warn(record.line, std::move(warning));
      have_header = true;
      continue;
    }
    if (outcome == CsvRecordReader::Outcome::kProblem) {
      gate.reject(problem.line, problem.message, problem.offset);
    } else if (record.fields.size() != map.width()) {
      gate.reject(record.line, std::to_string(record.fields.size()) + " fields where the header has " +
                                   std::to_string(map.width()));
    } else {
      gate.offer(map.document(record.fields), record.line);
    }
  }
  if (reader.read_error()) gate.warn(0, "read error: " + describe_error(reader.read_error()));
}

}  // namespace parallax
