#include "claims/cues.hpp"

#include <algorithm>
#include <set>
#include <string_view>

#include "text/language.hpp"

namespace parallax {

namespace {

using WordSet = std::set<std::string, std::less<>>;

// Perfect-tense speech verbs, masculine / feminine / dual / plural, after normalization (أ -> ا,
// ة -> ه, ى -> ي). Present-tense forms are left out on purpose: they mostly occur negated or in
// subordinate clauses ("لم يؤكد البيت الأبيض بعد" is not an attribution).
const WordSet kArabicVerbs = {
    "قال",   "قالت",  "قالوا",  "قالا",  "قالتا", "اكد",   "اكدت",  "اكدوا",  "اكدا",
    "اعلن",  "اعلنت", "اعلنوا", "اعلنا", "اشار",  "اشارت", "اشاروا", "اشارا", "ذكر",
    "ذكرت",  "ذكروا", "اعرب",   "اعربت", "اعربوا", "اعربا", "اضاف",  "اضافت", "اضافوا",
    "صرح",   "صرحت",  "صرحوا",  "اوضح",  "اوضحت", "اعتبر", "اعتبرت", "اعتبروا", "شدد",
    "شددت",  "تابع",  "تابعت",  "افاد",  "افادت", "نفي",   "نفت",   "نفوا",   "كشف",
    "كشفت",  "لفت",   "لفتت",   "ابلغ",  "ابلغت"};
const WordSet kArabicParticiples = {"قايلا", "مضيفا", "مشيرا", "موضحا", "موكدا",
                                    "معتبرا", "مشددا", "لافتا", "معربا", "مبينا"};
const WordSet kArabicSources = {"حسب", "بحسب", "وحسب", "وبحسب", "فحسب", "بحسبه"};
const WordSet kArabicRelayVerbs = {"نقل", "نقلت", "نقلوا", "ونقل", "ونقلت", "ونقلوا"};
const WordSet kArabicContinuations = {"كما", "وكما", "ايضا", "كذلك", "وكذلك"};

const WordSet kEnglishVerbs = {
    "said",      "says",      "stated",     "told",      "tells",
    "added",     "adds",      "announced",  "noted",     "stressed", "confirmed", "denied",
    "denies",    "claimed",   "insisted",   "warned",    "emphasized", "emphasised",
    "explained", "declared",  "acknowledged", "asserted", "argued",  "reported", "wrote"};
const WordSet kEnglishParticiples = {"adding", "saying", "noting", "stressing", "insisting",
                                     "warning", "explaining"};
const WordSet kEnglishContinuations = {"also", "additionally", "moreover", "furthermore"};

const WordSet kRussianVerbs = {
    "заявил",  "заявила",  "заявили",  "сообщил",  "сообщила",  "сообщили",  "сказал",
    "сказала", "сказали",  "отметил",  "отметила", "отметили",  "подчеркнул", "подчеркнула",
    "подчеркнули", "добавил", "добавила", "добавили", "заверил", "заверила", "пояснил",
    "пояснила", "уточнил", "уточнила", "указал",   "указала",  "говорится", "констатировал",
    "опроверг", "опровергла", "признал", "признала", "сообщает", "заявляет"};
const WordSet kRussianParticiples = {"добавив", "отметив", "подчеркнув", "заявив", "пояснив"};
const WordSet kRussianContinuations = {"также", "кроме", "помимо"};

const WordSet kPronouns = {"he", "she", "they", "it", "we", "он", "она", "они", "оно", "هو", "هي",
                           "هم", "هما"};
const WordSet kAnaphoricNouns = {
    "statement", "spokesman", "spokeswoman", "spokesperson", "official", "officials", "readout",
    "source", "заявлении", "заявление", "представитель", "источник", "ذلك", "البيان", "بيان",
    "المتحدث", "المتحدثه", "الناطق", "الناطقه", "المسوول", "المصدر", "هذا", "نفسه"};
const WordSet kFillers = {"the", "a", "an", "also", "later", "further", "then", "and", "but",
                          "had", "has", "have", "was", "were", "previously", "earlier", "ещё",
                          "еще", "также", "же", "и", "а", "و", "ايضا", "كذلك", "قد", "وقد", "كما",
                          "ان", "لقد", "بدوره", "بدورها", "من", "جهته", "جهتها", "جانبه",
                          "جانبها"};
const WordSet kRoleWords = {
    "المتحدث", "المتحدثه", "الناطق", "الناطقه", "باسم", "الرسمي", "الرسميه", "مستشار",
    "مستشاره", "وزير", "وزيره", "السكرتير", "السكرتيره", "الصحفي", "الصحفيه", "مدير", "مديره",
    "spokesman", "spokeswoman", "spokesperson", "press", "secretary", "adviser", "advisor",
    "minister", "director", "chief", "of", "staff", "пресс", "секретарь", "представитель",
    "советник", "министр", "официальный", "помощник"};

// Words that end a speaker phrase that follows its verb: complementizers, prepositions, time words.
const WordSet kSpeakerStops = {
    "ان", "انه", "انها", "انهم", "انهما", "بان", "بانه", "بانها", "في", "خلال", "يوم", "امس",
    "اليوم", "لدي", "عن", "الي", "علي", "على", "بعد", "قبل", "مع", "عبر", "حول", "امام", "ايضا",
    "كذلك", "قوله", "قولها", "لنظيره", "ل", "that", "on", "in", "at", "to", "during", "after",
    "before", "with", "from", "by", "late", "earlier", "while", "when", "as", "что", "в", "во", "на",
    "по", "после", "о", "об", "журналистам", "reporters"};

std::string_view strip_arabic_conjunction(std::string_view word) {
  // و and ف are single two-byte letters in UTF-8.
  if (word.size() > 4 && (word.substr(0, 2) == "و" || word.substr(0, 2) == "ف")) {
    return word.substr(2);
  }
  return word;
}

bool in(const WordSet& set, std::string_view word) { return set.find(word) != set.end(); }

bool is_speech_verb(std::string_view word) {
  return in(kArabicVerbs, word) || in(kArabicVerbs, strip_arabic_conjunction(word)) ||
         in(kEnglishVerbs, word) || in(kRussianVerbs, word);
}

bool is_participle(std::string_view word) {
  return in(kArabicParticiples, word) || in(kEnglishParticiples, word) ||
         in(kRussianParticiples, word);
}

bool is_stop(const MatchToken& token) {
  return in(kSpeakerStops, token.normalized) ||
         in(kSpeakerStops, strip_arabic_conjunction(token.normalized));
}

// A source phrase starting at i: returns the index of the first word after it, or 0.
std::size_t source_phrase_end(const std::vector<MatchToken>& t, std::size_t i, std::size_t end) {
  const std::string& w = t[i].normalized;
  if (in(kArabicSources, w)) return i + 1;
  const bool has_next = i + 1 < end;
  const std::string next = has_next ? t[i + 1].normalized : std::string();
  if ((w == "وفقا" || w == "طبقا") && has_next) return next == "ل" ? i + 2 : i + 1;
  if ((w == "نقلا" || w == "ونقلا") && next == "عن") return i + 2;
  if (w == "according" && next == "to") return i + 2;
  if (w == "по" && (next == "словам" || next == "данным" || next == "информации")) return i + 2;
  if (w == "согласно") return i + 1;
  return 0;
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
    if (is_stop(t[stop]) || is_speech_verb(t[stop].normalized)) break;
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
    if (in(kArabicRelayVerbs, t[i].normalized)) {
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
    if (is_participle(w)) {
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
    const auto after = phrase_after(t, i + 1, end, 5);
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
  if (in(kArabicContinuations, first) || in(kEnglishContinuations, first) ||
      in(kRussianContinuations, first) || in(kPronouns, first)) {
    return true;
  }
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
  if (is_participle(w)) return true;
  // "، واعتبر أن ...": a conjoined Arabic speech verb with no subject of its own.
  return word_script(w) == Script::Arabic && strip_arabic_conjunction(w) != w &&
         in(kArabicVerbs, strip_arabic_conjunction(w));
}

bool is_anaphoric_phrase(const std::vector<MatchToken>& t, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    const std::string& w = t[i].normalized;
    if (is_speaker_filler(t[i])) continue;
    if (in(kPronouns, w) || in(kAnaphoricNouns, w) ||
        in(kAnaphoricNouns, strip_arabic_conjunction(w)))
      continue;
    return false;
  }
  return true;
}

bool is_role_word(const MatchToken& token) {
  return in(kRoleWords, token.normalized) ||
         in(kRoleWords, strip_arabic_conjunction(token.normalized));
}

bool is_quote_noun(const MatchToken& token) {
  return token.normalized == "قوله" || token.normalized == "قولها" || token.normalized == "قولهم";
}

bool is_speaker_filler(const MatchToken& token) { return in(kFillers, token.normalized); }

}  // namespace parallax
