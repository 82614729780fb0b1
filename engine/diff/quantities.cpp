#include "diff/quantities.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string_view>
#include <utility>

#include "lexicon/attribution_cues.hpp"
#include "lexicon/number_words.hpp"
#include "lexicon/stop_words.hpp"

namespace parallax {

namespace {

// Suffixes a number may carry glued to its digits: a scale ("40b", "12m", "5bn", "3k") or an
// English ordinal ("1st").
bool is_number_suffix(std::string_view letters) {
  for (std::string_view s : {"k", "m", "b", "bn", "st", "nd", "rd", "th"})
    if (letters == s) return true;
  return false;
}

// Digits of a token (ASCII or Arabic-Indic U+0660..U+0669, Persian U+06F0..U+06F9) as a number.
// Latin letters before or between the digits make a code ("epa11238438", "A320", "5g2"), not a
// number; after them, only a number suffix. Other scripts' letters are skipped ("2020م").
std::optional<double> digits_value(std::string_view word) {
  std::string ascii;
  std::string trailing_letters;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    const bool latin_letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (latin_letter) {
      if (ascii.empty()) return std::nullopt;
      trailing_letters.push_back(static_cast<char>(c | 0x20));
      continue;
    }
    const bool digit = c >= '0' && c <= '9';
    if (!trailing_letters.empty() && (digit || c == 0xD9 || c == 0xDB)) return std::nullopt;
    if (digit) {
      ascii.push_back(static_cast<char>(c));
    } else if (c == '.' && !ascii.empty()) {
      ascii.push_back('.');
    } else if (c == ',' && !ascii.empty()) {
      // "1,000" groups thousands; "7,8" and "24,1" (Russian, Arabic) are decimal commas.
      std::size_t digits_after = 0;
      while (i + 1 + digits_after < word.size() && word[i + 1 + digits_after] >= '0' && word[i + 1 + digits_after] <= '9')
        ++digits_after;
      if (digits_after != 3) ascii.push_back('.');
    } else if ((c == 0xD9 || c == 0xDB) && i + 1 < word.size()) {
      const unsigned char d = static_cast<unsigned char>(word[i + 1]);
      if (c == 0xD9 && d >= 0xA0 && d <= 0xA9) ascii.push_back(static_cast<char>('0' + d - 0xA0));
      if (c == 0xDB && d >= 0xB0 && d <= 0xB9) ascii.push_back(static_cast<char>('0' + d - 0xB0));
      ++i;
    }
  }
  if (ascii.empty()) return std::nullopt;
  if (!trailing_letters.empty() && !is_number_suffix(trailing_letters)) return std::nullopt;
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
struct CurrencySymbol {
  std::string code;
  std::string_view shown;  // the gap from the symbol on (not the "(" of "(£30B)")
};

std::optional<CurrencySymbol> currency_of_symbol(std::string_view gap) {
  for (const auto& [symbol, code] : {std::pair{"$", "USD"}, std::pair{"£", "GBP"}, std::pair{"€", "EUR"},
                                     std::pair{"¥", "JPY"}, std::pair{"₽", "RUB"}, std::pair{"₹", "INR"}})
    if (const std::size_t at = gap.find(symbol); at != std::string_view::npos) return CurrencySymbol{code, gap.substr(at)};
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

// The sign or words of a percentage after the number at `at`: "47%", "47 ٪", "47 per cent",
// "47 percent", "47 процентов", "47 بالمئة", "47 في المائة". Returns the index of the unit's last
// token (`at` itself for a sign, which is no token), or nothing.
std::optional<std::size_t> percent_after(const std::vector<MatchToken>& tokens, std::string_view text, std::size_t at) {
  std::size_t i = tokens[at].span.end;
  while (i < text.size() && text[i] == ' ') ++i;
  if (text.substr(i, 1) == "%" || text.substr(i, std::string_view("٪").size()) == "٪") return at;
  if (at + 1 >= tokens.size()) return std::nullopt;
  const std::string& next = tokens[at + 1].normalized;
  // Arabic as normalized for matching: "بالمئة" -> "بالميه", "المائة" -> "المايه".
  if (next == "percent" || next.rfind("процент", 0) == 0 || next == "بالميه" || next == "بالمايه") return at + 1;
  if (at + 2 < tokens.size()) {
    const std::string& after = tokens[at + 2].normalized;
    if ((next == "per" && after == "cent") || (next == "في" && (after == "الميه" || after == "المايه"))) return at + 2;
  }
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

// A word that says nothing of what is counted: a stop word of any of the three languages, or a
// word that only qualifies the number ("at least 60", "около 60", "نحو 60").
bool is_filler(std::string_view normalized) {
  if (is_stop_word_in_ar_en_ru(normalized)) return true;
  for (std::string_view w : {"least", "than", "nearly", "almost", "around", "approximately", "roughly", "some",
                             "over", "up", "до", "около", "более", "менее", "почти", "порядка", "свыше",
                             "نحو", "قرابة", "حوالي", "اكثر", "اقل", "يقل", "ما"})
    if (normalized == w) return true;
  return false;
}

bool is_number_token(const MatchToken& token) {
  return digits_value(token.normalized) || number_word_value(token.normalized);
}

// Content keys of the words within three tokens of a number (at `at`, its unit or scale word
// ending at `unit`), inside the number's clause and after its attribution.
std::vector<std::string> count_context(const std::vector<MatchToken>& tokens, std::string_view text, std::size_t at,
                                       std::size_t unit) {
  constexpr std::size_t kReach = 3;
  std::vector<std::string> out;
  const auto take = [&](std::size_t i) {
    if (i == at || i == unit || is_filler(tokens[i].normalized) || is_number_token(tokens[i])) return;
    out.push_back(tokens[i].key);
  };
  // Backwards up to the clause's start or the attribution: "the ministry said 60 people ..."
  // counts nothing of the ministry. A claim's content has its cue blanked out with spaces
  // (claims/extract keeps the offsets), so a run of spaces ends the walk like a speech verb.
  const auto blanked_before = [&](std::size_t i) {
    const std::size_t from = tokens[i - 1].span.end, to = tokens[i].span.begin;
    return to <= text.size() && from < to && text.substr(from, to - from).find("  ") != std::string_view::npos;
  };
  for (std::size_t i = at; i > 0 && at - i < kReach && !gap_is_boundary(tokens[i].gap_before); --i) {
    if (blanked_before(i) || is_speech_verb(tokens[i - 1].normalized)) break;
    take(i - 1);
  }
  for (std::size_t i = unit + 1; i < tokens.size() && i <= unit + kReach && !gap_is_boundary(tokens[i].gap_before); ++i)
    take(i);
  return out;
}

std::string two_digits(int n) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d", n);
  return buffer;
}

// The number at `at` with its scale and what it counts.
NumberMention number_mention(const std::vector<MatchToken>& tokens, std::string_view text, std::size_t at,
                             double value) {
  NumberMention n;
  n.value = value;
  std::size_t next = at + 1;
  std::size_t last_shown = at;  // the last token of the number as a reader is shown it
  if (const auto glued = glued_scale(tokens[at].normalized)) {
    n.value *= *glued;
  } else if (next < tokens.size()) {
    if (const auto scale = scale_of(tokens[next].normalized)) {
      n.value *= *scale;
      last_shown = next;
      ++next;
    }
  }
  std::string symbol, suffix;
  if (is_age(tokens, at)) {
    n.unit = "age";
  } else if (const auto currency = currency_of_symbol(tokens[at].gap_before)) {
    n.unit = "currency:" + currency->code;
    symbol = currency->shown;
  } else if (const auto percent = percent_after(tokens, text, at)) {
    n.unit = "percent";
    last_shown = *percent;
    next = *percent;
    if (*percent == at) suffix = "%";
  } else if (const auto word = next < tokens.size() ? currency_of_word(tokens[next].normalized) : std::nullopt) {
    n.unit = "currency:" + *word;
    last_shown = next;
  } else if (const auto measure = next < tokens.size() ? measure_of_word(tokens[next].normalized) : std::nullopt) {
    n.unit = measure->first;
    n.value *= measure->second;
    last_shown = next;
  } else if (next < tokens.size() && !is_filler(tokens[next].normalized)) {
    // A plain count: the word after the number says what is counted ("60 people"); a stop word
    // there ("145 were injured") says nothing, and the count is left without a unit.
    n.unit = tokens[next].key;
    last_shown = next;
  }
  // An amount of change is another quantity than a level: "cut by 10%" / "снизят на 10%" against
  // "cut to 47%" says nothing different (Russian "на" only before a percentage: "на 30 дней" is a
  // duration).
  if (!n.unit.empty() && at >= 1 &&
      (tokens[at - 1].normalized == "by" || (n.unit == "percent" && tokens[at - 1].normalized == "на")))
    n.unit += ":change";
  const std::size_t begin = tokens[at].span.begin, end = tokens[last_shown].span.end;
  const std::string_view written = begin < end && end <= text.size() ? text.substr(begin, end - begin) : tokens[at].normalized;
  n.text = n.unit == "age" ? "age " + std::string(text.substr(begin, tokens[at].span.end - begin))
                           : symbol + std::string(written) + suffix;
  if (!n.unit.empty()) n.context = count_context(tokens, text, at, std::min(next, tokens.size() - 1));
  return n;
}

}  // namespace

Quantities find_quantities(const std::vector<MatchToken>& tokens, std::string_view text) {
  Quantities q;
  std::vector<bool> used(tokens.size(), false);
  // "4:18 p.m.", "15:30": a clock time, not two numbers.
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
    if (tokens[i + 1].gap_before == ":" && digits_value(tokens[i].normalized) && digits_value(tokens[i + 1].normalized))
      used[i] = used[i + 1] = true;
  const auto day_at = [&](std::size_t j) -> std::optional<int> {
    if (j >= tokens.size() || used[j]) return std::nullopt;
    const auto v = number_value(tokens[j]);
    if (!v || *v < 1 || *v > 31 || *v != static_cast<int>(*v)) return std::nullopt;
    return static_cast<int>(*v);
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto month = month_number(tokens[i].normalized);
    if (!month) continue;
    used[i] = true;
    // "5 February", "الخامس من فبراير", "February 5", "5 февраля".
    std::optional<int> day;
    std::size_t day_index = i;
    for (std::size_t j : {i >= 1 ? i - 1 : i, i >= 2 ? i - 2 : i, i + 1}) {
      if (j == i) continue;
      if ((day = day_at(j))) {
        day_index = j;
        used[j] = true;
        break;
      }
    }
    const std::string month_text = two_digits(*month);
    if (!day) {
      q.dates.push_back(month_text);
      q.date_tokens.push_back(i);
      continue;
    }
    q.dates.push_back(month_text + "-" + two_digits(*day));
    q.date_tokens.push_back(i);
    // "23-24 August", "23–24 августа" (hyphen, en or em dash): the first day of a range before the
    // day found.
    const std::string& gap = tokens[day_index].gap_before;
    if (day_index >= 1 && day_index < i && (gap == "-" || gap == "\u2013" || gap == "\u2014"))
      if (const auto first = day_at(day_index - 1)) {
        used[day_index - 1] = true;
        q.dates.push_back(month_text + "-" + two_digits(*first));
        q.date_tokens.push_back(i);
      }
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (used[i]) continue;
    const auto v = number_value(tokens[i]);
    if (!v) continue;
    if (*v >= 1900 && *v <= 2100 && *v == static_cast<int>(*v)) {
      q.years.push_back(static_cast<int>(*v));
      continue;
    }
    q.numbers.push_back(number_mention(tokens, text, i, *v));
  }
  return q;
}

}  // namespace parallax
