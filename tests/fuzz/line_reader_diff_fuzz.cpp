// LineReader with small read chunks (1 to 8 bytes: every line straddles reads, the buffer grows
// and moves) against one read of the whole input (what the default 1 MiB chunk does with any
// input the fuzzer makes) and against a plain reference split of the bytes:
// the same lines, numbers and offsets, and after the stream's end only blank padding, whatever
// was read before (simdjson reads that padding with the last line).
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "io/line_reader.hpp"

namespace {

struct ReadLine {
  std::string text;
  std::size_t number;
  std::size_t offset;
  bool operator==(const ReadLine&) const = default;
};

// The lines as io/line_reader.hpp defines them, the obvious way.
std::vector<ReadLine> reference_lines(std::string_view content) {
  std::vector<ReadLine> lines;
  std::size_t begin = 0;
  while (begin < content.size()) {
    const std::size_t newline = content.find('\n', begin);
    const std::size_t end = newline == std::string_view::npos ? content.size() : newline;
    std::string_view text = content.substr(begin, end - begin);
    std::size_t offset = begin;
    if (lines.empty() && text.starts_with("\xEF\xBB\xBF")) {
      text.remove_prefix(3);
      offset += 3;
    }
    if (text.ends_with('\r')) text.remove_suffix(1);
    lines.push_back({std::string(text), lines.size() + 1, offset});
    if (newline == std::string_view::npos) break;
    begin = newline + 1;
  }
  return lines;
}

std::vector<ReadLine> read_lines(std::string_view content, std::size_t chunk_size) {
  std::vector<ReadLine> lines;
  std::FILE* stream = parallax::fuzz::open_memory_stream(content);
  if (stream == nullptr) return lines;
  parallax::LineReader reader(stream, chunk_size);
  parallax::Line line;
  while (reader.next(line)) {
    lines.push_back({std::string(line.text), line.number, line.offset});
    const char* after = line.text.data() + line.text.size();
    const std::size_t line_end = line.offset + line.text.size();
    // kLinePadding bytes are readable after every line (the sanitizer checks the reads); those
    // after the stream's last byte (past a final '\r' the line dropped) are blank.
    const std::size_t tail = content.size() - line_end;
    std::size_t blanks = 0;
    for (std::size_t i = 0; i < parallax::LineReader::kLinePadding; ++i) blanks += i >= tail && after[i] == ' ';
    if (tail <= 1 && content.ends_with(std::string_view(after, tail)))
      FUZZ_REQUIRE(blanks == parallax::LineReader::kLinePadding - tail);
  }
  FUZZ_REQUIRE(!reader.read_error());
  std::fclose(stream);
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view content = parallax::fuzz::as_text(data, size);
  const std::vector<ReadLine> expected = reference_lines(content);
  FUZZ_REQUIRE(read_lines(content, size + 1) == expected);
  FUZZ_REQUIRE(read_lines(content, 1 + size % 8) == expected);
  return 0;
}
