#include "claims/match_tokens.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/language.hpp"
#include "text/normalize.hpp"

namespace parallax {

namespace {

bool first_letter_is_upper(std::string_view word) {
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
  return c > 0 && u_isupper(c);
}

std::string trim_spaces(std::string_view s) {
  std::string out;
  for (char ch : s) {
    if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') out.push_back(ch);
  }
  return out;
}

}  // namespace

WordKeyer::WordKeyer() : english_("en"), russian_("ru") {}

std::string WordKeyer::key(std::string_view normalized_word) {
  switch (word_script(normalized_word)) {
    case Script::Arabic:
      return light_stem_arabic(normalized_word);
    case Script::Cyrillic:
      return russian_.stem(normalized_word);
    case Script::Latin:
      return english_.stem(normalized_word);
    default:
      return std::string(normalized_word);
  }
}

std::vector<MatchToken> WordKeyer::tokenize(std::string_view text) {
  std::vector<MatchToken> tokens;
  std::size_t previous_end = 0;
  for (const TextSpan& span : word_spans(text)) {
    MatchToken token;
    token.span = span;
    const std::string_view word = text.substr(span.begin, span.end - span.begin);
    token.normalized = normalize_for_matching(word);
    token.key = key(token.normalized);
    token.gap_before = trim_spaces(text.substr(previous_end, span.begin - previous_end));
    // "U.S. president": the dot after an abbreviation with inner dots is part of it, no boundary.
    if (token.gap_before == "." && !tokens.empty() && tokens.back().normalized.find('.') != std::string::npos &&
        span.begin > previous_end + 1)
      token.gap_before.clear();
    token.capitalized = first_letter_is_upper(word);
    previous_end = span.end;
    tokens.push_back(std::move(token));
  }
  return tokens;
}

std::vector<std::string> WordKeyer::phrase_keys(std::string_view phrase) {
  std::vector<std::string> keys;
  for (auto& token : tokenize(phrase)) keys.push_back(std::move(token.key));
  return keys;
}

bool gap_is_boundary(std::string_view gap) {
  if (gap.empty()) return false;
  // Apostrophes and hyphens join parts of one name ("O'Brien", "Jean-Luc"), anything else splits.
  return gap != "'" && gap != "-" && gap != "’";
}

}  // namespace parallax
