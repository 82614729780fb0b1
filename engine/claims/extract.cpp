#include "claims/extract.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "claims/cues.hpp"
#include "lexicon/attribution_cues.hpp"
#include "lexicon/boilerplate.hpp"
#include "lexicon/stop_words.hpp"
#include "text/language.hpp"
#include "text/segment.hpp"

namespace parallax {

const char* to_string(AttributionKind kind) {
  switch (kind) {
    case AttributionKind::Explicit:
      return "explicit";
    case AttributionKind::Carried:
      return "carried";
    case AttributionKind::Author:
      return "author";
  }
  return "author";
}

namespace {

using Range = std::pair<std::size_t, std::size_t>;

struct Speaker {
  std::string canonical;
  std::string surface;
};

// What a document remembers while its sentences are attributed in order.
struct DocumentState {
  EntityAliases learned;  // names introduced in this document ("المتحدثة باسم البيت الأبيض جين ساكي")
  std::optional<Speaker> last_speaker;
  std::size_t last_speaker_sentence = 0;
  // The name that opened the last sentence without a cue ("Trump, by contrast, leaned into
  // brevity."): whom a following "he" / "she" / "он" / "она" means, if it is more recent than the
  // last speaker.
  std::optional<Speaker> last_subject;
  std::size_t last_subject_sentence = 0;
  // The speaker of the last sentence with one, both sides included (a passive "it was stressed"
  // reports what the sentence before did).
  std::optional<Speaker> previous_sentence_speaker;
  std::size_t previous_sentence = 0;
  // Whose statement "the statement" / "البيان" / "в заявлении" is: the last speaker named in a
  // sentence that mentions a statement ("بيان الكرملين", "the White House said in a statement").
  std::optional<Speaker> statement_owner;
  // "Заявления Владимира Путина:" / "Putin's statements:" above a list: the speaker of the bullet
  // lines that follow ("– ...", "• ...", "▪️ ...").
  std::optional<Speaker> list_speaker;
};

// The speaker of a claim both parties make ("the two leaders agreed", "الجانبان", "Путин и Эрдоган
// договорились").
constexpr const char* kBothSides = "both sides";

// "Putin and Erdogan agreed ...", "Путин и Си Цзиньпин приняли заявление ...": two names joined by
// "and" / "и" as the subject of a joint verb within the clause's first words.
bool coordinated_subject_of_joint_verb(const std::vector<MatchToken>& tokens) {
  constexpr std::size_t kMaxSubjectWords = 10;
  for (std::size_t v = 2; v < tokens.size() && v <= kMaxSubjectWords; ++v) {
    if (!is_joint_verb(tokens[v].normalized)) continue;
    for (std::size_t c = 1; c < v; ++c) {
      const std::string& w = tokens[c].normalized;
      // "بوتين وأردوغان يتفقان": the second Arabic name carries "و".
      if (word_script(w) == Script::Arabic && w.rfind("و", 0) == 0 && w.size() > 4 && v - c <= 2 &&
          word_script(tokens[c - 1].normalized) == Script::Arabic)
        return true;
      if (c + 1 >= v) break;
      if ((w != "and" && w != "и") || !tokens[c - 1].capitalized) continue;
      // The second name may follow its title: "Путин и президент Турции Реджеп Тайип Эрдоган".
      for (std::size_t n = c + 1; n < v && n <= c + 3; ++n)
        if (tokens[n].capitalized) return true;
    }
    return false;
  }
  return false;
}

bool has_joint_verb(const std::vector<MatchToken>& tokens, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end && i < tokens.size(); ++i)
    if (is_joint_verb(tokens[i].normalized)) return true;
  return false;
}

// "the two leaders also agreed", "Президенты договорились", "أجرى الرئيسان مباحثات": a both-sides
// phrase as the subject, in the clause's first words (an Arabic dual also right after the verb).
bool both_sides_subject(const std::vector<MatchToken>& tokens, std::size_t begin, std::size_t end) {
  std::size_t first = begin;
  while (first < end && is_speaker_filler_word(tokens[first].normalized) && tokens[first].normalized != "the") ++first;
  std::string words;
  for (std::size_t i = first; i < end && i < first + 3; ++i) {
    words += (words.empty() ? "" : " ") + tokens[i].normalized;
    if (is_both_sides_phrase(words)) return true;
  }
  for (std::size_t i = first; i < end && i < first + 2; ++i)
    if (word_script(tokens[i].normalized) == Script::Arabic && is_both_sides_phrase(tokens[i].normalized)) return true;
  return false;
}

// "a joint statement", "совместное заявление", "البيان المشترك": what both parties issued.
bool mentions_joint_statement(const std::vector<MatchToken>& tokens, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i + 1 < end && i + 1 < tokens.size(); ++i) {
    const std::string& w = tokens[i].normalized;
    const std::string& next = tokens[i + 1].normalized;
    if (w == "joint" && (next == "statement" || next == "declaration")) return true;
    if (w.rfind("совместн", 0) == 0 && next.rfind("заявлени", 0) == 0) return true;
    if ((w == "البيان" || w == "بيان" || w == "بيانا") && (next == "المشترك" || next == "مشترك" || next == "مشتركا"))
      return true;
  }
  return false;
}

// A sentence that is one quotation: it opens with a quotation mark and ends with a closing one
// ("“I believe that this matters for Europe.”", "«Мы готовы».").
bool is_whole_quotation(std::string_view text) {
  auto starts = [&](std::string_view mark) { return text.substr(0, mark.size()) == mark; };
  if (!(starts("“") || starts("«") || starts("\"") || starts("„"))) return false;
  while (!text.empty() && (text.back() == '.' || text.back() == ' ' || text.back() == '!' || text.back() == '?'))
    text.remove_suffix(1);
  for (std::string_view mark : {"”", "»", "\""})
    if (text.size() > mark.size() && text.substr(text.size() - mark.size()) == mark) return true;
  return false;
}

