#include "io/csv_records.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

#include "io/utf8_validation.hpp"

namespace parallax {
namespace {

bool is_blank_line(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// A line without the carriage returns before its break: "\r\r\n" ends a line as "\r\n" and "\n"
// do (the line reader takes one "\r"), so that a field that spans lines reads the same after it is
// written back with "\r\n" breaks.
std::string_view without_trailing_returns(std::string_view line) {
  while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

CsvRecordReader::CsvRecordReader(std::FILE* input, char delimiter) : lines_(input), delimiter_(delimiter) {}

CsvRecordReader::Outcome CsvRecordReader::next(CsvRecord& record, CsvProblem& problem) {
  Line line;
  bool read_again = false;
  while (fetch(line, read_again)) {
    if (!is_blank_line(line.text)) return read_record(line, record, problem);
  }
  return Outcome::kEnd;
}

bool CsvRecordReader::fetch(Line& line, bool& read_again) {
  if (replay_.empty()) {
    read_again = false;
    return lines_.next(line);
  }
  current_ = std::move(replay_.front());
  replay_.pop_front();
  line.text = current_.text;
  line.number = current_.number;
  line.offset = current_.offset;
  read_again = true;
  return true;
}

CsvRecordReader::Outcome CsvRecordReader::read_record(Line line, CsvRecord& record, CsvProblem& problem) {
  record.fields.assign(1, std::string());
  record.line = line.number;
  record.offset = line.offset;
  continuation_.clear();
  std::optional<std::size_t> invalid_utf8;
  std::size_t quote_line = 0;  // where the open quoted field started
  std::size_t size = 0;        // bytes in the fields so far
  State state = State::kFieldStart;
  std::string_view text = without_trailing_returns(line.text);
  std::size_t line_offset = line.offset;
  while (true) {
    if (!invalid_utf8) {
      if (const auto bad = find_invalid_utf8(text)) invalid_utf8 = line_offset + *bad;
    }
    std::size_t i = 0;
    while (i < text.size()) {
      std::string& field = record.fields.back();
      const std::size_t before = field.size();
      switch (state) {
        case State::kFieldStart:
          if (text[i] == '"') {
            state = State::kQuoted;
            quote_line = line.number;
            ++i;
          } else {
            state = State::kUnquoted;
          }
          break;
        case State::kUnquoted: {
          const std::size_t end = std::min(text.find(delimiter_, i), text.size());
          field.append(text.substr(i, end - i));
          i = end;
          if (i < text.size()) {
            record.fields.emplace_back();
            state = State::kFieldStart;
            ++i;
          }
          break;
        }
        case State::kQuoted: {
          const std::size_t end = std::min(text.find('"', i), text.size());
          field.append(text.substr(i, end - i));
          i = end;
          if (i < text.size()) {
            state = State::kAfterQuote;
            ++i;
          }
          break;
        }
        case State::kAfterQuote:
          if (text[i] == '"') {
            field.push_back('"');
            state = State::kQuoted;
          } else if (text[i] == delimiter_) {
            record.fields.emplace_back();
            state = State::kFieldStart;
          } else {
            const std::string where = line.number == record.line ? "" : " on line " + std::to_string(line.number);
            return broken(record.line,
                          "text after the closing quote of a field" + where +
                              " (a quote inside a quoted field is written \"\")",
                          line_offset + i, problem);
          }
          ++i;
          break;
      }
      size += record.fields.back().size() - before;
    }
    if (state != State::kQuoted) break;
    // A line break inside a quoted field.
    record.fields.back().push_back('\n');
    ++size;
    const std::string unterminated =
        "unterminated quoted field" +
        (quote_line == record.line ? std::string() : " (its quote opens on line " + std::to_string(quote_line) + ")");
    if (size > kMaxRecordBytes) return broken(record.line, unterminated + ": over 256 MiB without a closing quote", std::nullopt, problem);
    Line next_line;
    bool next_read_again = false;
    if (!fetch(next_line, next_read_again)) return broken(record.line, unterminated + " at the end of the input", std::nullopt, problem);
    continuation_.push_back({std::string(next_line.text), next_line.number, next_line.offset, next_read_again});
    text = without_trailing_returns(continuation_.back().text);
    line_offset = next_line.offset;
    line.number = next_line.number;
  }
  if (invalid_utf8) {
    problem = {record.line, "invalid UTF-8", invalid_utf8};
    return Outcome::kProblem;
  }
  return Outcome::kRecord;
}

// A record whose quoting broke: the lines its quoted field took in are read again (once at most),
// since they are most likely records of their own.
CsvRecordReader::Outcome CsvRecordReader::broken(std::size_t record_line, std::string message,
                                                 std::optional<std::size_t> offset, CsvProblem& problem) {
  std::deque<HeldLine> again;
  for (HeldLine& held : continuation_) {
    if (held.read_again) continue;
    held.read_again = true;
    again.push_back(std::move(held));
  }
  // Lines come from replay_ before new ones: a record that read new lines has emptied replay_.
  for (auto it = again.rbegin(); it != again.rend(); ++it) replay_.push_front(std::move(*it));
  continuation_.clear();
  problem = {record_line, std::move(message), offset};
  return Outcome::kProblem;
}

}  // namespace parallax
