#include "diff/quantities.hpp"

#include <cstdio>
#include <optional>
#include <string_view>

#include "lexicon/number_words.hpp"

namespace parallax {

namespace {

// Digits of a token (ASCII or Arabic-Indic U+0660..U+0669, Persian U+06F0..U+06F9) as a number.
std::optional<double> digits_value(std::string_view word) {
  std::string ascii;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if (c >= '0' && c <= '9') {
      ascii.push_back(static_cast<char>(c));
    } else if ((c == '.' || c == ',') && !ascii.empty()) {
      if (c == '.') ascii.push_back('.');
    } else if ((c == 0xD9 || c == 0xDB) && i + 1 < word.size()) {
      const unsigned char d = static_cast<unsigned char>(word[i + 1]);
      if (c == 0xD9 && d >= 0xA0 && d <= 0xA9) ascii.push_back(static_cast<char>('0' + d - 0xA0));
      if (c == 0xDB && d >= 0xB0 && d <= 0xB9) ascii.push_back(static_cast<char>('0' + d - 0xB0));
      ++i;
    }
  }
  if (ascii.empty()) return std::nullopt;
  return std::stod(ascii);
}

std::optional<double> number_value(const MatchToken& token) {
  if (auto d = digits_value(token.normalized)) return d;
  if (auto w = number_word_value(token.normalized)) return *w;
  return std::nullopt;
}

std::string two_digits(int n) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d", n);
  return buffer;
}

}  // namespace

Quantities find_quantities(const std::vector<MatchToken>& tokens) {
  Quantities q;
  std::vector<bool> used(tokens.size(), false);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto month = month_number(tokens[i].normalized);
    if (!month) continue;
    used[i] = true;
    // "5 February", "الخامس من فبراير", "February 5", "5 февраля".
    std::optional<int> day;
    for (std::size_t j : {i >= 1 ? i - 1 : i, i >= 2 ? i - 2 : i, i + 1}) {
      if (j == i || j >= tokens.size() || used[j]) continue;
      const auto v = number_value(tokens[j]);
      if (v && *v >= 1 && *v <= 31) {
        day = static_cast<int>(*v);
        used[j] = true;
        break;
      }
    }
    std::string date = two_digits(*month);
    if (day) date.append("-").append(two_digits(*day));
    q.dates.push_back(std::move(date));
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (used[i]) continue;
    const auto v = number_value(tokens[i]);
    if (!v) continue;
    if (*v >= 1900 && *v <= 2100 && *v == static_cast<int>(*v)) {
      q.years.push_back(static_cast<int>(*v));
      continue;
    }
    NumberMention n;
    n.value = *v;
    if (i + 1 < tokens.size()) n.unit = tokens[i + 1].key;
    q.numbers.push_back(std::move(n));
  }
  return q;
}

}  // namespace parallax