// "بأنه" / "بأنها" ("as being") after the object of "وصف" / "اعتبر".
bool is_object_complement_marker(std::string_view w) {
  return w == "بانه" || w == "بانها" || w == "بانهم" || w == "بانهما";
}

// A line that opens with a list bullet.
bool starts_with_bullet(std::string_view text) {
  for (std::string_view mark : {"–", "-", "—", "•", "▪", "*", "·"})
    if (text.substr(0, mark.size()) == mark) return true;
  return false;
}

// The speaker table's name in tokens [begin, end), if any (document-learned names first).
std::optional<Speaker> named_speaker(const EntityAliases& learned, const EntityAliases& aliases,
                                     const std::vector<MatchToken>& tokens, std::size_t begin, std::size_t end) {
  for (const EntityAliases* table : {&learned, &aliases})
    if (auto m = table->find(AliasSection::Speakers, tokens, begin, end)) return Speaker{m->canonical, m->canonical};
  return std::nullopt;
}

// "Кремль: РФ и США создадут ...", "ترامب: الرسوم ...": a headline's speaker before a colon
// within its first four words; the token index after the colon, or 0.
std::size_t headline_colon(const std::vector<MatchToken>& tokens) {
  for (std::size_t i = 1; i < tokens.size() && i <= 4; ++i) {
    const std::string& gap = tokens[i].gap_before;
    if (gap.find(':') != std::string::npos) return i;
    if (gap_is_boundary(gap)) return 0;
  }
  return 0;
}

bool is_statement_word(std::string_view normalized) {
  for (std::string_view w : {"statement", "readout", "البيان", "بيان", "وبيان", "заявлении", "заявление", "заявления"})
    if (normalized == w) return true;
  return false;
}

bool mentions_statement(const std::vector<MatchToken>& tokens, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end && i < tokens.size(); ++i)
    if (is_statement_word(tokens[i].normalized)) return true;
  return false;
}

// One sentence's text and tokens, with the clause boundaries inside it.
struct SentenceView {
  std::string_view text;
  std::size_t offset = 0;  // byte offset of the sentence in the document
  std::vector<MatchToken> tokens;
};

struct Attribution {
  std::optional<Speaker> speaker;  // none: the author
  AttributionKind kind = AttributionKind::Author;
  std::optional<CueHit> cue;
  Range speaker_words{0, 0};  // the speaker phrase, when the cue names one
  bool antecedent = true;     // a later pronoun or continuation can refer to this speaker
  // "He did not offer specifics": narration about the previous speaker, not a statement of theirs;
  // it stays the author's even inside an open quotation.
  bool narration = false;
};

// "المصدر : وكالة ايسنا للأنباء", "Source: Reuters": a byline names where the text came from; it
// makes no claim.
bool is_byline(const std::vector<MatchToken>& tokens) {
  if (tokens.size() < 2 || tokens.size() > 8) return false;
  const std::string& first = tokens[0].normalized;
  const bool source_word = first == "المصدر" || first == "source" || first == "источник";
  return source_word && tokens[1].gap_before.find(':') != std::string::npos;
}

bool ends_with_closing_punctuation(std::string_view s) {
  for (std::string_view mark : {".", "!", "?", "؟", "…", "”", "\"", "»", ")", ":"}) {
    if (s.size() >= mark.size() && s.substr(s.size() - mark.size()) == mark) return true;
  }
  return false;
}

// "Also Read | PM Modi lands in Moscow: 5 things the prime minister said on India-Russia ties": a
// link line is furniture at any length when it does not end like a sentence.
bool is_furniture(const std::vector<MatchToken>& tokens, std::string_view text) {
  std::vector<std::string> words;
  words.reserve(tokens.size());
  for (const MatchToken& t : tokens) words.push_back(t.normalized);
  return is_boilerplate(words) || (opens_link_line(words) && !ends_with_closing_punctuation(text));
}

std::string_view range_text(const SentenceView& s, Range r) {
  if (r.first >= r.second) return {};
  const std::size_t begin = s.tokens[r.first].span.begin;
  const std::size_t end = s.tokens[r.second - 1].span.end;
  return s.text.substr(begin, end - begin);
}

// The name that opens an English or Russian sentence ("Trump, by contrast, leaned ...", "The
// Russian leader ..."), as the table knows it or as written; not two names joined by "and" / "и".
std::optional<Speaker> opening_subject(const DocumentState& state, const EntityAliases& aliases, const SentenceView& s) {
  constexpr std::size_t kMaxOpening = 8;
  if (s.tokens.empty()) return std::nullopt;
  if (word_script(s.tokens[0].normalized) == Script::Arabic) {
    // VSO: "وجلس بوتين مع مودي ...": a table's name right after the opening verb.
    std::size_t verb = 0;
    while (verb + 1 < s.tokens.size() && is_speaker_filler(s.tokens[verb])) ++verb;
    if (verb + 1 >= s.tokens.size()) return std::nullopt;
    auto named = named_speaker(state.learned, aliases, s.tokens, verb + 1, verb + 2);
    return named;
  }
  const Range name = leading_name(s.tokens, 0, std::min(s.tokens.size(), kMaxOpening));
  if (name.first >= name.second || name.first > 1) return std::nullopt;
  if (name.first == 1 && !is_speaker_filler(s.tokens[0])) return std::nullopt;
  for (std::size_t i = name.first; i < name.second; ++i)
    if (s.tokens[i].normalized == "and" || s.tokens[i].normalized == "и") return std::nullopt;
  const std::string_view last_word = range_text(s, {name.second - 1, name.second});
  if (last_word.ends_with("'s") || last_word.ends_with("’s")) return std::nullopt;  // "Xi's visit"
  if (auto named = named_speaker(state.learned, aliases, s.tokens, name.first, name.second)) return named;
  if (is_anaphoric_phrase(s.tokens, name.first, name.second)) return std::nullopt;
  const std::string surface(range_text(s, name));
  return Speaker{surface, surface};
}

