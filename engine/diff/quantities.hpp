#pragma once
// Numbers and calendar dates mentioned in a claim, in Arabic, English and Russian: digits (ASCII
// and Arabic-Indic), number words ("خمس", "five", "пять"), ordinals ("الخامس", "fifth") and month
// names (the words: lexicon/number_words.hpp). Two accounts of one event that give different
// numbers or dates disagree.
#include <string>
#include <vector>

#include "claims/match_tokens.hpp"

namespace parallax {

struct NumberMention {
  double value = 0;  // scaled: "40 billion", "$40B" and "40 млрд" are 4e10
  // What is counted, so that only like quantities are compared: a currency ("currency:USD"), an
  // age ("age": "51-year-old", "aged 51", "в возрасте 51 года", "البالغ من العمر 51 عاما"), else the
  // matching key of the word after the number ("year", "سنو"); may be empty.
  std::string unit;
  std::string text;  // a scaled number as written ("40 billion", "40b"), for a reader; else empty
};

struct Quantities {
  std::vector<NumberMention> numbers;  // not counting those that are part of a date
  std::vector<std::string> dates;      // "MM-DD" (day and month), or "MM" for a month alone
  std::vector<int> years;
};

Quantities find_quantities(const std::vector<MatchToken>& tokens);

}  // namespace parallax
