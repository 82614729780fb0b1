// Cross-script name keys (engine/lexicon/name_key): does an English name get the key of its
// Russian or Arabic spelling? Measured on Wikidata person-name pairs (Merhav & Ash 2018, CC0):
// wd_{arabic,russian}_{80,20}, one name token per line, `english<TAB>native letters separated by
// spaces<TAB>count`. The key's letter classes were tuned on the *_80 files only; *_20 is held out.
//
// Per file, both sides normalized (normalize_for_matching) and keyed:
//   recall     share of pairs whose two keys are equal and non-empty.
//   precision  over the distinct English and the distinct native names of the file, every
//              (English, native) couple with equal non-empty keys is a predicted match; precision
//              is the share of predicted matches that are pairs of the file. A file holds ~10^4
//              names, so this counts far more chance meetings than a pair of articles would.
//   no key     share of names (both sides) whose key is empty (fewer than two classes).
//   forms      recall on inflected forms, among the pairs whose bare forms meet: Russian case
//              forms made from the nominative (Путин -> Путина, Путину, Путиным, Путине;
//              Зеленский -> Зеленского, Зеленскому, Зеленским, Зеленском), Arabic with the
//              conjunction و written on (وبوتين, والأسد).
// Then the keys of a dozen names from the news, and the speed of name_key per script.
//
// Usage: parallax_name_key_bench [WD_TRANSLIT_DIR]
//   default: shared/data/xling/names/wd_translit beside the repository.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "lexicon/name_key.hpp"
#include "text/normalize.hpp"

using namespace parallax;

namespace {

struct NamePair {
  std::string english, native;  // normalized
};

std::vector<NamePair> read_pairs(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<NamePair> pairs;
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t tab1 = line.find('\t');
    const std::size_t tab2 = line.find('\t', tab1 + 1);
    if (tab1 == std::string::npos || tab2 == std::string::npos) continue;
    std::string native = line.substr(tab1 + 1, tab2 - tab1 - 1);
    std::erase(native, ' ');
    pairs.push_back({normalize_for_matching(line.substr(0, tab1)), normalize_for_matching(native)});
  }
  return pairs;
}

bool ends_with_any(std::string_view word, std::initializer_list<std::string_view> endings) {
  return std::any_of(endings.begin(), endings.end(),
                     [&](std::string_view e) { return word.ends_with(e); });
}

// Cyrillic letters are two bytes in UTF-8.
std::string drop_letters(std::string_view word, std::size_t letters) {
  return std::string(word.substr(0, word.size() - 2 * letters));
}

// Oblique case forms of a Russian name as the news writes them (genitive, dative, instrumental,
// prepositional), by the name's declension: adjectival (-ский), possessive surnames (-ов, -ин),
// consonant stems, soft stems. Names in a vowel (Лукашенко, Моди) do not decline here.
std::vector<std::string> russian_case_forms(const std::string& name) {
  const std::string_view w = name;
  if (ends_with_any(w, {"ий", "ый", "ой"}) && w.size() > 8) {
    const std::string stem = drop_letters(w, 2);
    return {stem + "ого", stem + "ому", stem + (w.ends_with("ий") ? "им" : "ым"), stem + "ом"};
  }
  if (ends_with_any(w, {"ов", "ев", "ёв", "ин", "ын"}))
    return {name + "а", name + "у", name + "ым", name + "е"};
  if (ends_with_any(w, {"ь", "й"})) {
    const std::string stem = drop_letters(w, 1);
    return {stem + "я", stem + "ю", stem + "ем", stem + "е"};
  }
  if (ends_with_any(w, {"б", "в", "г", "д", "ж", "з", "к", "л", "м", "н",
                        "п", "р", "с", "т", "ф", "х", "ц", "ч", "ш", "щ"})) {
    return {name + "а", name + "у", name + "ом", name + "е"};
  }
  return {};
}

std::vector<std::string> forms_of(const std::string& native, bool russian) {
  return russian ? russian_case_forms(native) : std::vector<std::string>{"و" + native};
}

struct Scores {
  std::size_t pairs = 0;
  double recall = 0, precision = 0, no_key = 0, forms_recall = 0;
  std::size_t forms = 0;
};

double pairwise_precision(const std::vector<NamePair>& pairs,
                          const std::vector<std::string>& english_keys,
                          const std::vector<std::string>& native_keys) {
  std::map<std::string, std::set<std::string>> english_by_key, native_by_key;
  std::set<std::pair<std::string, std::string>> true_matches;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    if (!english_keys[i].empty()) english_by_key[english_keys[i]].insert(pairs[i].english);
    if (!native_keys[i].empty()) native_by_key[native_keys[i]].insert(pairs[i].native);
    if (!english_keys[i].empty() && english_keys[i] == native_keys[i])
      true_matches.emplace(pairs[i].english, pairs[i].native);
  }
  double predicted = 0;
  for (const auto& [key, english] : english_by_key) {
    const auto native = native_by_key.find(key);
    if (native != native_by_key.end())
      predicted += double(english.size()) * double(native->second.size());
  }
  return predicted > 0 ? double(true_matches.size()) / predicted : 0;
}

