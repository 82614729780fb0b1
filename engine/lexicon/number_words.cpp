#include "lexicon/number_words.hpp"

#include <functional>
#include <map>
#include <string>

namespace parallax {

namespace {

using WordValues = std::map<std::string, int, std::less<>>;

// The tables are built at their first look-up, not by a static constructor at every process start
// (see lexicon/sorted_words.hpp).

// Cardinal and ordinal number words, normalized (أ -> ا, ة -> ه).
const WordValues& number_words() {
  static const WordValues table = {
      {"واحد", 1},   {"واحده", 1},  {"اثنان", 2},  {"اثنين", 2},  {"ثلاث", 3},   {"ثلاثه", 3},
      {"اربع", 4},   {"اربعه", 4},  {"خمس", 5},    {"خمسه", 5},   {"ست", 6},     {"سته", 6},
      {"سبع", 7},    {"سبعه", 7},   {"ثماني", 8},  {"ثمانيه", 8}, {"تسع", 9},    {"تسعه", 9},
      {"عشر", 10},   {"عشره", 10},  {"الاول", 1},  {"الثاني", 2}, {"الثالث", 3}, {"الرابع", 4},
      {"الخامس", 5}, {"السادس", 6}, {"السابع", 7}, {"الثامن", 8}, {"التاسع", 9}, {"العاشر", 10},
      {"one", 1},    {"two", 2},    {"three", 3},  {"four", 4},   {"five", 5},   {"six", 6},
      {"seven", 7},  {"eight", 8},  {"nine", 9},   {"ten", 10},   {"first", 1},  {"second", 2},
      {"third", 3},  {"fourth", 4}, {"fifth", 5},  {"sixth", 6},  {"seventh", 7}, {"eighth", 8},
      {"ninth", 9},  {"tenth", 10}, {"один", 1},   {"одного", 1}, {"два", 2},    {"двух", 2},
      {"три", 3},    {"трех", 3},   {"трёх", 3},   {"четыре", 4}, {"пять", 5},   {"пяти", 5},
      {"пятью", 5},  {"шесть", 6},  {"семь", 7},   {"восемь", 8}, {"девять", 9}, {"десять", 10}};
  return table;
}

const WordValues& months() {
  static const WordValues table = {
      {"يناير", 1},   {"فبراير", 2},   {"مارس", 3},   {"ابريل", 4},   {"مايو", 5},     {"يونيو", 6},
      {"يوليو", 7},   {"اغسطس", 8},    {"سبتمبر", 9}, {"اكتوبر", 10}, {"نوفمبر", 11},  {"ديسمبر", 12},
      {"شباط", 2},    {"اذار", 3},     {"نيسان", 4},  {"ايار", 5},    {"حزيران", 6},   {"تموز", 7},
      {"اب", 8},      {"ايلول", 9},    {"january", 1}, {"february", 2}, {"march", 3},   {"april", 4},
      {"may", 5},     {"june", 6},     {"july", 7},   {"august", 8},  {"september", 9}, {"october", 10},
      {"november", 11}, {"december", 12}, {"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4},
      {"мая", 5},     {"июня", 6},     {"июля", 7},   {"августа", 8}, {"сентября", 9}, {"октября", 10},
      {"ноября", 11}, {"декабря", 12}};
  return table;
}

// Normalized as the other tables; "local" as in "local time" ("بالتوقيت المحلي", "по местному времени").
const WordValues& time_words() {
  static const WordValues table = {
      {"morning", 1}, {"afternoon", 1}, {"evening", 1}, {"night", 1}, {"noon", 1}, {"midnight", 1},
      {"today", 1}, {"yesterday", 1}, {"tomorrow", 1}, {"tonight", 1}, {"day", 1}, {"week", 1},
      {"weekend", 1}, {"year", 1}, {"local", 1}, {"time", 1}, {"early", 1}, {"late", 1},
      {"monday", 1}, {"tuesday", 1}, {"wednesday", 1}, {"thursday", 1}, {"friday", 1}, {"saturday", 1},
      {"sunday", 1}, {"صباح", 1}, {"الصباح", 1}, {"ظهر", 1}, {"الظهر", 1}, {"مساء", 1}, {"المساء", 1},
      {"ليل", 1}, {"ليله", 1}, {"الليله", 1}, {"فجر", 1}, {"الفجر", 1}, {"يوم", 1}, {"اليوم", 1},
      {"امس", 1}, {"غدا", 1}, {"عام", 1}, {"العام", 1}, {"سنه", 1}, {"توقيت", 1}, {"التوقيت", 1},
      {"المحلي", 1}, {"الاثنين", 1}, {"الثلاثاء", 1}, {"الاربعاء", 1}, {"الخميس", 1}, {"الجمعه", 1},
      {"السبت", 1}, {"الاحد", 1}, {"утро", 1}, {"утром", 1}, {"днем", 1}, {"днём", 1}, {"день", 1},
      {"дня", 1}, {"вечер", 1}, {"вечером", 1}, {"ночь", 1}, {"ночью", 1}, {"сегодня", 1}, {"вчера", 1},
      {"завтра", 1}, {"время", 1}, {"времени", 1}, {"местному", 1}, {"год", 1}, {"года", 1}, {"г", 1},
      {"понедельник", 1}, {"вторник", 1}, {"среду", 1}, {"среда", 1}, {"четверг", 1}, {"пятницу", 1},
      {"пятница", 1}, {"субботу", 1}, {"суббота", 1}, {"воскресенье", 1}};
  return table;
}

std::optional<int> lookup(const WordValues& table, std::string_view word) {
  if (const auto it = table.find(word); it != table.end()) return it->second;
  // Attached conjunctions and prepositions: "وخمس", "لخمس", "بخمس".
  for (std::string_view prefix : {"و", "ل", "ب"}) {
    if (word.size() > prefix.size() + 2 && word.substr(0, prefix.size()) == prefix) {
      if (const auto it = table.find(word.substr(prefix.size())); it != table.end()) {
        return it->second;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<int> number_word_value(std::string_view normalized_word) {
  return lookup(number_words(), normalized_word);
}

std::optional<int> month_number(std::string_view normalized_word) {
  return lookup(months(), normalized_word);
}

bool is_time_word(std::string_view normalized_word) {
  return lookup(time_words(), normalized_word).has_value();
}

}  // namespace parallax
