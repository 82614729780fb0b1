#include "claims/extract.hpp"

#include <algorithm>
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
    for (std::size_t c = 1; c + 1 < v; ++c) {
      const std::string& w = tokens[c].normalized;
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
};

// "المصدر : وكالة ايسنا للأنباء", "Source: Reuters": a byline names where the text came from; it
// makes no claim.
bool is_byline(const std::vector<MatchToken>& tokens) {
  if (tokens.size() < 2 || tokens.size() > 8) return false;
  const std::string& first = tokens[0].normalized;
  const bool source_word = first == "المصدر" || first == "source" || first == "источник";
  return source_word && tokens[1].gap_before.find(':') != std::string::npos;
}

bool is_furniture(const std::vector<MatchToken>& tokens) {
  std::vector<std::string> words;
  words.reserve(tokens.size());
  for (const MatchToken& t : tokens) words.push_back(t.normalized);
  return is_boilerplate(words);
}

bool ends_with_closing_punctuation(std::string_view s) {
  for (std::string_view mark : {".", "!", "?", "؟", "…", "”", "\"", "»", ")", ":"}) {
    if (s.size() >= mark.size() && s.substr(s.size() - mark.size()) == mark) return true;
  }
  return false;
}

std::string_view range_text(const SentenceView& s, Range r) {
  if (r.first >= r.second) return {};
  const std::size_t begin = s.tokens[r.first].span.begin;
  const std::size_t end = s.tokens[r.second - 1].span.end;
  return s.text.substr(begin, end - begin);
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
        resolve_phrases(s, a);
      }
      return a;
    }
    if (!first_clause && sentence_speaker) {
      a.speaker = sentence_speaker;
      a.kind = AttributionKind::Carried;
    } else if (starts_with_continuation(s.tokens, clause.first, clause.second)) {
      carry_previous(a);
    }
    return a;
  }

 private:
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
    for (std::size_t i = r.first; i < r.second; ++i) has_role = has_role || is_role_word(s.tokens[i]);
    if (!has_role) return;
    std::size_t first = m.end;
    while (first < r.second && (is_role_word(s.tokens[first]) || is_speaker_filler(s.tokens[first])))
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

  void resolve_phrases(const SentenceView& s, Attribution& a) {
    // "الرئيسان الروسي فلاديمير بوتين والتركي رجب طيب أردوغان", "both sides", "обе стороны": a
    // claim of both, not of the first name in the phrase.
    for (const Range& r : a.cue->speaker_ranges) {
      if (r.first < r.second && names_both_sides(s, r)) {
        set_explicit(a, Speaker{kBothSides, std::string(range_text(s, r))});
        a.speaker_words = r;
        return;
      }
    }
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
        carry_previous(a);
        return;
      }
    }
    // A speaker no table knows is taken as written only when it names someone: a capitalized word
    // past the sentence's first, or a job title ("Трамп выразил надежду": "надежду" is the object).
    // After "по данным", "according to", "بحسب" the words are a speaker whatever their case
    // ("по данным учёных", "according to officials").
    const bool source = a.cue->kind == CueKind::Source || a.cue->kind == CueKind::Relay;
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
    // "وأضاف أن ...": a verb with no subject of its own continues the previous speaker.
    carry_previous(a);
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
      if ((t.capitalized && !function_word) || is_role_word(t)) return true;
    }
    return word_script(s.tokens[r.first].normalized) == Script::Arabic;  // Arabic writes no capitals
  }

  void set_explicit(Attribution& a, Speaker speaker) {
    a.speaker = std::move(speaker);
    a.kind = AttributionKind::Explicit;
  }

  void carry_previous(Attribution& a) {
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

// A quotation that runs over several sentences («...». «...», — сказал Путин) belongs as a whole
// to the speaker named where it opens or where it closes: the sentences inside it have no cue.
class QuotationTracker {
 public:
  // Call with each sentence's text, after its claims [first, claims.size()) were made.
  void after_sentence(std::string_view text, std::vector<Claim>& claims, std::size_t first) {
    const bool was_open = open_;
    const int opens = count_of(text, {"«", "“", "„"}), closes = count_of(text, {"»", "”"});
    const int straight = count_of(text, {"\""});
    open_ = was_open ? !(closes > opens || straight % 2 == 1) : (opens > closes || straight % 2 == 1);
    const Claim* named = nullptr;
    for (std::size_t c = first; c < claims.size(); ++c)
      if (claims[c].attribution != AttributionKind::Author) named = &claims[c];
    if (was_open) {
      if (!speaker_ && named) {  // the speaker named at the close speaks for the whole quotation
        for (std::size_t c : inside_) give_speaker(claims[c], *named);
        inside_.clear();
      }
      if (speaker_)
        for (std::size_t c = first; c < claims.size(); ++c) give_speaker(claims[c], *speaker_);
    }
    if (!open_) {
      inside_.clear();
      speaker_.reset();
      return;
    }
    if (!was_open) speaker_ = named ? std::optional<Claim>(*named) : std::nullopt;
    for (std::size_t c = first; c < claims.size(); ++c) inside_.push_back(c);
  }

 private:
  static int count_of(std::string_view text, std::initializer_list<std::string_view> marks) {
    int n = 0;
    for (std::string_view mark : marks)
      for (std::size_t at = text.find(mark); at != std::string_view::npos; at = text.find(mark, at + mark.size())) ++n;
    return n;
  }

  static void give_speaker(Claim& claim, const Claim& from) {
    if (claim.attribution != AttributionKind::Author) return;
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
    if (s.tokens.size() < options_.min_words || is_byline(s.tokens) || is_furniture(s.tokens)) continue;
    if (s.tokens.size() <= options_.max_heading_words && !ends_with_closing_punctuation(s.text))
      continue;
    const std::vector<std::size_t> starts = clause_starts(s.tokens, options_.split_clauses);
    const std::size_t first_claim = claims.size();
    SentenceAttributor attributor(aliases_, keyer_, state, options_, si);
    std::optional<Speaker> sentence_speaker;
    for (std::size_t ci = 0; ci < starts.size(); ++ci) {
      const bool last = ci + 1 == starts.size();
      const Range r{starts[ci], last ? s.tokens.size() : starts[ci + 1]};
      const std::size_t end_byte = last ? s.text.size() : s.tokens[r.second - 1].span.end;
      Attribution a = attributor.attribute(s, r, ci == 0, sentence_speaker);
      if (!a.speaker && ci == 0) {
        if (const std::size_t colon = headline_colon(s.tokens)) {
          auto named = named_speaker(state.learned, aliases_, s.tokens, 0, colon);
          // Not in a table: one to three capitalized words are a name ("Macron: ...").
          const bool capitalized = std::all_of(s.tokens.begin(), s.tokens.begin() + static_cast<std::ptrdiff_t>(colon),
                                               [](const MatchToken& t) { return t.capitalized; });
          if (!named && capitalized && colon <= 3) {
            const std::string surface(range_text(s, {0, colon}));
            named = Speaker{surface, surface};
          }
          if (named) {
            a.speaker = std::move(named);
            a.kind = AttributionKind::Explicit;
          }
        } else if (bullet && state.list_speaker) {
          a.speaker = state.list_speaker;
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
      }
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
    quotation.after_sentence(s.text, claims, first_claim);
  }
  return claims;
}

}  // namespace parallax