std::vector<std::size_t> clause_starts(const std::vector<MatchToken>& tokens, bool split) {
  std::vector<std::size_t> starts = {0};
  if (!split) return starts;
  constexpr std::size_t kMinClauseWords = 4;  // shorter pieces stay with their neighbour
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    if (!opens_reported_clause(tokens, i)) continue;
    if (i - starts.back() < kMinClauseWords || tokens.size() - i < kMinClauseWords) continue;
    starts.push_back(i);
  }
  return starts;
}

class SentenceAttributor {
 public:
  SentenceAttributor(const EntityAliases& aliases, WordKeyer& keyer, DocumentState& state,
                     const ClaimOptions& options, std::size_t sentence)
      : aliases_(aliases), keyer_(keyer), state_(state), options_(options), sentence_(sentence) {}

  Attribution attribute(const SentenceView& s, Range clause, bool first_clause,
                        const std::optional<Speaker>& sentence_speaker) {
    Attribution a;
    a.cue = find_cue(s.tokens, clause.first, clause.second);
    if (a.cue) {
      if (a.cue->kind == CueKind::Participle) {
        resolve_participle(s, a, sentence_speaker);
      } else {
        resolve_phrases(s, a, first_clause ? std::nullopt : sentence_speaker);
        if (a.cue->kind == CueKind::Verb && a.kind == AttributionKind::Explicit) add_second_statement(s, clause, a);
      }
      return a;
    }
    if (!first_clause && sentence_speaker) {
      a.speaker = sentence_speaker;
      a.kind = AttributionKind::Carried;
    } else if (arabic_passive_report(s.tokens, clause) && state_.previous_sentence_speaker &&
               state_.previous_sentence + 1 == sentence_) {
      // "جرى التأكيد على ..." after "أعلن الكرملين ...", "تم التأكيد على ..." after "اتفق الرئيسان ...".
      a.speaker = state_.previous_sentence_speaker;
      a.kind = AttributionKind::Carried;
      a.antecedent = false;
    } else if (is_negation(s.tokens[clause.first].normalized)) {
      a.narration = true;  // "ولم يقدم الرئيس الأميركي أي تفاصيل": what someone did not do
    } else if (starts_with_continuation(s.tokens, clause.first, clause.second)) {
      if (negated_predicate(s.tokens, clause))
        a.narration = true;
      else
        carry_previous(a, personal_pronoun_in(s.tokens, {clause.first, std::min(clause.second, clause.first + 2)}));
    }
    return a;
  }

  // The speaker of a headline "Кремль: ...", "Macron: ...", "ترامب: ...": a table's name before
  // the colon, else one to three capitalized words, else (Arabic writes no capitals) one or two
  // Arabic words without the addressee ("مودي لبوتين:" is Modi's).
  std::optional<Speaker> headline_speaker(const SentenceView& s) {
    const std::size_t colon = headline_colon(s.tokens);
    if (colon == 0) return std::nullopt;
    const Range name = trimmed_at_addressee(s, {0, colon});
    if (auto named = named_speaker(state_.learned, aliases_, s.tokens, name.first, name.second)) return named;
    const bool capitalized = std::all_of(s.tokens.begin(), s.tokens.begin() + static_cast<std::ptrdiff_t>(colon),
                                         [](const MatchToken& t) { return t.capitalized; });
    const bool arabic = std::all_of(s.tokens.begin(), s.tokens.begin() + static_cast<std::ptrdiff_t>(name.second),
                                    [](const MatchToken& t) {
                                      return word_script(t.normalized) == Script::Arabic && !is_stop_word("ar", t.normalized);
                                    });
    if ((capitalized && colon <= 3) || (arabic && name.second <= 2)) {
      const std::string surface(range_text(s, name));
      return Speaker{surface, surface};
    }
    return std::nullopt;
  }

 private:
  static bool names_medium(const SentenceView& s, Range r) {
    for (std::size_t i = r.first; i < r.second; ++i)
      if (is_news_medium(s.tokens[i].normalized)) return true;
    return false;
  }

  // "وخلال هذه المكالمة ...، جرى التأكيد على", "وفي سياق متصل، تم التأكيد على": the passive at the
  // clause's start or right after a comma.
  static bool arabic_passive_report(const std::vector<MatchToken>& tokens, Range clause) {
    constexpr std::size_t kMaxOpening = 3;
    for (std::size_t i = clause.first; i + 1 < clause.second; ++i) {
      if (i > clause.first + kMaxOpening && !gap_is_boundary(tokens[i].gap_before)) continue;
      if (is_arabic_passive_report(tokens[i].normalized, tokens[i + 1].normalized)) return true;
    }
    return false;
  }

  static bool personal_pronoun_in(const std::vector<MatchToken>& tokens, Range r) {
    for (std::size_t i = r.first; i < r.second; ++i) {
      const std::string& w = tokens[i].normalized;
      if (w == "he" || w == "she" || w == "он" || w == "она") return true;
    }
    return false;
  }

  // "He did not offer specifics", "He also made no reference to ...", "Он не уточнил": a negation
  // among the first words after the subject.
  // Not after "по его словам" / "according to him", which report what was said.
  static bool negated_predicate(const std::vector<MatchToken>& tokens, Range clause) {
    constexpr std::size_t kWindow = 3;
    std::size_t subject = clause.first;
    if (subject + 1 < clause.second && !is_subject_pronoun(tokens[subject].normalized)) ++subject;
    // A third person: "We didn't get there" inside a quotation is what was said.
    if (!is_subject_pronoun(tokens[subject].normalized) || tokens[subject].normalized == "we") return false;
    for (std::size_t i = subject + 1; i < clause.second && i <= subject + kWindow; ++i)
      if (is_negation(tokens[i].normalized)) return true;
    return false;
  }