Scores score(const std::vector<NamePair>& pairs, bool russian) {
  Scores s;
  s.pairs = pairs.size();
  std::vector<std::string> english_keys, native_keys;
  std::size_t met = 0, empty = 0, forms_met = 0;
  for (const NamePair& pair : pairs) {
    english_keys.push_back(name_key(pair.english));
    native_keys.push_back(name_key(pair.native));
    const std::string& key = english_keys.back();
    empty += key.empty() + native_keys.back().empty();
    if (key.empty() || key != native_keys.back()) continue;
    ++met;
    for (const std::string& form : forms_of(pair.native, russian)) {
      ++s.forms;
      forms_met += name_key(form) == key;
    }
  }
  s.recall = double(met) / double(pairs.size());
  s.no_key = double(empty) / double(2 * pairs.size());
  s.forms_recall = s.forms ? double(forms_met) / double(s.forms) : 0;
  s.precision = pairwise_precision(pairs, english_keys, native_keys);
  return s;
}

void print_scores(const std::string& dir) {
  std::printf("## Name keys on Wikidata name pairs (tuned on *_80; *_20 held out)\n\n");
  std::printf("| file | pairs | recall | precision | no key | forms | forms recall |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|\n");
  for (const char* file : {"wd_arabic_80", "wd_arabic_20", "wd_russian_80", "wd_russian_20"}) {
    const bool russian = std::string_view(file).find("russian") != std::string_view::npos;
    const Scores s = score(read_pairs(dir + "/" + file), russian);
    std::printf("| %s | %zu | %.3f | %.4f | %.3f | %zu | %.3f |\n", file, s.pairs, s.recall,
                s.precision, s.no_key, s.forms, s.forms_recall);
  }
  std::printf("\n");
}

void print_known_names() {
  // Moscow is irregular (Москва, موسكو): place names come from a gazetteer, not from keys.
  const char* names[][3] = {
      {"Biden", "Байден", "بايدن"},          {"Putin", "Путин", "بوتين"},
      {"Zelensky", "Зеленский", "زيلينسكي"}, {"Zelenskyy", "Зеленский", "زيلينسكي"},
      {"Erdogan", "Эрдоган", "أردوغان"},     {"Alaska", "Аляска", "ألاسكا"},
      {"Trump", "Трамп", "ترامب"},           {"Lavrov", "Лавров", "لافروف"},
      {"Blinken", "Блинкен", "بلينكن"},      {"Macron", "Макрон", "ماكرون"},
      {"Scholz", "Шольц", "شولتس"},          {"Modi", "Моди", "مودي"},
      {"Prigozhin", "Пригожин", "بريغوجين"}, {"Lukashenko", "Лукашенко", "لوكاشينكو"},
      {"Moscow", "Москва", "موسكو"},
  };
  std::printf(
      "## Keys of names from the news\n\n| English | Russian | Arabic | keys (en / ru / ar) | meet "
      "|\n");
  std::printf("|---|---|---|---|---|\n");
  for (const auto& name : names) {
    std::string keys[3];
    for (int i = 0; i < 3; ++i) keys[i] = name_key(normalize_for_matching(name[i]));
    const bool meet = !keys[0].empty() && keys[0] == keys[1] && keys[1] == keys[2];
    std::printf("| %s | %s | %s | %s / %s / %s | %s |\n", name[0], name[1], name[2],
                keys[0].c_str(), keys[1].c_str(), keys[2].c_str(), meet ? "yes" : "no");
  }
  std::printf("\n");
}

// Nanoseconds per name_key call over the words, median and range of five passes.
std::vector<double> time_per_word(const std::vector<std::string>& words) {
  std::vector<double> passes;
  std::size_t sink = 0;
  for (int pass = 0; pass < 5; ++pass) {
    const auto start = std::chrono::steady_clock::now();
    for (const std::string& word : words) sink += name_key(word).size();
    const std::chrono::duration<double, std::nano> elapsed =
        std::chrono::steady_clock::now() - start;
    passes.push_back(elapsed.count() / double(words.size()));
  }
  if (sink == 0) std::printf("(no keys)\n");
  std::sort(passes.begin(), passes.end());
  return passes;
}

bool is_ascii(std::string_view word) {
  return std::all_of(word.begin(), word.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

void print_speed(const std::string& dir) {
  // ASCII words skip the transliterator; Latin words with diacritics do not.
  std::vector<std::string> ascii, latin, russian, arabic;
  for (const NamePair& pair : read_pairs(dir + "/wd_arabic_20")) {
    (is_ascii(pair.english) ? ascii : latin).push_back(pair.english);
    arabic.push_back(pair.native);
  }
  for (const NamePair& pair : read_pairs(dir + "/wd_russian_20")) russian.push_back(pair.native);
  std::printf(
      "## Speed (one thread, normalized words of the *_20 files)\n\n| words | count | ns/word "
      "median | range |\n");
  std::printf("|---|---:|---:|---|\n");
  for (const auto& [script, words] : {std::pair{"English, ASCII", &ascii},
                                      {"Latin, diacritics", &latin},
                                      {"Russian", &russian},
                                      {"Arabic", &arabic}}) {
    const std::vector<double> ns = time_per_word(*words);
    std::printf("| %s | %zu | %.0f | %.0f-%.0f |\n", script, words->size(), ns[2], ns.front(),
                ns.back());
  }
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir =
      argc > 1 ? argv[1] : PARALLAX_SOURCE_DIR "/../shared/data/xling/names/wd_translit";
  try {
    print_scores(dir);
    print_known_names();
    print_speed(dir);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "parallax_name_key_bench: %s\n", error.what());
    return 1;
  }
  return 0;
}
