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
std::size_t read_corpus(const std::vector<std::string>& inputs, const DocumentSink& sink,
                        InputDiagnostics& diagnostics);

}  // namespace parallax