  // "Blinken warned ... and Russian Foreign Minister Sergei Lavrov said ...", "وقال الرئيس الروسي
  // إن ...، فيما أكد أردوغان أن ...": a second speech verb after "and" / "while" / "فيما" whose
  // subject is a known speaker other than the first makes the clause a statement of both sides.
  void add_second_statement(const SentenceView& s, Range clause, Attribution& a) {
    for (std::size_t k = a.cue->end; k + 1 < clause.second; ++k) {
      if (!is_second_statement_marker(s.tokens[k].normalized)) continue;
      const std::optional<CueHit> second = find_cue(s.tokens, k + 1, clause.second);
      if (!second || second->kind != CueKind::Verb) continue;
      const bool verb_first = word_script(s.tokens[second->begin].normalized) == Script::Arabic;
      for (Range r : second->speaker_ranges) {
        // English and Russian subjects stand before the verb; after it are the words said.
        if (r.first >= r.second || (!verb_first && r.second > second->begin)) continue;
        if (verb_first) r = trimmed_at_addressee(s, r);
        // The subject follows the marker ("and Russian Foreign Minister Sergei Lavrov said"); a
        // news medium reports, it makes no statement of its own ("..., CNN reported").
        if (!verb_first && r.first > k + 3) continue;
        if (is_anaphoric_phrase(s.tokens, r.first, r.second) || !names_someone(s, r) || names_medium(s, r)) continue;
        const std::optional<AliasMatch> m = resolve(s, r);
        const std::string who = m ? m->canonical : std::string(range_text(s, r));
        if (who == a.speaker->canonical) continue;
        a.speaker = Speaker{kBothSides, std::string(range_text(s, {a.speaker_words.first, r.second}))};
        a.antecedent = false;
        return;
      }
    }
  }

  // "وقال مودي لبوتين ...", "رحب بوتين بجهود الوساطة التركية": in an Arabic phrase after the
  // verb, a word with the preposition "ل" or "ب" opens the addressee or the object when its rest
  // names a speaker or the words before it already do; the subject ends before it.
  Range trimmed_at_addressee(const SentenceView& s, Range r) {
    static const std::string kLi = "ل", kBi = "ب", kBiAl = "بال", kLiAl = "لل";
    // "كما أشاد بالتقدم المحقق", "رحب السيد تاب بالسيد بوتن": a preposition with the article opens
    // a prepositional phrase, never a name.
    for (std::size_t i = r.first; i < r.second; ++i) {
      const std::string& w = s.tokens[i].normalized;
      if (w.size() > kBiAl.size() + 2 && (w.rfind(kBiAl, 0) == 0 || w.rfind(kLiAl, 0) == 0) && !resolve(s, {i, i + 1})) {
        r.second = i;
        break;
      }
    }
    // "كما دعت الخارجية الأمريكية روسيا إلى ...": a place right after a word with the article is
    // the object. A definite word takes no genitive after it (the first noun of an idafa has no
    // article: "خارجية روسيا", Russia's foreign ministry, keeps the place).
    static const std::string kAl = "ال";
    for (std::size_t i = r.first + 1; i < r.second; ++i) {
      if (s.tokens[i - 1].normalized.rfind(kAl, 0) != 0) continue;
      const std::optional<AliasMatch> place = aliases_.find(AliasSection::Places, s.tokens, i, r.second);
      if (place && place->begin == i) {
        r.second = i;
        break;
      }
    }
    for (std::size_t i = r.first + 1; i < r.second; ++i) {
      const std::string& w = s.tokens[i].normalized;
      const bool li = w.compare(0, kLi.size(), kLi) == 0, bi = w.compare(0, kBi.size(), kBi) == 0;
      if (w.size() <= kLi.size() + 4 || !(li || bi) || word_script(w) != Script::Arabic || is_role_word(s.tokens, i))
        continue;
      if (resolve(s, {r.first, i}) && !resolve(s, {i, i + 1})) return {r.first, i};  // not "بوتين" itself
      if (!li) continue;
      MatchToken rest = s.tokens[i];
      rest.normalized = w.substr(kLi.size());
      rest.key = keyer_.key(rest.normalized);
      const std::vector<MatchToken> word{rest};
      if (named_speaker(state_.learned, aliases_, word, 0, 1)) return {r.first, i};
    }
    return r;
  }

  // The speaker entity named in tokens[r]: learned names first, then speakers, then other entities.
  std::optional<AliasMatch> resolve(const SentenceView& s, Range r) const {
    for (const EntityAliases* table : {static_cast<const EntityAliases*>(&state_.learned), &aliases_}) {
      if (auto m = table->find(AliasSection::Speakers, s.tokens, r.first, r.second)) return m;
    }
    return aliases_.find(AliasSection::Entities, s.tokens, r.first, r.second);
  }

  // "المتحدثة باسم البيت الأبيض جين ساكي": the name after a role word and an entity speaks for
  // that entity for the rest of the document.
  void learn_apposition(const SentenceView& s, Range r, const AliasMatch& m) {
    bool has_role = false;
    for (std::size_t i = r.first; i < r.second; ++i) has_role = has_role || is_role_word(s.tokens, i);
    if (!has_role) return;
    std::size_t first = m.end;
    while (first < r.second && (is_role_word(s.tokens, first) || is_speaker_filler(s.tokens[first])))
      ++first;
    if (first >= r.second) return;
    const Script script = word_script(s.tokens[first].normalized);
    if (script != Script::Arabic && !s.tokens[first].capitalized) return;
    state_.learned.add(AliasSection::Speakers, m.canonical,
                       range_text(s, {first, r.second}), keyer_);
    const MatchToken& family_name = s.tokens[r.second - 1];
    state_.learned.add(AliasSection::Speakers, m.canonical,
                       s.text.substr(family_name.span.begin,
                                     family_name.span.end - family_name.span.begin),
                       keyer_);
  }

