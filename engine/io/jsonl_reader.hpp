#pragma once
// JSONL input: one JSON object per line, read one line at a time (see read_corpus in
// io/corpus_reader.hpp for what is accepted and what is rejected). Fields other than the known
// ones go to Document::extra_fields with their JSON text exactly as written, after a full parse
// that guarantees it is valid JSON.
#include <cstddef>
#include <cstdio>
#include <filesystem>

#include "io/line_reader.hpp"
#include "io/record_gate.hpp"

namespace parallax {

// Reads the JSONL file at `path`; a file that cannot be opened is reported, not counted.
void read_jsonl_file(const std::filesystem::path& path, RecordGate& gate);

// Reads JSONL from an open stream (e.g. stdin) to its end, one line in memory at a time. The
// caller has named the stream with gate.begin_file(). chunk_size: LineReader's read size (the
// result does not depend on it).
void read_jsonl_stream(std::FILE* input, RecordGate& gate,
                       std::size_t chunk_size = LineReader::kDefaultChunkSize);

}  // namespace parallax
