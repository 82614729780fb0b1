#include "diff/quantities.hpp"

#include <cstdio>
#include <optional>
#include <string_view>
#include <utility>

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

// Scale words and suffixes after a number.
std::optional<double> scale_of(std::string_view key) {
  for (std::string_view w : {"thousand", "тысяч", "тыс", "الف", "الاف"})
    if (key == w) return 1e3;
  for (std::string_view w : {"million", "millions", "mln", "млн", "миллион", "миллионов", "миллиона", "مليون", "ملايين"})
    if (key == w) return 1e6;
  for (std::string_view w : {"billion", "billions", "bln", "bn", "млрд", "миллиард", "миллиардов", "миллиарда", "مليار", "مليارات"})
    if (key == w) return 1e9;
  for (std::string_view w : {"trillion", "трлн", "триллион", "تريليون"})
    if (key == w) return 1e12;
  return std::nullopt;
}

// "$40b", "12m": a scale letter glued to the digits.
std::optional<double> glued_scale(std::string_view word) {
  if (word.empty() || (word[0] < '0' || word[0] > '9')) return std::nullopt;
  const char last = word.back();
  if (last == 'k') return 1e3;
  if (last == 'm') return 1e6;
  if (last == 'b' || (word.size() > 2 && word.substr(word.size() - 2) == "bn")) return 1e9;
  return std::nullopt;
}

// A currency named by a symbol before the number or a word after it.
std::optional<std::string> currency_of_symbol(std::string_view gap) {
  for (const auto& [symbol, code] : {std::pair{"$", "USD"}, std::pair{"£", "GBP"}, std::pair{"€", "EUR"},
                                     std::pair{"¥", "JPY"}, std::pair{"₽", "RUB"}, std::pair{"₹", "INR"}})
    if (gap.find(symbol) != std::string_view::npos) return std::string(code);
  return std::nullopt;
}

std::optional<std::string> currency_of_word(std::string_view normalized) {
  const auto starts = [&](std::string_view prefix) { return normalized.rfind(prefix, 0) == 0; };
  if (starts("dollar") || starts("доллар") || starts("دولار") || normalized == "usd") return "USD";
  if (starts("euro") || starts("евро") || starts("يورو") || normalized == "eur") return "EUR";
  if (normalized == "pounds" || normalized == "pound" || starts("фунт") || starts("جنيه") || normalized == "gbp")
    return "GBP";
  if (starts("rubl") || starts("рубл") || starts("روبل") || normalized == "rub") return "RUB";
  if (starts("yuan") || starts("юан") || starts("يوان")) return "CNY";
  if (starts("rupee") || starts("рупи") || starts("روبي")) return "INR";
  if (starts("lira") || starts("лир") || starts("ليره")) return "TRY";
  return std::nullopt;
}

// A unit of measure in any of the three languages, as the unit it is counted in and the factor to
// it: "30 kilometres" and "40 км" are both lengths in metres, so they compare (30,000 vs 40,000).
std::optional<std::pair<std::string, double>> measure_of_word(std::string_view normalized) {
  const auto starts = [&](std::string_view prefix) { return normalized.rfind(prefix, 0) == 0; };
  if (normalized == "km" || normalized == "км" || normalized == "كم" || starts("kilomet") || starts("километр") ||
      starts("كيلومتر"))
    return std::pair{std::string("length:m"), 1000.0};
  if (normalized == "m" || normalized == "м" || starts("metre") || starts("meter") || starts("метр") || starts("متر") ||
      starts("مترا"))
    return std::pair{std::string("length:m"), 1.0};
  if (normalized == "mile" || normalized == "miles" || starts("мил") || starts("ميل"))
    return std::pair{std::string("length:m"), 1609.344};
  if (normalized == "kg" || normalized == "кг" || starts("kilogram") || starts("килограмм") || starts("كيلوغرام") ||
      starts("كيلوجرام"))
    return std::pair{std::string("mass:kg"), 1.0};
  if (normalized == "tonnes" || normalized == "tonne" || normalized == "tons" || normalized == "ton" || starts("тонн") ||
      normalized == "طن" || normalized == "أطنان")
    return std::pair{std::string("mass:kg"), 1000.0};
  return std::nullopt;
}

// An age rather than a length of time: "51-year-old", "aged 51", "в возрасте 51 года",
// "51-летний", "البالغ من العمر 51 عاما".
bool is_age(const std::vector<MatchToken>& tokens, std::size_t number) {
  if (number >= 1) {
    const std::string& before = tokens[number - 1].normalized;
    if (before == "aged" || before == "age" || before == "возрасте" || before == "العمر") return true;
  }
  if (number + 1 < tokens.size() && tokens[number + 1].normalized.rfind("летн", 0) == 0) return true;
  return number + 2 < tokens.size() && tokens[number + 2].normalized == "old" &&
         (tokens[number + 1].normalized == "year" || tokens[number + 1].normalized == "years");
}

std::string two_digits(int n) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d", n);
  return buffer;
}

// The number at `at` with its scale and what it counts.
NumberMention number_mention(const std::vector<MatchToken>& tokens, std::size_t at, double value) {
  NumberMention n;
  n.value = value;
  std::size_t next = at + 1;
  if (const auto glued = glued_scale(tokens[at].normalized)) {
    n.value *= *glued;
    n.text = tokens[at].normalized;
  } else if (next < tokens.size()) {
    if (const auto scale = scale_of(tokens[next].normalized)) {
      n.value *= *scale;
      n.text = tokens[at].normalized + " " + tokens[next].normalized;
      ++next;
    }
  }
  if (is_age(tokens, at)) {
    n.unit = "age";
  } else if (const auto symbol = currency_of_symbol(tokens[at].gap_before)) {
    n.unit = "currency:" + *symbol;
  } else if (const auto word = next < tokens.size() ? currency_of_word(tokens[next].normalized) : std::nullopt) {
    n.unit = "currency:" + *word;
  } else if (const auto measure = next < tokens.size() ? measure_of_word(tokens[next].normalized) : std::nullopt) {
    n.unit = measure->first;
    n.value *= measure->second;
    if (n.text.empty()) n.text = tokens[at].normalized + " " + tokens[next].normalized;
  } else if (next < tokens.size()) {
    n.unit = tokens[next].key;
  }
  return n;
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
    q.numbers.push_back(number_mention(tokens, i, *v));
  }
  return q;
}

}  // namespace parallax