  // clause_speaker: the speaker of the sentence's earlier clauses, for a clause after the first.
  void resolve_phrases(const SentenceView& s, Attribution& a, const std::optional<Speaker>& clause_speaker) {
    // "الرئيسان الروسي فلاديمير بوتين والتركي رجب طيب أردوغان", "both sides", "обе стороны": a
    // claim of both, not of the first name in the phrase.
    for (const Range& r : a.cue->speaker_ranges) {
      if (r.first < r.second && names_both_sides(s, r)) {
        set_explicit(a, Speaker{kBothSides, std::string(range_text(s, r))});
        a.speaker_words = r;
        return;
      }
    }
    // After a verb only: "وفقا للسيد X" takes its speaker with the preposition.
    for (Range& r : a.cue->speaker_ranges)
      if (a.cue->kind == CueKind::Verb && r.first < r.second && word_script(s.tokens[r.first].normalized) == Script::Arabic)
        r = trimmed_at_addressee(s, r);
    if (const Range relayed = reported_subject(s, *a.cue); relayed.first < relayed.second) a.cue->speaker_ranges = {relayed};
    for (const Range& r : a.cue->speaker_ranges) {
      if (r.first >= r.second) continue;
      if (auto m = resolve(s, r)) {
        learn_apposition(s, r, *m);
        set_explicit(a, Speaker{m->canonical, std::string(range_text(s, r))});
        a.speaker_words = r;
        return;
      }
    }
    for (const Range& r : a.cue->speaker_ranges) {
      if (r.first < r.second && is_anaphoric_phrase(s.tokens, r.first, r.second)) {
        // "The statement added", "وأضاف البيان": the statement's owner, who may not be the last speaker.
        if (mentions_statement(s.tokens, r.first, r.second) && state_.statement_owner) {
          a.speaker = state_.statement_owner;
          a.kind = AttributionKind::Carried;
          return;
        }
        carry_previous(a, personal_pronoun_in(s.tokens, r));
        return;
      }
    }
    // A speaker no table knows is taken as written only when it names someone: a capitalized word
    // past the sentence's first, or a job title ("Трамп выразил надежду": "надежду" is the object).
    // After "по данным", "according to", "بحسب" the words are a speaker whatever their case
    // ("по данным учёных", "according to officials").
    const bool source = a.cue->kind == CueKind::Source || a.cue->kind == CueKind::Relay;
    // "...، ووصف اتصاله الهاتفي مع نظيره بأنه "رائع"": after the first clause, the words between an
    // Arabic verb and "بأنه" ("as") are its object; the subject is the sentence's speaker.
    if (!source && clause_speaker && !a.cue->speaker_ranges.empty() &&
        word_script(s.tokens[a.cue->begin].normalized) == Script::Arabic) {
      constexpr std::size_t kMaxObjectWords = 10;
      const std::size_t from = a.cue->end, stop = std::min(s.tokens.size(), from + kMaxObjectWords);
      for (std::size_t i = from; i < stop && !gap_is_boundary(s.tokens[i].gap_before); ++i) {
        if (!is_object_complement_marker(s.tokens[i].normalized)) continue;
        a.speaker = clause_speaker;
        a.kind = AttributionKind::Carried;
        return;
      }
    }
    for (const Range& r : a.cue->speaker_ranges) {
      if (r.first < r.second && (source || names_someone(s, r))) {
        const std::string surface(range_text(s, r));
        set_explicit(a, Speaker{surface, surface});
        a.speaker_words = r;
        return;
      }
    }
    // "وفق ما صرحا به": an Arabic dual verb with no subject named is both parties'.
    if (is_arabic_dual_speech_verb(s.tokens[a.cue->begin].normalized)) {
      set_explicit(a, Speaker{kBothSides, ""});
      return;
    }
    // "وأضاف أن ...": a verb with no subject of its own continues the previous speaker; an Arabic
    // verb carries its pronoun, like "he".
    carry_previous(a, word_script(s.tokens[a.cue->begin].normalized) == Script::Arabic);
  }

  // "ABC News reported that Putin also spoke with reporters": a news medium reports what the
  // speaker named after "that" / "что" said; the name is the speaker.
  std::pair<std::size_t, std::size_t> reported_subject(const SentenceView& s, const CueHit& cue) const {
    constexpr std::size_t kMaxSubjectStart = 3;
    const Range none{0, 0};
    if (cue.kind != CueKind::Verb || cue.speaker_ranges.empty()) return none;
    const Range r = cue.speaker_ranges.front();
    bool medium = false;
    for (std::size_t i = r.first; i < r.second; ++i) medium = medium || is_news_medium(s.tokens[i].normalized);
    const std::size_t that = cue.end;
    if (!medium || that + 1 >= s.tokens.size()) return none;
    const std::string& w = s.tokens[that].normalized;
    if (w != "that" && w != "что") return none;
    const std::size_t stop = std::min(s.tokens.size(), that + 1 + kMaxSubjectStart);
    for (std::size_t i = that + 1; i < stop; ++i)
      if (auto m = resolve(s, {i, stop}); m && m->begin == i) return {m->begin, m->end};
    const Range name = leading_name(s.tokens, that + 1, stop);
    if (name.first == that + 1 && !is_anaphoric_phrase(s.tokens, name.first, name.second)) return name;
    return none;
  }

