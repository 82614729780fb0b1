#include "lexicon/date_terms.hpp"

#include <algorithm>
#include <string>

#include "lexicon/number_words.hpp"

namespace parallax {
namespace {

// The value of a word of 1 to `max_digits` ASCII digits, else nullopt.
std::optional<int> digits_value(std::string_view word, std::size_t max_digits) {
  if (word.empty() || word.size() > max_digits) return std::nullopt;
  int value = 0;
  for (char c : word) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<int> day_of_month(std::string_view word) {
  const auto value = digits_value(word, 2);
  return value && *value >= 1 && *value <= 31 ? value : std::nullopt;
}

std::optional<int> year(std::string_view word) {
  const auto value = digits_value(word, 4);
  return value && *value >= 1900 && *value <= 2099 ? value : std::nullopt;
}

ConceptTerm date_term(std::string term, std::string_view first_word, std::string_view second_word) {
  return {"@" + std::move(term), std::string(first_word) + " " + std::string(second_word)};
}

}  // namespace

// Month names are looked up only beside a number (the word before one, or the word after a day):
// a lookup for every word of every text cost 3% of `cluster`.
void DateMentions::next(std::string_view word, std::vector<ConceptTerm>& out) {
  const auto day = day_of_month(word);
  const auto year_value = day ? std::nullopt : year(word);
  if (day || year_value) {
    if (const auto month = previous_word_.empty() ? std::nullopt : month_number(previous_word_)) {
      out.push_back(day ? date_term(std::to_string(*month) + "-" + std::to_string(*day), previous_word_, word)
                        : date_term(std::to_string(*year_value) + "-" + std::to_string(*month), previous_word_, word));
    }
  } else if (previous_day_) {
    if (const auto month = month_number(word))
      out.push_back(date_term(std::to_string(*month) + "-" + std::to_string(*previous_day_), previous_word_, word));
  }
  previous_day_ = day;
  previous_word_ = word;
}

}  // namespace parallax
