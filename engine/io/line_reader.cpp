#include "io/line_reader.hpp"

#include <simdjson.h>

#include <cerrno>
#include <cstring>

namespace parallax {

static_assert(LineReader::kLinePadding >= simdjson::SIMDJSON_PADDING);

LineReader::LineReader(std::FILE* input, std::size_t chunk_size)
    : input_(input), buffer_(chunk_size + kLinePadding, ' ') {}

bool LineReader::next(Line& line) {
  while (true) {
    const char* unread = buffer_.data() + begin_;
    const std::size_t unread_size = end_ - begin_;
    if (const void* newline = std::memchr(unread + scanned_, '\n', unread_size - scanned_)) {
      emit(static_cast<const char*>(newline) - buffer_.data(), line);
      begin_ += 1;  // the '\n'
      return true;
    }
    scanned_ = unread_size;
    if (!fill()) {
      if (begin_ == end_) return false;
      emit(end_, line);  // last line without a final '\n'
      return true;
    }
  }
}

void LineReader::emit(std::size_t end, Line& line) {
  std::string_view text(buffer_.data() + begin_, end - begin_);
  line.offset = buffer_offset_ + begin_;
  if (at_stream_start_ && text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
    line.offset += 3;
  }
  if (text.ends_with('\r')) text.remove_suffix(1);
  at_stream_start_ = false;
  line.text = text;
  line.number = ++line_number_;
  begin_ = end;
  scanned_ = 0;
}

bool LineReader::fill() {
  if (end_of_stream_) return false;
  // Keep the partial line: move it to the front, and grow only when it fills the whole buffer.
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    buffer_offset_ += begin_;
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == capacity()) buffer_.resize(capacity() * 2 + kLinePadding, ' ');

  const std::size_t read = std::fread(buffer_.data() + end_, 1, capacity() - end_, input_);
  end_ += read;
  // The padding after the data is read by simdjson with the last line: blank it, or bytes left
  // from an earlier fill (moved lines) would make that line's error message depend on them.
  std::memset(buffer_.data() + end_, ' ', kLinePadding);
  if (read == 0) {
    end_of_stream_ = true;
    if (std::ferror(input_)) read_error_ = std::error_code(errno, std::generic_category());
  }
  return read > 0;
}

}  // namespace parallax
