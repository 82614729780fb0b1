#pragma once
// Reads a corpus from JSONL files, folders of .txt files, single text files or stdin ("-"),
// streaming one valid Document at a time to a sink. Invalid records are reported with file,
// line and byte offset and skipped; every valid record is still delivered.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/document.hpp"

namespace parallax {

struct InputProblem {
  std::string file;
  std::size_t line = 0;         // 1-based; 0 when the problem concerns the whole file
  std::size_t byte_offset = 0;  // offset of the offending byte in the file, when known
  std::string message;
  bool byte_offset_known = false;  // byte_offset is meaningful (offset 0 is a real position)
};

// Collects problems found while reading. Thread-compatible (one reader at a time).
class InputDiagnostics {
 public:
  void report(InputProblem problem);
  const std::vector<InputProblem>& problems() const { return problems_; }
  std::size_t rejected_records() const { return rejected_records_; }
  void count_rejected_record() { ++rejected_records_; }
  // "file:line: message" lines, one per problem; "file: message" when line is 0, and
  // " at byte N" appended when the offset is known.
  std::string format() const;

 private:
  std::vector<InputProblem> problems_;
  std::size_t rejected_records_ = 0;
};

using DocumentSink = std::function<void(Document&&)>;

// Reads every input in order. An input is "-" (stdin, JSONL), a directory (its *.txt files in
// name order, id = file name without extension), a *.jsonl / *.json / *.ndjson file (JSONL), or
// any other file (plain text, one document, id = file name without extension).
// Duplicate ids are rejected after the first occurrence. Returns the number of documents delivered.
//
// Rejected records (counted, reported, skipped): invalid UTF-8 (at the first bad byte), invalid
// JSON, a line that is not an object, "id" or "text" missing or mistyped, a known field given
// twice, an empty id, blank text (only white space and invisible marks such as U+200F), a
// duplicate id (the message names the first occurrence).
// Accepted as they come: a JSON integer id (taken as its decimal text, e.g. 42 -> "42"); null for
// an optional field (absent); blank lines (skipped, still counted for line numbers); a leading
// UTF-8 byte order mark (dropped; byte offsets still count it); "\r\n" line endings.
// Reported, not counted, record kept: a "date" that does not start with a valid YYYY-MM-DD (the
// date is cleared; see io/date.hpp); an optional field that is neither a string nor null
// (ignored). Reported, not counted: an input that cannot be opened or read (line 0).
// Directories: hidden files, sub-folders and non-.txt files are skipped without a message.
// Origins: "file:line" for JSONL, "<stdin>:line" for stdin, "file" for text files.
std::size_t read_corpus(const std::vector<std::string>& inputs, const DocumentSink& sink,
                        InputDiagnostics& diagnostics);

}  // namespace parallax