  void resolve_participle(const SentenceView& s, Attribution& a,
                          const std::optional<Speaker>& sentence_speaker) {
    if (sentence_speaker) {
      a.speaker = sentence_speaker;
      a.kind = AttributionKind::Carried;
      return;
    }
    // "Trump heaped praise on the Russian president ..., saying": the clause's first name, or the
    // sentence's when the participle opens a clause of its own.
    std::vector<Range> ranges = a.cue->speaker_ranges;
    if (word_script(s.tokens[a.cue->begin].normalized) != Script::Arabic && a.cue->begin > 0)
      ranges.push_back(leading_name(s.tokens, 0, a.cue->begin));
    for (const Range& r : ranges) {
      if (r.first >= r.second) continue;
      if (auto m = resolve(s, r)) {
        set_explicit(a, Speaker{m->canonical, std::string(range_text(s, r))});
      } else {
        const std::string surface(range_text(s, r));
        set_explicit(a, Speaker{surface, surface});
      }
      a.speaker_words = r;
      return;
    }
    // "ووقع الرئيسان ... ، مؤكدا": a dual subject makes the claim both parties'.
    if (both_sides_subject(s.tokens, 0, a.cue->begin)) {
      set_explicit(a, Speaker{kBothSides, ""});
      return;
    }
    // "كان لدى الكرملين نسخة أخرى ... ، قائلاً إن": the subject is the last entity before the cue.
    std::optional<AliasMatch> last;
    for (std::size_t i = 0; i < a.cue->begin; ++i) {
      if (auto m = resolve(s, {i, a.cue->begin}); m && m->begin == i) last = m;
    }
    if (last) {
      set_explicit(a, Speaker{last->canonical, std::string(range_text(s, {last->begin, last->end}))});
      a.speaker_words = {last->begin, last->end};
    } else {
      carry_previous(a);
    }
  }

  static bool names_both_sides(const SentenceView& s, Range r) {
    std::size_t first = r.first;
    while (first < r.second && is_speaker_filler(s.tokens[first])) ++first;
    if (first >= r.second) return false;
    if (is_both_sides_phrase(s.tokens[first].normalized) && word_script(s.tokens[first].normalized) == Script::Arabic)
      return true;  // an Arabic dual opens the phrase; what follows names the two
    std::string words;
    for (std::size_t i = first; i < r.second; ++i) words += (words.empty() ? "" : " ") + s.tokens[i].normalized;
    return is_both_sides_phrase(words) || mentions_joint_statement(s.tokens, r.first, r.second);
  }

  static bool names_someone(const SentenceView& s, Range r) {
    for (std::size_t i = r.first; i < r.second; ++i) {
      const MatchToken& t = s.tokens[i];
      // A sentence's first word is capitalized whatever it is: there only a word that is not a
      // function word ("Lavrov", not "Как" or "Об") counts.
      const bool function_word = i == 0 && (is_stop_word("en", t.normalized) || is_stop_word("ru", t.normalized));
      if ((t.capitalized && !function_word) || is_role_word(s.tokens, i)) return true;
    }
    return word_script(s.tokens[r.first].normalized) == Script::Arabic;  // Arabic writes no capitals
  }

  void set_explicit(Attribution& a, Speaker speaker) {
    a.speaker = std::move(speaker);
    a.kind = AttributionKind::Explicit;
  }

  void carry_previous(Attribution& a, bool person = false) {
    if (person && state_.last_subject && (!state_.last_speaker || state_.last_subject_sentence > state_.last_speaker_sentence) &&
        sentence_ - state_.last_subject_sentence <= 1) {
      a.speaker = state_.last_subject;
      a.kind = AttributionKind::Carried;
      return;
    }
    if (state_.last_speaker &&
        sentence_ - state_.last_speaker_sentence <= options_.carry_over_sentences) {
      a.speaker = state_.last_speaker;
      a.kind = AttributionKind::Carried;
    }
  }

  const EntityAliases& aliases_;
  WordKeyer& keyer_;
  DocumentState& state_;
  const ClaimOptions& options_;
  std::size_t sentence_;
};

Claim make_claim(const Document& doc, std::size_t document_index, const SentenceView& s,
                 std::size_t sentence, std::size_t clause, std::size_t clause_count, Range r,
                 std::size_t clause_end_byte) {
  Claim c;
  c.document_id = doc.id;
  c.document_index = document_index;
  c.sentence = sentence + 1;
  c.clause = clause + 1;
  c.id = doc.id + "#" + std::to_string(sentence + 1);
  if (clause_count > 1) c.id.append(".").append(std::to_string(clause + 1));
  const std::size_t begin = clause == 0 ? 0 : s.tokens[r.first].span.begin;
  std::string_view text = s.text.substr(begin, clause_end_byte - begin);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  c.text = std::string(text);
  c.span = {s.offset + begin, s.offset + begin + text.size()};
  return c;
}

// The claim text with the cue and speaker words blanked out (bytes keep their places).
std::string content_without_attribution(const Claim& c, const SentenceView& s, const Attribution& a) {
  std::string content = c.text;
  auto blank = [&](Range r) {
    if (r.first >= r.second) return;
    const std::size_t b = s.offset + s.tokens[r.first].span.begin;
    const std::size_t e = s.offset + s.tokens[r.second - 1].span.end;
    if (b < c.span.begin || e > c.span.end) return;
    content.replace(b - c.span.begin, e - b, e - b, ' ');
  };
  if (a.cue) blank({a.cue->begin, a.cue->end});
  blank(a.speaker_words);
  // "ونقلت وكالات أنباء بينها فرانس برس، عن البيت الأبيض قوله": the relaying agencies are part of
  // the attribution too.
  if (a.cue && a.cue->kind == CueKind::Relay && a.speaker_words.first > a.cue->end) {
    std::size_t end = a.speaker_words.second;
    if (end < s.tokens.size() && is_quote_noun(s.tokens[end])) ++end;
    blank({a.cue->begin, end});
  }
  return content;
}

constexpr std::array<std::string_view, 3> kOpeningQuotes = {"«", "“", "„"};
constexpr std::array<std::string_view, 2> kClosingQuotes = {"»", "”"};

