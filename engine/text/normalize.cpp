#include "text/normalize.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <array>
#include <stdexcept>

#include "text/utf8.hpp"

namespace parallax {
namespace {

constexpr UChar32 kDropped = -1;

// One code point of Arabic orthographic normalization: the replacement, or kDropped. Writers
// differ on hamza seats, alef maqsura and teh marbuta and add vowel marks at will; matching
// must not see those differences.
constexpr UChar32 fold_arabic_letter(UChar32 c) {
  if ((c >= 0x064B && c <= 0x0652) || c == 0x0670 || c == 0x0640) return kDropped;
  switch (c) {
    case 0x0622:      // آ
    case 0x0623:      // أ
    case 0x0625:      // إ
    case 0x0671:      // ٱ
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

// Arabic-Indic (U+0660..) and Persian (U+06F0..) digits as ASCII, so that "٢٠٢٠" matches "2020":
// NFKC keeps them apart, being distinct decimal digits rather than compatibility variants.
constexpr UChar32 fold_digit(UChar32 c) {
  if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);
  return c;
}

// Every rule above touches only the Arabic block (U+0600..U+06FF), so each is folded by a table
// lookup: Arabic text is nearly all in that block and this pass runs over every document.
using ArabicBlockTable = std::array<UChar32, 0x100>;

constexpr ArabicBlockTable make_arabic_block_table(bool fold_digits) {
  ArabicBlockTable table{};
  for (UChar32 c = 0x0600; c <= 0x06FF; ++c) {
    const UChar32 folded = fold_arabic_letter(c);
    table[c - 0x0600] = fold_digits && folded != kDropped ? fold_digit(folded) : folded;
  }
  return table;
}

constexpr ArabicBlockTable kOrthographicFolding = make_arabic_block_table(false);
constexpr ArabicBlockTable kMatchingFolding = make_arabic_block_table(true);

// The Arabic pass, over code points rather than through an ICU transliterator (4-6x slower).
// Unchanged runs are copied whole: most code points stay as they are. Also replaces ill-formed
// UTF-8 with U+FFFD (U8_NEXT_OR_FFFD reads it so). For matching, the typographic apostrophe
// becomes ', so that "Putin’s" matches "Putin's" (and stems like it).
void fold_arabic(std::string_view in, bool for_matching, std::string& out) {
  const ArabicBlockTable& table = for_matching ? kMatchingFolding : kOrthographicFolding;
  out.clear();
  out.reserve(in.size());
  std::size_t copied_up_to = 0;
  std::size_t i = 0;
  while (i < in.size()) {
    if (static_cast<unsigned char>(in[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    const UChar32 c = utf8::next(in, i);
    UChar32 folded = c;
    if (c >= 0x0600 && c <= 0x06FF) {
      folded = table[c - 0x0600];
    } else if (c == 0x2019 && for_matching) {
      folded = '\'';
    }
    if (folded == c && c != 0xFFFD) continue;
    out.append(in, copied_up_to, begin - copied_up_to);
    if (folded != kDropped) utf8::append(out, folded);
    copied_up_to = i;
  }
  out.append(in, copied_up_to, in.size() - copied_up_to);
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
  fold_arabic(folded, /*for_matching=*/true, result);
  return result;
}

std::string normalize_arabic(std::string_view utf8) {
  std::string result;
  fold_arabic(utf8, /*for_matching=*/false, result);
  return result;
}

}  // namespace parallax
