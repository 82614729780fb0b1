#include "diff/speaker_names.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "lexicon/name_key.hpp"
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

}  // namespace

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
