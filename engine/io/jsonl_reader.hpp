#pragma once
// JSONL input: one JSON object per line.
//
// Field rules (the contract is in core/document.hpp and io/corpus_reader.hpp):
// - "id" is a string, or a JSON integer taken as its decimal text (many datasets number their
//   records); "text" is a string. Either missing or of another type rejects the record.
// - "title", "source", "lang", "date", "url" are strings; null means absent; any other type is
//   reported and the field ignored, the record kept.
// - Any other field goes to Document::extra_fields as (key, its JSON text exactly as written).
// - A known field given twice rejects the record, since which value was meant is unknowable.
// - Blank lines are skipped; a UTF-8 byte order mark at the start and "\r\n" endings are accepted.
#include <cstdio>
#include <filesystem>

#include "io/record_gate.hpp"

namespace parallax {

// Reads the JSONL file at `path`; a file that cannot be opened is reported, not counted.
void read_jsonl_file(const std::filesystem::path& path, RecordGate& gate);

// Reads JSONL from an open stream (e.g. stdin) to its end, one line in memory at a time. The
// caller has named the stream with gate.begin_file().
void read_jsonl_stream(std::FILE* input, RecordGate& gate);

}  // namespace parallax
