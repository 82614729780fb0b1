#include "lexicon/date_terms.hpp"

#include <algorithm>
#include <string>

#include "lexicon/number_words.hpp"

namespace parallax {
namespace {

// The value of a word of 1 to `max_digits` ASCII digits, else nullopt.
std::optional<int> digits_value(std::string_view word, std::size_t max_digits) {
  if (word.empty() || word.size() > max_digits) return std::nullopt;
  if (!std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  return std::stoi(std::string(word));
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

void DateMentions::next(std::string_view word, std::vector<ConceptTerm>& out) {
  const auto month = month_number(word);
  const auto day = month ? std::nullopt : day_of_month(word);
  const auto year_value = month || day ? std::nullopt : year(word);
  if (month && previous_day_) {
    out.push_back(date_term(std::to_string(*month) + "-" + std::to_string(*previous_day_), previous_word_, word));
  } else if (day && previous_month_) {
    out.push_back(date_term(std::to_string(*previous_month_) + "-" + std::to_string(*day), previous_word_, word));
  } else if (year_value && previous_month_) {
    out.push_back(date_term(std::to_string(*year_value) + "-" + std::to_string(*previous_month_), previous_word_, word));
  }
  previous_month_ = month;
  previous_day_ = day;
  previous_word_ = word;
}

}  // namespace parallax
