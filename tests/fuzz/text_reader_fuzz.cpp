// The plain-text reader on arbitrary bytes, and its UTF-8 check (simdjson's SIMD validation, then
// a byte walk to find the bad byte) against ICU's decoder: the reader must reject exactly the
// ill-formed inputs, at the first ill-formed byte, and otherwise deliver the text as written
// without its byte order mark. Bytes that open with gzip's magic number are gzip data, whatever
// the file's name (io/input_file): the reader must then deliver what zlib's own inflate makes of
// them, read as gzread reads (members one after another, anything else after a member ignored),
// or report the broken data and deliver nothing.
#include <unicode/utf8.h>
#include <zlib.h>

#include <optional>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "io/corpus_reader.hpp"
#include "io/record_gate.hpp"
#include "io/text_file_reader.hpp"
#include "io/utf8_validation.hpp"

namespace {

// The offset of the first ill-formed sequence by ICU's decoder (Unicode's table 3-7 too).
std::optional<std::size_t> first_invalid_by_icu(std::string_view bytes) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
  std::size_t at = 0;
  while (at < bytes.size()) {
    const auto window = static_cast<std::int32_t>(std::min<std::size_t>(U8_MAX_LENGTH, bytes.size() - at));
    std::int32_t used = 0;
    UChar32 c = 0;
    U8_NEXT(s + at, used, window, c);
    if (c < 0) return at;
    at += static_cast<std::size_t>(used);
  }
  return std::nullopt;
}

bool opens_gzip(std::string_view bytes) { return bytes.size() >= 2 && bytes[0] == '\x1f' && bytes[1] == '\x8b'; }

// What gzread makes of these bytes, by zlib's inflate: the members one after another while what
// follows a member opens another; nullopt where a member is broken or cut off.
std::optional<std::string> inflate_as_gzread(std::string_view bytes) {
  std::string out;
  z_stream stream{};
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) return std::nullopt;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  char buffer[4096];
  bool ok = true;
  while (true) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    const int status = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
    if (status == Z_STREAM_END) {
      const std::string_view rest(reinterpret_cast<const char*>(stream.next_in), stream.avail_in);
      if (!opens_gzip(rest)) break;  // the end, or trailing bytes gzread ignores
      inflateReset(&stream);
      continue;
    }
    if (status == Z_OK) continue;
    ok = false;  // a data error, or Z_BUF_ERROR: the input ended inside a member
    break;
  }
  inflateEnd(&stream);
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static parallax::fuzz::MemoryFile file;
  const std::string_view bytes = parallax::fuzz::as_text(data, size);
  FUZZ_REQUIRE(parallax::find_invalid_utf8(bytes) == first_invalid_by_icu(bytes));

  file.write(bytes);
  std::vector<parallax::Document> documents;
  parallax::InputDiagnostics diagnostics;
  const parallax::DocumentSink sink = [&](parallax::Document&& d) { documents.push_back(std::move(d)); };
  parallax::RecordGate gate(sink, diagnostics);
  parallax::read_text_file(file.path(), gate, "doc");

  std::string inflated;
  if (opens_gzip(bytes)) {
    const auto reference = inflate_as_gzread(bytes);
    if (!reference) {
      FUZZ_REQUIRE(documents.empty() && diagnostics.problems().size() == 1);
      FUZZ_REQUIRE(diagnostics.problems()[0].message.find("gzip") != std::string::npos);
      return 0;
    }
    inflated = *reference;
  }
  const std::string_view content = opens_gzip(bytes) ? std::string_view(inflated) : bytes;
  const std::size_t bom = content.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  const std::string_view text = content.substr(bom);
  if (const auto bad = first_invalid_by_icu(text)) {
    FUZZ_REQUIRE(documents.empty() && diagnostics.rejected_records() == 1);
    FUZZ_REQUIRE(diagnostics.problems().size() == 1);
    FUZZ_REQUIRE(diagnostics.problems()[0].byte_offset_known && diagnostics.problems()[0].byte_offset == bom + *bad);
  } else if (parallax::is_blank_text(text)) {
    FUZZ_REQUIRE(documents.empty());
  } else {
    FUZZ_REQUIRE(documents.size() == 1 && diagnostics.problems().empty());
    FUZZ_REQUIRE(documents[0].id == "doc" && documents[0].text == text);
  }
  return 0;
}
