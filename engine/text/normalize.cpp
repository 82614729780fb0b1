#include "text/normalize.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <stdexcept>

#include "text/utf8.hpp"

namespace parallax {
namespace {

constexpr UChar32 kDropped = -1;

// One code point of Arabic orthographic normalization: the replacement, or kDropped. Writers
// differ on hamza seats, alef maqsura and teh marbuta and add vowel marks at will; matching
// must not see those differences.
UChar32 fold_arabic_letter(UChar32 c) {
  if ((c >= 0x064B && c <= 0x0652) || c == 0x0670 || c == 0x0640) return kDropped;
  switch (c) {
    case 0x0622:  // آ
    case 0x0623:  // أ
    case 0x0625:  // إ
    case 0x0671:  // ٱ
      return 0x0627;  // ا
    case 0x0649:      // ى
    case 0x0626:      // ئ
      return 0x064A;  // ي
    case 0x0629:      // ة
      return 0x0647;  // ه
    case 0x0624:      // ؤ
      return 0x0648;  // و
    default:
      return c;
  }
}

// Variants that NFKC keeps apart because they are distinct characters, yet mean the same to a
// reader: Arabic-Indic (U+0660..) and Persian (U+06F0..) digits, so that "٢٠٢٠" matches "2020", and
// the typographic apostrophe, so that "Putin’s" matches "Putin's" (and stems like it).
UChar32 fold_variant(UChar32 c) {
  if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);
  if (c == 0x2019) return '\'';
  return c;
}

// The Arabic pass, over code points rather than through an ICU transliterator (4-6x slower).
// Also replaces ill-formed UTF-8 with U+FFFD, and optionally folds the variants above.
void fold_arabic(std::string_view in, bool fold_variants, std::string& out) {
  out.clear();
  out.reserve(in.size());
  std::size_t i = 0;
  while (i < in.size()) {
    const std::size_t ascii_begin = i;
    while (i < in.size() && static_cast<unsigned char>(in[i]) < 0x80) ++i;
    out.append(in, ascii_begin, i - ascii_begin);
    if (i == in.size()) break;
    UChar32 c = fold_arabic_letter(utf8::next(in, i));
    if (fold_variants) c = fold_variant(c);
    if (c != kDropped) utf8::append(out, c);
  }
}

const icu::Normalizer2& nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold is unavailable");
  return *normalizer;
}

}  // namespace

std::string normalize_for_matching(std::string_view utf8) {
  static const icu::Normalizer2& normalizer = nfkc_casefold();
  // Reused across calls: normalization runs once per document over millions of documents.
  thread_local std::string folded;
  folded.clear();
  icu::StringByteSink<std::string> sink(&folded, static_cast<int32_t>(utf8.size()));
  UErrorCode status = U_ZERO_ERROR;
  normalizer.normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())),
                           sink, nullptr, status);
  // ICU fails only on inputs it cannot index (over 2 GiB): match those unnormalized.
  if (U_FAILURE(status)) folded.assign(utf8);

  std::string result;
  fold_arabic(folded, /*fold_variants=*/true, result);
  return result;
}

std::string normalize_arabic(std::string_view utf8) {
  std::string result;
  fold_arabic(utf8, /*fold_variants=*/false, result);
  return result;
}

}  // namespace parallax
