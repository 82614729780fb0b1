#pragma once
// Word tokens of a piece of text prepared for matching against lexicons: each keeps its byte span
// in the original text (so reports quote the original), its normalized form (NFKC, case folded,
// Arabic orthography unified) and a matching key (the normalized form stemmed by its script).
#include <string>
#include <string_view>
#include <vector>

#include "text/segment.hpp"
#include "text/stem.hpp"

namespace parallax {

struct MatchToken {
  TextSpan span;             // byte span in the text given to tokenize()
  std::string normalized;    // normalize_for_matching of the word
  std::string key;           // stem of the normalized word (by script), for lexicon matching
  std::string gap_before;    // the non-space characters between the previous token and this one
  bool capitalized = false;  // first letter upper case in the original (Latin and Cyrillic names)
};

// Computes matching keys: Arabic words by the light stemmer (Snowball's Arabic stemmer mangles
// names), Cyrillic by Snowball Russian, everything else by Snowball English. Not thread-safe.
class WordKeyer {
 public:
  WordKeyer();
  std::string key(std::string_view normalized_word);
  std::vector<MatchToken> tokenize(std::string_view text);
  // Keys of a phrase, for lexicon entries ("the White House" -> {"the", "white", "hous"}).
  std::vector<std::string> phrase_keys(std::string_view phrase);

 private:
  Stemmer english_;
  Stemmer russian_;
};

// The gap text shows a clause or phrase boundary: a comma, colon, semicolon, quote, dash or bracket.
bool gap_is_boundary(std::string_view gap);

}  // namespace parallax
