#include "claims/cues.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

#include "lexicon/attribution_cues.hpp"
#include "text/language.hpp"

namespace parallax {

namespace {

// A source phrase starting at i: returns the index of the first word after it, or 0.
std::size_t source_phrase_end(const std::vector<MatchToken>& t, std::size_t i, std::size_t end) {
  const std::optional<std::string_view> next =
      i + 1 < end ? std::optional<std::string_view>(t[i + 1].normalized) : std::nullopt;
  const std::size_t length = source_phrase_length(t[i].normalized, next);
  return length == 0 ? 0 : i + length;
}

// The phrase after position `from`: up to a boundary, a stop word, another cue, or max_words.
std::pair<std::size_t, std::size_t> phrase_after(const std::vector<MatchToken>& t, std::size_t from,
                                                 std::size_t end, std::size_t max_words) {
  std::size_t stop = from;
  while (stop < end && stop - from < max_words) {
    // A comma right after the verb is allowed ("قال، البيت الأبيض"); a quote or colon there opens
    // the quotation ("وقال: “...”"), and any later boundary ends the phrase.
    const std::string& gap = t[stop].gap_before;
    const bool comma = gap == "،" || gap == ",";
    if (gap_is_boundary(gap) && (stop > from || !comma)) break;
    if (ends_speaker_phrase(t[stop].normalized) || is_speech_verb(t[stop].normalized)) break;
    ++stop;
  }
  return {from, stop};
}

// The phrase before the cue: back to the clause start or the last boundary.
std::pair<std::size_t, std::size_t> phrase_before(const std::vector<MatchToken>& t,
                                                  std::size_t begin, std::size_t cue,
                                                  std::size_t max_words) {
  std::size_t start = cue;
  while (start > begin && cue - start < max_words && !gap_is_boundary(t[start].gap_before)) {
    --start;
  }
  while (start < cue && is_speaker_filler(t[start])) ++start;
  return {start, cue};
}

std::optional<CueHit> find_source(const std::vector<MatchToken>& t, std::size_t begin,
                                  std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    if (const std::size_t after = source_phrase_end(t, i, end)) {
      CueHit hit{CueKind::Source, i, after, {phrase_after(t, after, end, 6)}};
      return hit;
    }
    if (is_relay_verb(t[i].normalized)) {
      for (std::size_t j = i + 1; j < end && j < i + 10; ++j) {
        if (t[j].normalized == "عن") {
          return CueHit{CueKind::Relay, i, i + 1, {phrase_after(t, j + 1, end, 6)}};
        }
      }
    }
  }
  return std::nullopt;
}

std::optional<CueHit> find_verb(const std::vector<MatchToken>& t, std::size_t begin,
                                std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    const std::string& w = t[i].normalized;
    const Script script = word_script(w);
    if (is_reporting_participle(w)) {
      return CueHit{CueKind::Participle, i, i + 1, {}};
    }
    if (!is_speech_verb(w)) continue;
    // A capitalized Latin word is a name or a sentence start, not a reporting verb ("Said Ahmed").
    if (script == Script::Latin && t[i].capitalized && i != begin) continue;
    if (script == Script::Arabic) {
      // Arabic puts the verb first (VSO): it must open the clause (after a few particles such as
      // "كما" or "من جهته") or follow a comma; deeper in the sentence it is reported speech.
      const bool near_start = i - begin <= 3;
      if (!near_start && !gap_is_boundary(t[i].gap_before)) continue;
      return CueHit{CueKind::Verb, i, i + 1, {phrase_after(t, i + 1, end, 6)}};
    }
    CueHit hit{CueKind::Verb, i, i + 1, {}};
    const auto before = phrase_before(t, begin, i, 8);
    auto after = phrase_after(t, i + 1, end, 5);
    // "сообщили в Кремле", "говорится в заявлении Белого дома": the institution follows "в".
    if (script == Script::Cyrillic && after.first >= after.second && i + 2 < end &&
        (t[i + 1].normalized == "в" || t[i + 1].normalized == "во") && !gap_is_boundary(t[i + 1].gap_before))
      after = phrase_after(t, i + 2, end, 5);
    // Russian news puts the speaker after the verb ("заявил Песков"), English before it ("the
    // Kremlin said") unless the quote comes first ("..., said Psaki"). Only one side is the
    // subject: the other is what was said ("said the New START treaty ...").
    const bool before_empty = before.first >= before.second;
    const bool after_empty = after.first >= after.second;
    if (script == Script::Cyrillic) {
      hit.speaker_ranges = {after_empty ? before : after};
    } else {
      hit.speaker_ranges = {before_empty ? after : before};
    }
    return hit;
  }
  return std::nullopt;
}

}  // namespace

const char* to_string(CueKind kind) {
  switch (kind) {
    case CueKind::Verb:
      return "verb";
    case CueKind::Participle:
      return "participle";
    case CueKind::Source:
      return "source";
    case CueKind::Relay:
      return "relay";
  }
  return "verb";
}

std::optional<CueHit> find_cue(const std::vector<MatchToken>& tokens, std::size_t begin,
                               std::size_t end) {
  end = std::min(end, tokens.size());
  if (auto source = find_source(tokens, begin, end)) return source;
  return find_verb(tokens, begin, end);
}

bool starts_with_continuation(const std::vector<MatchToken>& t, std::size_t begin,
                              std::size_t end) {
  if (begin >= end) return false;
  const std::string& first = t[begin].normalized;
  if (is_continuation_marker(first) || is_subject_pronoun(first)) {
    return true;
  }
  // "По его словам, ...", "According to him, ...": a source phrase naming the previous speaker.
  if (end - begin >= 3 && is_pronoun_source(t[begin].normalized, t[begin + 1].normalized, t[begin + 2].normalized))
    return true;
  // "It also ...", "The statement also ...", "Он также ..." within the first three words.
  for (std::size_t i = begin + 1; i < end && i < begin + 3; ++i) {
    if ((t[i].normalized == "also" || t[i].normalized == "также") &&
        is_anaphoric_phrase(t, begin, i)) {
      return true;
    }
  }
  return false;
}

bool opens_reported_clause(const std::vector<MatchToken>& t, std::size_t i) {
  if (i == 0 || i >= t.size()) return false;
  const std::string& gap = t[i].gap_before;
  if (gap != "،" && gap != "," && gap != ";" && gap != "؛") return false;
  const std::string& w = t[i].normalized;
  if (is_reporting_participle(w)) return true;
  // "، واعتبر أن ...": a conjoined Arabic speech verb with no subject of its own.
  return word_script(w) == Script::Arabic && is_conjoined_arabic_speech_verb(w);
}

bool is_anaphoric_phrase(const std::vector<MatchToken>& t, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    const std::string& w = t[i].normalized;
    if (is_speaker_filler(t[i])) continue;
    if (is_subject_pronoun(w) || is_anaphoric_noun(w)) continue;
    return false;
  }
  return true;
}

bool is_role_word(const MatchToken& token) { return is_speaker_role_word(token.normalized); }

bool is_quote_noun(const MatchToken& token) { return is_quoting_noun(token.normalized); }

bool is_speaker_filler(const MatchToken& token) { return is_speaker_filler_word(token.normalized); }

}  // namespace parallax
