#pragma once
// Splits a byte stream into lines without holding more than the current line (plus one read
// chunk) in memory, so multi-gigabyte JSONL files stream in constant memory.
#include <cstddef>
#include <cstdio>
#include <string_view>
#include <system_error>
#include <vector>

namespace parallax {

struct Line {
  // The line without its "\n" or "\r\n". At least kLinePadding readable bytes follow it, so
  // simdjson can parse it in place.
  std::string_view text;
  std::size_t number = 0;  // 1-based
  std::size_t offset = 0;  // byte offset of text's first byte in the stream
};

class LineReader {
 public:
  // Bytes guaranteed readable after every Line::text (simdjson::SIMDJSON_PADDING or more).
  static constexpr std::size_t kLinePadding = 64;
  // Bytes read at a time; a longer line grows the buffer. Any size gives the same lines (tests/fuzz
  // compares small and large ones). 64 KiB: a read is parsed while it is in the cache, and a small
  // input does not pay for a large buffer (1 MiB was 256 page faults at every start, whatever the
  // input's size).
  static constexpr std::size_t kDefaultChunkSize = std::size_t{1} << 16;

  // `input` stays owned by the caller and must outlive the reader. A UTF-8 byte order mark at
  // the start of the stream is skipped (offsets still count it).
  explicit LineReader(std::FILE* input, std::size_t chunk_size = kDefaultChunkSize);

  // The next line, valid until the following call; false at the end of the stream or on a
  // read error (see read_error).
  bool next(Line& line);
  // Set when reading stopped on an error rather than at the end of the stream.
  const std::error_code& read_error() const { return read_error_; }

 private:
  bool fill();  // false when the stream has nothing more
  void emit(std::size_t end, Line& line);

  std::FILE* input_;
  std::vector<char> buffer_;       // capacity() data bytes followed by kLinePadding bytes
  std::size_t begin_ = 0;          // first unread byte in buffer_
  std::size_t end_ = 0;            // one past the last byte read into buffer_
  std::size_t scanned_ = 0;        // bytes from begin_ already searched for '\n'
  std::size_t buffer_offset_ = 0;  // stream offset of buffer_[0]
  std::size_t line_number_ = 0;
  bool at_stream_start_ = true;
  bool end_of_stream_ = false;
  std::error_code read_error_;

  std::size_t capacity() const { return buffer_.size() - kLinePadding; }
};

}  // namespace parallax
