// The plain-text reader on arbitrary bytes, and its UTF-8 check (simdjson's SIMD validation, then
// a byte walk to find the bad byte) against ICU's decoder: the reader must reject exactly the
// ill-formed inputs, at the first ill-formed byte, and otherwise deliver the text as written
// without its byte order mark.
#include <unicode/utf8.h>

#include <optional>
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static parallax::fuzz::MemoryFile file;
  const std::string_view content = parallax::fuzz::as_text(data, size);
  const auto invalid = first_invalid_by_icu(content);
  FUZZ_REQUIRE(parallax::find_invalid_utf8(content) == invalid);

  file.write(content);
  std::vector<parallax::Document> documents;
  parallax::InputDiagnostics diagnostics;
  const parallax::DocumentSink sink = [&](parallax::Document&& d) { documents.push_back(std::move(d)); };
  parallax::RecordGate gate(sink, diagnostics);
  parallax::read_text_file(file.path(), gate, "doc");

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