bool starts_with_one_of(std::string_view text, const auto& marks) {
  return std::any_of(marks.begin(), marks.end(), [&](std::string_view m) { return text.starts_with(m); });
}

bool opens_with_quotation_mark(std::string_view text) {
  return starts_with_one_of(text, kOpeningQuotes) || text.starts_with('"');
}

// A quotation that runs over several sentences («...». «...», — сказал Путин) belongs as a whole
// to the speaker named where it opens or where it closes: the sentences inside it have no cue.
class QuotationTracker {
 public:
  void end_at_paragraph() {
    open_ = false;
    inside_.clear();
    speaker_.reset();
  }

  // Call with each sentence's text, after its claims [first, claims.size()) were made.
  void after_sentence(std::string_view text, std::vector<Claim>& claims, const std::vector<bool>& narration,
                      std::size_t first) {
    const bool was_open = open_;
    open_ = open_after(text, was_open);
    const Claim* named = nullptr;
    for (std::size_t c = first; c < claims.size(); ++c)
      if (claims[c].attribution != AttributionKind::Author) named = &claims[c];
    if (was_open) {
      // The speaker named after the closing mark speaks for the whole quotation, what its
      // sentences report of others included ("the reaction, as the US side told us, was
      // preliminary. ...," Lavrov said). A cue inside the quotation names no one for it.
      if (!speaker_ && named && named_after_close(*named)) {
        for (std::size_t c : inside_) give_speaker(claims[c], *named, true);
        inside_.clear();
      }
      if (speaker_)
        for (std::size_t c = first; c < claims.size(); ++c)
          if (!narration[c]) give_speaker(claims[c], *speaker_, !named_after_close(claims[c]));
    }
    if (!open_) {
      inside_.clear();
      speaker_.reset();
      return;
    }
    if (!was_open) speaker_ = named ? std::optional<Claim>(*named) : std::nullopt;
    for (std::size_t c = first; c < claims.size(); ++c)
      if (!narration[c]) inside_.push_back(c);
  }

 private:
  // Whether a quotation is open after the sentence: its last quotation mark decides. A straight
  // quote opens only before a word after a space, and closes otherwise, so the mixed marks of
  // `"within the nearest days.”` open and close one quotation.
  static bool open_after(std::string_view text, bool open) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      const std::string_view rest = text.substr(i);
      if (starts_with_one_of(rest, kOpeningQuotes)) {
        open = true;
      } else if (starts_with_one_of(rest, kClosingQuotes)) {
        open = false;
      } else if (text[i] == '"') {
        const auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t'; };
        const bool word_before = i > 0 && !space(text[i - 1]) && text[i - 1] != '(';
        const bool word_after =
            i + 1 < text.size() && !space(text[i + 1]) && !std::ispunct(static_cast<unsigned char>(text[i + 1]));
        open = !word_before && word_after;  // `переговоров ", -` closes
      }
    }
    return open;
  }

  // The claim's cue follows a closing quotation mark of its text: `...," Lavrov said`, `», — сказал`.
  static bool named_after_close(const Claim& claim) {
    if (!claim.has_cue || claim.cue.span.begin < claim.span.begin) return false;
    std::size_t close = std::string::npos;
    for (std::string_view mark : {kClosingQuotes[0], kClosingQuotes[1], std::string_view("\"")}) {
      const std::size_t at = claim.text.rfind(mark);
      if (at != std::string::npos && (close == std::string::npos || at > close)) close = at;
    }
    return close != std::string::npos && claim.cue.span.begin - claim.span.begin > close;
  }

  static void give_speaker(Claim& claim, const Claim& from, bool over_cues = false) {
    if (claim.attribution != AttributionKind::Author && !over_cues) return;
    claim.speaker = from.speaker;
    claim.speaker_surface = from.speaker_surface;
    claim.attribution = AttributionKind::Carried;
  }

  bool open_ = false;
  std::optional<Claim> speaker_;      // the claim that named the speaker where the quotation opened
  std::vector<std::size_t> inside_;   // claims of the quotation's sentences so far
};

}  // namespace

ClaimExtractor::ClaimExtractor(const EntityAliases& aliases, ClaimOptions options)
    : aliases_(aliases), options_(options) {}

