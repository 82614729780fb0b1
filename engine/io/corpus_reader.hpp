#pragma once
// Reads a corpus from JSONL files, CSV/TSV files, folders of .txt files, single text files or
// stdin ("-"), gzip-compressed or not, streaming one valid Document at a time to a sink. Invalid records are reported with file,
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

// The columns of CSV and TSV inputs that hold each document's id and text (matched by name,
// ignoring case and surrounding spaces).
struct TableColumns {
  std::string id = "id";
  std::string text = "text";
};

// Reads every input in order. An input is
//  - "-": JSONL from stdin;
//  - a directory: its *.txt files (any case; *.txt.gz too), its subfolders' as well, in path order,
//    one document each, id = the path inside the folder without extension ("a", "2021/a"). When
//    several folders are given, each id starts with its folder's name ("ar/2021/a"), or with as
//    many of the folder path's last parts as tell it from the others ("2021/ar/a", "2022/ar/a");
//  - a *.jsonl / *.json / *.ndjson file: JSONL;
//  - a *.csv or *.tsv file: one document per record after a header naming the columns; `columns`
//    names the id and text columns (see io/table_reader.hpp);
//  - any other file: plain text, one document, id = file name without extension.
// Extensions are read in any case. A file that starts with the gzip magic bytes is decompressed,
// and its format is the extension before ".gz" (a.jsonl.gz is JSONL, a.txt.gz text).
// Duplicate ids are rejected after the first occurrence. Returns the number of documents delivered.
//
// Rejected records (counted, reported, skipped): invalid UTF-8 (at the first bad byte), invalid
// JSON, a line that is not an object, "id" or "text" missing or mistyped, a known field given
// twice, an empty id, blank text (only white space and invisible marks such as U+200F), a
// duplicate id (the message names the first occurrence); in CSV/TSV a record with another number
// of fields than the header, text after a field's closing quote, a quoted field still open at the
// end of the file (io/csv_records.hpp: the lines it took in are read again as records).
// Accepted as they come: a JSON integer id (taken as its decimal text, e.g. 42 -> "42"); null for
// an optional field (absent); blank lines (skipped, still counted for line numbers); a leading
// UTF-8 byte order mark (dropped; byte offsets still count it); "\r\n" line endings; a date in
// a form io/date.hpp reads (rewritten as ISO 8601: "Tue, 26 Jan 2021 18:04:00 +0000" ->
// "2021-01-26T18:04:00+00:00").
// Reported, not counted, record kept: a "date" in no form io/date.hpp reads (the date is cleared);
// an optional field that is neither a string nor null (ignored). Reported, not counted: an input
// that cannot be opened or read (line 0), gzip data that turns out corrupt (line 0; the records
// before it are kept, a text file is not read), a CSV/TSV header without the id or text column
// or with a broken quote (the file is not read).
// Directories: hidden files and folders and files of other formats are skipped without a message.
// Origins: "file:line" for JSONL and CSV/TSV, "<stdin>:line" for stdin, "file" for text files;
// left empty with DocumentOrigins::Dropped, for a sink that never reads them (a string built per
// document: 1% of `parallax dedup` on 1k documents).
enum class DocumentOrigins { Kept, Dropped };
std::size_t read_corpus(const std::vector<std::string>& inputs, const DocumentSink& sink,
                        InputDiagnostics& diagnostics, const TableColumns& columns = {},
                        DocumentOrigins origins = DocumentOrigins::Kept);

}  // namespace parallax
