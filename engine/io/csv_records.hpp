#pragma once
// RFC 4180 records read from a stream: CSV, and TSV with the same quoting (as Python's csv module
// and pandas write it). One record in memory at a time; a broken record is reported and the
// reading goes on after it, so every well-formed record around it is still read.
//
// A field that starts with '"' is quoted: it runs to the next lone '"', may hold the delimiter and
// line breaks, and writes a '"' as '""'. Anywhere else a '"' is an ordinary character. Accepted as
// they come: a UTF-8 byte order mark at the start, "\r\n" line ends (a line break inside a quoted
// field reads as "\n"), blank lines between records (skipped, still counted).
#include <cstddef>
#include <cstdio>
#include <deque>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "io/line_reader.hpp"

namespace parallax {

struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;    // the line it starts on, 1-based
  std::size_t offset = 0;  // byte offset of its first byte in the stream
};

// A record that could not be read, at the line it starts on.
struct CsvProblem {
  std::size_t line = 0;
  std::string message;
  std::optional<std::size_t> offset;  // byte offset of the offending byte in the stream, when known
};

class CsvRecordReader {
 public:
  // A quoted field that has not closed within this many bytes is taken for an unterminated quote,
  // so a stray '"' cannot pull the rest of a large file into memory.
  static constexpr std::size_t kMaxRecordBytes = std::size_t{256} << 20;

  // `input` stays owned by the caller and must outlive the reader.
  CsvRecordReader(std::FILE* input, char delimiter);

  enum class Outcome { kRecord, kProblem, kEnd };
  // The next record, or the next problem: text after the closing quote of a field, a quoted field
  // still open at the end of the input (or after kMaxRecordBytes), invalid UTF-8. After a broken
  // quote the reading resumes at the line after the broken record's first line, so the lines the
  // broken field swallowed are read again as records of their own (each line at most once again,
  // which keeps the work linear whatever the input). kEnd at the end of the input or on a read error.
  Outcome next(CsvRecord& record, CsvProblem& problem);
  const std::error_code& read_error() const { return lines_.read_error(); }

 private:
  struct HeldLine {  // a line kept to be read again
    std::string text;
    std::size_t number = 0;
    std::size_t offset = 0;
    bool read_again = false;  // it came from replay_ already
  };
  enum class State { kFieldStart, kUnquoted, kQuoted, kAfterQuote };

  bool fetch(Line& line, bool& read_again);
  Outcome read_record(Line line, CsvRecord& record, CsvProblem& problem);
  Outcome broken(std::size_t record_line, std::string message, std::optional<std::size_t> offset,
                 CsvProblem& problem);

  LineReader lines_;
  char delimiter_;
  std::deque<HeldLine> replay_;         // lines to read again, in order, before lines_
  HeldLine current_;                    // the replayed line being read
  std::vector<HeldLine> continuation_;  // the current record's lines after its first
};

}  // namespace parallax
