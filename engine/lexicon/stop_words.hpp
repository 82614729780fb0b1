#pragma once
// Stop-word lists (matched on normalized words, i.e. after normalize_for_matching).
#include <string_view>

namespace parallax {

// True when the normalized word is a stop word of the given language (ar, en, ru, and a few
// others); unknown languages have no stop words.
bool is_stop_word(std::string_view lang, std::string_view normalized_word);

// True when the normalized word is a stop word of Arabic, English or Russian: for text whose words
// may be in any of the three ("and" / "и" between two names, the words around a number).
bool is_stop_word_in_ar_en_ru(std::string_view normalized_word);

}  // namespace parallax
