#pragma once
// Internal to the text module: the languages that have a stemmer, with the Snowball algorithm
// behind each and the scripts it is written in (the analyzer stems a word with the document's
// language only when the word is in one of that language's scripts).
#include <string_view>

#include "text/language.hpp"

namespace parallax {

struct StemmerLanguage {
  std::string_view code;      // ISO 639-1
  const char* snowball_name;  // libstemmer's algorithm name
  Script script;
  Script other_script = Script::None;  // Serbian is written in both Cyrillic and Latin

  bool writes_in(Script s) const { return s == script || (s != Script::None && s == other_script); }
};

// Arabic is listed for its script; it is stemmed by light_stem_arabic, not by Snowball.
inline constexpr StemmerLanguage kStemmerLanguages[] = {
    {"ar", "arabic", Script::Arabic},    {"ca", "catalan", Script::Latin},
    {"da", "danish", Script::Latin},     {"de", "german", Script::Latin},
    {"el", "greek", Script::Other},      {"en", "english", Script::Latin},
    {"es", "spanish", Script::Latin},    {"eu", "basque", Script::Latin},
    {"fi", "finnish", Script::Latin},    {"fr", "french", Script::Latin},
    {"ga", "irish", Script::Latin},      {"hi", "hindi", Script::Other},
    {"hu", "hungarian", Script::Latin},  {"hy", "armenian", Script::Other},
    {"id", "indonesian", Script::Latin}, {"it", "italian", Script::Latin},
    {"lt", "lithuanian", Script::Latin}, {"nb", "norwegian", Script::Latin},
    {"ne", "nepali", Script::Other},     {"nl", "dutch", Script::Latin},
    {"nn", "norwegian", Script::Latin},  {"no", "norwegian", Script::Latin},
    {"pt", "portuguese", Script::Latin}, {"ro", "romanian", Script::Latin},
    {"ru", "russian", Script::Cyrillic}, {"sr", "serbian", Script::Cyrillic, Script::Latin},
    {"sv", "swedish", Script::Latin},    {"ta", "tamil", Script::Other},
    {"tr", "turkish", Script::Latin},    {"yi", "yiddish", Script::Other},
};

inline const StemmerLanguage* find_stemmer_language(std::string_view code) {
  for (const StemmerLanguage& language : kStemmerLanguages) {
    if (language.code == code) return &language;
  }
  return nullptr;
}

}  // namespace parallax
