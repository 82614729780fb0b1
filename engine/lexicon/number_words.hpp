#pragma once
// Words that name numbers, in Arabic, English and Russian: cardinal and ordinal number words
// ("خمس", "five", "пять", "الخامس", "fifth") and month names ("فبراير", "شباط", "February",
// "февраля"). diff/quantities reads the numbers and dates of a claim with them.
//
// Both functions take a normalized word (normalize_for_matching, as in MatchToken::normalized) and
// also match it with an attached "و", "ل" or "ب" ("وخمس", "لخمس", "بخمس").
#include <optional>
#include <string_view>

namespace parallax {

// The value of a cardinal or ordinal number word (1 to 10).
std::optional<int> number_word_value(std::string_view normalized_word);

// The month (1 to 12) a month name stands for.
std::optional<int> month_number(std::string_view normalized_word);

// A word that only places something in time without saying what happened: a part of the day
// ("afternoon", "ظهر", "вечером"), a weekday, "today", "year", "local (time)". Two steps of one
// event are dated with such words around them ("on the afternoon of 20 March local time").
bool is_time_word(std::string_view normalized_word);

}  // namespace parallax
