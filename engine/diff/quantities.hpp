#pragma once
// Numbers and calendar dates mentioned in a claim, in Arabic, English and Russian: digits (ASCII
// and Arabic-Indic), number words ("خمس", "five", "пять"), ordinals ("الخامس", "fifth") and month
// names (the words: lexicon/number_words.hpp). Two accounts of one event that give different
// numbers or dates disagree.
#include <string>
#include <string_view>
#include <vector>

#include "claims/match_tokens.hpp"

namespace parallax {

struct NumberMention {
  double value = 0;  // scaled: "40 billion", "$40B" and "40 млрд" are 4e10
  // What is counted, so that only like quantities are compared: a currency ("currency:USD"), an
  // age ("age": "51-year-old", "aged 51", "в возрасте 51 года", "البالغ من العمر 51 عاما"), a
  // percentage ("percent": "47%", "47 per cent", "47 процентов", "47 بالمئة"), else the
  // matching key of the word after the number ("year", "سنو"); may be empty. An amount of change
  // ("by 10%", "на 10%") has ":change" after its unit: it is no level ("to 47%").
  std::string unit;
  // The number as a reader finds it in the claim, with its unit: "$40 billion", "40 км",
  // "115 people", "age 51" (an age reads the same whichever way it was written).
  std::string text;
  // Content keys of the words around the number, in its clause ("killed" in "60 people were
  // killed", "depth" in "at a depth of 18 km"): two mentions of one unit are the same quantity
  // only when something of what they measure is shared ("11 people were arrested" is no other toll
  // of "60 people were killed"; a depth is no distance).
  std::vector<std::string> context;
};

struct Quantities {
  std::vector<NumberMention> numbers;  // not counting those that are part of a date
  // "MM-DD" (day and month), or "MM" for a month alone; a range ("23-24 August") gives each day.
  std::vector<std::string> dates;
  // Parallel to dates: the index of the date's month word in the tokens (diff/claim_profile reads
  // the words around it).
  std::vector<std::size_t> date_tokens;
  std::vector<int> years;
};

// Clock times ("4:18 p.m.", "15:30") are left out: accounts give them in different time zones.
// Tokens that mix letters into digits ("epa11238438", "A320") are codes, not numbers.
// `text` is the text the tokens were made from (their spans index it).
Quantities find_quantities(const std::vector<MatchToken>& tokens, std::string_view text);

}  // namespace parallax
