#include "diff/speaker_names.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "lexicon/concept_terms.hpp"
#include "lexicon/name_key.hpp"
#include "lexicon/stop_words.hpp"
#include "text/language.hpp"

namespace parallax {
namespace {

// The keys of a speaker's names: its capitalized words (Latin, Cyrillic), or all its words when
// they are written in a script without capitals (Arabic), as cross-script name keys
// (lexicon/name_key: "Трампу" and "Trump" meet), else as matching keys.
std::set<std::string> name_keys(const std::string& speaker, WordKeyer& keyer) {
  std::set<std::string> keys;
  for (const MatchToken& t : keyer.tokenize(speaker)) {
    const Script script = word_script(t.normalized);
    if (!t.capitalized && script != Script::Arabic && script != Script::Other) continue;
    std::string key = name_key(t.normalized);
    keys.insert(key.empty() ? t.key : std::move(key));
  }
  return keys;
}

// Per content word of a speaker's name, its English concept terms (name keys included).
std::vector<std::set<std::string>> word_concepts(const std::string& speaker, const std::string& lang,
                                                 const ConceptTable& concepts, WordKeyer& keyer) {
  std::vector<std::set<std::string>> words;
  for (const MatchToken& t : keyer.tokenize(speaker)) {
    if (is_stop_word(lang, t.normalized)) continue;
    std::vector<ConceptTerm> terms;
    append_concept_terms(concepts, lang, t.normalized, t.key, terms);
    std::set<std::string> keys;
    for (const ConceptTerm& term : terms) keys.insert(term.term);
    if (!keys.empty()) words.push_back(std::move(keys));
  }
  return words;
}

// Every word of `a` has a concept among the words of `b`.
bool covered_by(const std::vector<std::set<std::string>>& a, const std::vector<std::set<std::string>>& b) {
  return std::all_of(a.begin(), a.end(), [&](const std::set<std::string>& word) {
    return std::any_of(b.begin(), b.end(), [&](const std::set<std::string>& other) {
      return std::any_of(word.begin(), word.end(), [&](const std::string& t) { return other.count(t) > 0; });
    });
  });
}

}  // namespace

void merge_speakers_across_languages(std::vector<Claim>& claims, const ConceptTable& concepts, WordKeyer& keyer) {
  struct Speaker {
    std::string lang;
    std::vector<std::set<std::string>> words;
  };
  std::map<std::string, Speaker> speakers;  // distinct speakers, authors left out, in the language of their first claim
  std::vector<std::string> order;
  for (const Claim& c : claims) {
    if (c.attribution == AttributionKind::Author || speakers.count(c.speaker)) continue;
    speakers[c.speaker] = {c.lang, word_concepts(c.speaker, c.lang, concepts, keyer)};
    order.push_back(c.speaker);
  }
  std::map<std::string, std::string> renamed;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const Speaker& a = speakers[order[i]];
    if (a.words.empty() || renamed.count(order[i])) continue;
    for (std::size_t j = i + 1; j < order.size(); ++j) {
      const Speaker& b = speakers[order[j]];
      if (b.lang == a.lang || b.words.empty() || renamed.count(order[j])) continue;
      if (!covered_by(a.words, b.words) || !covered_by(b.words, a.words)) continue;
      // Readers see the English name when there is one.
      if (b.lang == "en" && a.lang != "en") renamed[order[i]] = order[j];
      else renamed[order[j]] = order[i];
      if (renamed.count(order[i])) break;
    }
  }
  for (Claim& c : claims) {
    if (c.attribution == AttributionKind::Author) continue;
    for (auto it = renamed.find(c.speaker); it != renamed.end(); it = renamed.find(c.speaker)) c.speaker = it->second;
  }
}

void merge_speaker_names(std::vector<Claim>& claims, WordKeyer& keyer) {
  std::map<std::string, std::set<std::string>> keys_of;  // distinct speakers, authors left out
  for (const Claim& c : claims)
    if (c.attribution != AttributionKind::Author && !keys_of.count(c.speaker)) keys_of[c.speaker] = name_keys(c.speaker, keyer);
  std::map<std::string, std::string> renamed;
  for (const auto& [speaker, keys] : keys_of) {
    const std::string* best = nullptr;
    for (const auto& [other, other_keys] : keys_of) {
      if (other == speaker || other_keys.empty() || other_keys.size() >= keys.size()) continue;
      if (!std::includes(keys.begin(), keys.end(), other_keys.begin(), other_keys.end())) continue;
      if (!best || other_keys.size() < keys_of[*best].size() || (other_keys.size() == keys_of[*best].size() && other < *best))
        best = &other;
    }
    if (best) renamed[speaker] = *best;
  }
  for (Claim& c : claims) {
    if (c.attribution == AttributionKind::Author) continue;
    // Follow chains ("President Donald Trump" -> "Donald Trump" -> "Trump").
    for (auto it = renamed.find(c.speaker); it != renamed.end(); it = renamed.find(c.speaker)) c.speaker = it->second;
  }
}

}  // namespace parallax
