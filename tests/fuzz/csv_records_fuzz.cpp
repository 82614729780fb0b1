// The CSV/TSV record reader (io/csv_records) on arbitrary bytes. The first byte picks the
// delimiter (odd: tab, even: comma). Every input: the reading ends, records start on ascending
// lines inside the input, each record and problem reports a line, and the reader never reads a line
// more than twice (its promise of linear work). Every record read, written back with RFC 4180
// quoting and read again, gives the same fields with no problem: what the reader accepts, it
// understands as a writer meant it.
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "io/csv_records.hpp"

namespace {

using parallax::CsvProblem;
using parallax::CsvRecord;
using parallax::CsvRecordReader;

struct Read {
  std::vector<std::vector<std::string>> records;
  std::vector<std::size_t> record_lines;
  std::size_t problems = 0;
};

Read read(std::string_view content, char delimiter) {
  Read out;
  if (content.empty()) return out;  // fmemopen takes no empty buffer
  std::FILE* stream = parallax::fuzz::open_memory_stream(content);
  FUZZ_REQUIRE(stream != nullptr);
  CsvRecordReader reader(stream, delimiter);
  std::size_t lines = 1;
  for (char c : content) lines += c == '\n';
  CsvRecord record;
  CsvProblem problem;
  for (std::size_t steps = 0;; ++steps) {
    FUZZ_REQUIRE(steps <= 2 * lines + 2);  // each line read at most twice
    const auto outcome = reader.next(record, problem);
    if (outcome == CsvRecordReader::Outcome::kEnd) break;
    if (outcome == CsvRecordReader::Outcome::kProblem) {
      FUZZ_REQUIRE(problem.line >= 1 && problem.line <= lines);
      ++out.problems;
      continue;
    }
    FUZZ_REQUIRE(record.line >= 1 && record.line <= lines);
    FUZZ_REQUIRE(record.offset <= content.size());
    out.records.push_back(record.fields);
    out.record_lines.push_back(record.line);
  }
  std::fclose(stream);
  return out;
}

// RFC 4180: every field quoted, '"' doubled, records ended by "\n".
std::string write(const std::vector<std::vector<std::string>>& records, char delimiter) {
  std::string text;
  for (const auto& fields : records) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i) text += delimiter;
      text += '"';
      for (char c : fields[i]) text += c == '"' ? std::string("\"\"") : std::string(1, c);
      text += '"';
    }
    text += '\n';
  }
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const char delimiter = data[0] % 2 ? '\t' : ',';
  const std::string_view content = parallax::fuzz::as_text(data + 1, size - 1);
  const Read first = read(content, delimiter);
  // A record read again from a replayed line may start on an earlier line than the one before it;
  // records of first reads come in line order. Written back, every record reads the same.
  const Read again = read(write(first.records, delimiter), delimiter);
  FUZZ_REQUIRE(again.problems == 0);
  FUZZ_REQUIRE(again.records == first.records);
  return 0;
}
