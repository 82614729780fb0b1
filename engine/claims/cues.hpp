#pragma once
// Attribution cues in Arabic, English and Russian: speech verbs ("قال", "said", "заявил"),
// participles that open a reported clause ("مشيراً", "adding", "добавив"), source phrases ("بحسب",
// "according to", "по словам"), relays ("نقلت ... عن") and continuation markers ("كما", "He also").
// Everything is matched on normalized words (MatchToken::normalized); the word lists are in
// lexicon/attribution_cues.hpp.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "claims/match_tokens.hpp"

namespace parallax {

enum class CueKind {
  Verb,        // a speech verb; the speaker is next to it
  Participle,  // "adding that", "مشيراً إلى"; the speaker is the sentence's subject
  Source,      // "according to X", "بحسب X"; the speaker follows
  Relay,       // "نقلت وكالات ... عن X"; the speaker follows "عن"
};

const char* to_string(CueKind kind);

struct CueHit {
  CueKind kind = CueKind::Verb;
  std::size_t begin = 0;  // token range of the cue words
  std::size_t end = 0;
  // Candidate speaker phrases as token ranges (possibly empty), in the order to try them.
  std::vector<std::pair<std::size_t, std::size_t>> speaker_ranges;
};

// The attribution cue of tokens[begin, end) (one clause): a source or relay phrase anywhere wins
// over a speech verb (in "Biden noted, according to the White House, ..." the source is the White
// House); otherwise the first speech verb in a plausible position.
std::optional<CueHit> find_cue(const std::vector<MatchToken>& tokens, std::size_t begin,
                               std::size_t end);

// The clause opens with a marker that continues the previous speaker's account ("كما", "Also,",
// "Кроме того"), or a pronoun subject ("He also ...").
bool starts_with_continuation(const std::vector<MatchToken>& tokens, std::size_t begin,
                              std::size_t end);

// A new reported clause starts at tokens[i] when it follows a comma and is a participle cue or
// "and" + speech verb ("، واعتبر أن", ", adding that"). Used to split long sentences.
bool opens_reported_clause(const std::vector<MatchToken>& tokens, std::size_t i);

// The words of a speaker phrase that refer back to an earlier speaker: pronouns, "the statement",
// "the spokesman", "البيان", "المتحدث", "ذلك".
bool is_anaphoric_phrase(const std::vector<MatchToken>& tokens, std::size_t begin, std::size_t end);

// The first name or title in tokens [from, cue) with the capitalized words and titles that follow
// it ("Министр обороны Германии Борис Писториус"): the subject of a verb or participle whose own
// neighbours name no one. Empty ({cue, cue}) when there is none.
std::pair<std::size_t, std::size_t> leading_name(const std::vector<MatchToken>& tokens, std::size_t from,
                                                 std::size_t cue);

// Job titles and "باسم" ("on behalf of") inside a speaker phrase: "the White House press secretary
// Jen Psaki" names Psaki as speaking for the White House. tokens[i] is the word; a press
// conference or release ("пресс-конференции") is no role.
bool is_role_word(const std::vector<MatchToken>& tokens, std::size_t i);

// "قوله" / "قولها" ("his saying") closing a relay: "نقلت ... عن البيت الأبيض قوله".
bool is_quote_noun(const MatchToken& token);

// Function words that never start or form a speaker (articles, adverbs such as "also").
bool is_speaker_filler(const MatchToken& token);

}  // namespace parallax
