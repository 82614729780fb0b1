#include "text/language.hpp"

#include <cld2/public/compact_lang_det.h>
#include <unicode/uscript.h>

#include <array>

#include "text/utf8.hpp"

namespace parallax {

Script letter_script(std::int32_t c) {
  if (c < 0x80) return Script::Latin;  // callers pass letters only
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(c, &status)) {
    case USCRIPT_LATIN:
      return Script::Latin;
    case USCRIPT_ARABIC:
      return Script::Arabic;
    case USCRIPT_CYRILLIC:
      return Script::Cyrillic;
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
    case USCRIPT_INVALID_CODE:
      return Script::None;
    default:
      return Script::Other;
  }
}

namespace {

bool is_letter(UChar32 c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return u_isalpha(c);
}

// Invokes visit(script) for every letter of the text that belongs to one script.
template <typename Visit>
void for_each_letter_script(std::string_view utf8, Visit visit) {
  for (std::size_t i = 0; i < utf8.size();) {
    const UChar32 c = utf8::next(utf8, i);
    if (!is_letter(c)) continue;
    const Script script = letter_script(c);
    if (script != Script::None && !visit(script)) return;
  }
}

std::string language_of_script(Script script) {
  const std::string_view main = main_language_of_script(script);
  return main.empty() ? "und" : std::string(main);
}

// CLD2's code as an ISO 639-1 primary subtag ("zh-Hant" -> "zh"; its legacy "iw" -> "he").
std::string iso_code(CLD2::Language language) {
  const std::string_view code = CLD2::LanguageCode(language);
  const std::string_view primary = code.substr(0, code.find('-'));
  return primary == "iw" ? "he" : std::string(primary);
}

// A news article's language shows in its first paragraphs; longer inputs are cut there, at a code
// point boundary, to bound the cost of detection (CLD2 reads about 25 MB/s). On the SemEval-2022
// sample (ar en ru de fr es) 4 KiB gave the same answers as whole texts.
std::string_view detection_prefix(std::string_view utf8) {
  constexpr std::size_t kMaxBytes = 4 * 1024;
  if (utf8.size() <= kMaxBytes) return utf8;
  std::size_t end = kMaxBytes;
  while (end > 0 && U8_IS_TRAIL(utf8[end])) --end;
  return utf8.substr(0, end);
}

// The language CLD2 names with confidence, or "" (unreliable, unknown, or ill-formed UTF-8).
std::string detect_with_cld2(std::string_view utf8) {
  const std::string_view text = detection_prefix(utf8);
  bool is_reliable = false;
  int valid_prefix_bytes = 0;
  const CLD2::Language language =
      CLD2::DetectLanguageCheckUTF8(text.data(), static_cast<int>(text.size()),
                                    /*is_plain_text=*/true, &is_reliable, &valid_prefix_bytes);
  if (!is_reliable || language == CLD2::UNKNOWN_LANGUAGE) return {};
  return iso_code(language);
}

}  // namespace

Script word_script(std::string_view utf8_word) {
  Script result = Script::None;
  for_each_letter_script(utf8_word, [&](Script script) {
    result = script;
    return false;
  });
  return result;
}

Script dominant_script(std::string_view utf8) {
  LettersPerScript counts{};
  for_each_letter_script(utf8, [&](Script script) {
    ++counts[static_cast<std::size_t>(script)];
    return true;
  });
  return script_with_most_letters(counts);
}

Script script_with_most_letters(const LettersPerScript& letters) {
  static_assert(static_cast<int>(Script::Latin) == 0 && static_cast<int>(Script::Other) == 3);
  std::size_t best = 0;
  for (std::size_t s = 1; s < letters.size(); ++s) {
    if (letters[s] > letters[best]) best = s;
  }
  return letters[best] == 0 ? Script::None : static_cast<Script>(best);
}

std::string detect_language(std::string_view utf8) {
  std::string language = detect_with_cld2(utf8);
  return language.empty() ? language_of_script(dominant_script(utf8)) : language;
}

std::string_view main_language_of_script(Script script) {
  switch (script) {
    case Script::Arabic:
      return "ar";
    case Script::Cyrillic:
      return "ru";
    case Script::Latin:
      return "en";
    default:
      return {};
  }
}

}  // namespace parallax