std::vector<Claim> ClaimExtractor::extract(const Document& doc, std::size_t document_index) {
  const std::string author = doc.source.empty() ? doc.id : doc.source;
  const std::string lang = doc.lang.empty() ? detect_language(doc.text) : doc.lang;
  DocumentState state;
  QuotationTracker quotation;
  std::vector<Claim> claims;
  std::vector<bool> narration;  // per claim: Attribution::narration
  std::size_t previous_sentence_first = 0;  // the first claim of the last sentence that made claims
  const std::vector<TextSpan> sentences = sentence_spans(doc.text);
  for (std::size_t si = 0; si < sentences.size(); ++si) {
    SentenceView s;
    s.offset = sentences[si].begin;
    s.text = std::string_view(doc.text).substr(s.offset, sentences[si].end - s.offset);
    s.tokens = keyer_.tokenize(s.text);
    const bool bullet = starts_with_bullet(s.text);
    if (!bullet) state.list_speaker.reset();
    if (!s.text.empty() && s.text.back() == ':')  // a list's header names who the list quotes
      state.list_speaker = named_speaker(state.learned, aliases_, s.tokens, 0, s.tokens.size());
    if (s.tokens.size() < options_.min_words || is_byline(s.tokens) || is_furniture(s.tokens, s.text)) continue;
    // A quotation left open at the end of a paragraph ends there, unless the next paragraph opens
    // with a quotation mark, as a quotation over several paragraphs does: seed 000 never closes
    // Psaki's "“الرئيس الأمريكي شكر ...", and the Kremlin's announcement after it is no part of it.
    if (si > 0 && doc.text.find('\n', sentences[si - 1].end) < s.offset && !opens_with_quotation_mark(s.text))
      quotation.end_at_paragraph();
    SentenceAttributor attributor(aliases_, keyer_, state, options_, si);
    // A heading makes no claim unless it is attributed: it quotes someone ("ترامب: الرسوم ..."),
    // has a cue ("Белый дом опубликовал заявление ...") or is both sides' ("بوتين وأردوغان يتفقان").
    const bool heading = s.tokens.size() <= options_.max_heading_words && !ends_with_closing_punctuation(s.text);
    const std::vector<std::size_t> starts = clause_starts(s.tokens, options_.split_clauses);
    const std::size_t first_claim = claims.size();
    std::optional<Speaker> sentence_speaker;
    for (std::size_t ci = 0; ci < starts.size(); ++ci) {
      const bool last = ci + 1 == starts.size();
      const Range r{starts[ci], last ? s.tokens.size() : starts[ci + 1]};
      const std::size_t end_byte = last ? s.text.size() : s.tokens[r.second - 1].span.end;
      Attribution a = attributor.attribute(s, r, ci == 0, sentence_speaker);
      if (!a.speaker && !a.narration && ci == 0) {
        if (headline_colon(s.tokens)) {
          if (auto named = attributor.headline_speaker(s)) {
            a.speaker = std::move(named);
            a.kind = AttributionKind::Explicit;
          }
        } else if (bullet && state.list_speaker) {
          a.speaker = state.list_speaker;
          a.kind = AttributionKind::Carried;
        } else if (is_whole_quotation(s.text) && state.last_speaker && state.last_speaker_sentence + 1 == si) {
          // "Putin said ... \"I believe the Russian people will support you.\"": a quotation on its
          // own right after a speaker's sentence goes on with that speaker.
          a.speaker = state.last_speaker;
          a.kind = AttributionKind::Carried;
        } else if (coordinated_subject_of_joint_verb(s.tokens) || mentions_joint_statement(s.tokens, r.first, r.second) ||
                   (both_sides_subject(s.tokens, r.first, r.second) && has_joint_verb(s.tokens, r.first, r.second))) {
          // What the two did together ("the two leaders agreed", "стороны договорились"); not a
          // speaker a later "he" can refer to.
          a.speaker = Speaker{kBothSides, ""};
          a.kind = AttributionKind::Explicit;
          a.antecedent = false;
        }
      }
      // "كما وقعوا وأصدروا البيان المشترك ...": a continuation that reports a joint statement is both sides'.
      if (a.kind == AttributionKind::Carried && !a.cue && mentions_joint_statement(s.tokens, r.first, r.second)) {
        a.speaker = Speaker{kBothSides, ""};
        a.antecedent = false;
      }
      Claim c = make_claim(doc, document_index, s, si, ci, starts.size(), r, end_byte);
      c.lang = lang;
      if (a.speaker) {
        c.speaker = a.speaker->canonical;
        c.speaker_surface = a.speaker->surface;
        c.attribution = a.kind;
        sentence_speaker = a.speaker;
        if (a.antecedent) {
          state.last_speaker = a.speaker;
          state.last_speaker_sentence = si;
        }
        if (a.kind == AttributionKind::Explicit && mentions_statement(s.tokens, 0, s.tokens.size()))
          state.statement_owner = a.speaker;
      } else {
        c.speaker = author;
        c.attribution = AttributionKind::Author;
        // "Trump, by contrast, leaned into brevity. ... he declared": the subject of a sentence
        // without a cue is whom the next "he" means.
        if (ci == 0 && !a.cue && !a.narration && !heading)
          if (auto subject = opening_subject(state, aliases_, s)) {
            state.last_subject = std::move(subject);
            state.last_subject_sentence = si;
          }
      }
      narration.push_back(a.narration);
      if (a.cue) {
        c.has_cue = true;
        const std::size_t b = s.tokens[a.cue->begin].span.begin;
        const std::size_t e = s.tokens[a.cue->end - 1].span.end;
        c.cue = {std::string(s.text.substr(b, e - b)), {s.offset + b, s.offset + e},
                 to_string(a.cue->kind)};
      }
      c.content = content_without_attribution(c, s, a);
      claims.push_back(std::move(c));
    }
    const bool attributed = std::any_of(claims.begin() + static_cast<std::ptrdiff_t>(first_claim), claims.end(),
                                        [](const Claim& c) { return c.attribution != AttributionKind::Author; });
    if (heading && !attributed) {
      claims.resize(first_claim);
      narration.resize(first_claim);
      continue;
    }
    quotation.after_sentence(s.text, claims, narration, first_claim);
    // "Путин провел переговоры с Трампом. Об этом / О телефонном разговоре сообщил X": a report
    // "about this" / "about <the topic>" gives its speaker to the sentence before, when that one
    // has none.
    if (s.tokens.size() > 2 && (s.tokens[0].normalized == "об" || s.tokens[0].normalized == "о") &&
        first_claim < claims.size() && claims[first_claim].attribution == AttributionKind::Explicit &&
        claims[first_claim].cue.kind == "verb" && previous_sentence_first < first_claim) {
      for (std::size_t c = previous_sentence_first; c < first_claim; ++c)
        if (claims[c].attribution == AttributionKind::Author && !narration[c]) {
          claims[c].speaker = claims[first_claim].speaker;
          claims[c].speaker_surface = claims[first_claim].speaker_surface;
          claims[c].attribution = AttributionKind::Carried;
        }
    }
    previous_sentence_first = first_claim;
    for (std::size_t c = first_claim; c < claims.size(); ++c)
      if (claims[c].attribution != AttributionKind::Author) {
        state.previous_sentence_speaker = Speaker{claims[c].speaker, claims[c].speaker_surface};
        state.previous_sentence = si;
      }
  }
  return claims;
}

}  // namespace parallax
