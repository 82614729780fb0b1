#pragma once
// Script and language detection for documents without a `lang` field.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace parallax {

enum class Script { Latin, Arabic, Cyrillic, Other, None };

// The script of a letter (a code point); None for letters shared by several scripts (Common,
// Inherited). Callers pass letters only: every ASCII code point counts as Latin.
Script letter_script(std::int32_t code_point);

// The script of a single word (by its first letter).
Script word_script(std::string_view utf8_word);

// The dominant script of a text, by letter counts.
Script dominant_script(std::string_view utf8);

// Letter counts indexed by Script (Latin, Arabic, Cyrillic, Other).
using LettersPerScript = std::array<std::uint64_t, 4>;

// The script with the most letters; None when there is no letter.
Script script_with_most_letters(const LettersPerScript& letters);

// The main language of a script in this engine's news: Arabic -> ar, Cyrillic -> ru, Latin -> en;
// empty for other scripts.
std::string_view main_language_of_script(Script script);

// ISO 639-1 code ("ar", "en", "ru", "fr", ...) or "und" when unknown. Uses CLD2 when it is
// reliable, else falls back to the dominant script (Arabic -> ar, Cyrillic -> ru, Latin -> en).
std::string detect_language(std::string_view utf8);

}  // namespace parallax
