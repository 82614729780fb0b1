#pragma once
// What the diff stage knows about one claim: its content words, the named entities, numbers and
// dates it mentions, whether it is negated or a denial, and how it characterizes the talk.
#include <cstddef>
#include <map>
#include <set>
#include <string_view>
#include <string>
#include <vector>

#include "claims/aliases.hpp"
#include "claims/claim.hpp"
#include "diff/quantities.hpp"
#include "text/analyzer.hpp"

namespace parallax {

struct ClaimProfile {
  // Terms for the TF-IDF vector: content-word stems, plus "@entity:NAME" for each named entity
  // (so "البداية الجديدة" and "ستارت" meet as "@entity:New START"), "#N" for numbers, "@date:MM-DD"
  // for dates and "@characterization" when the claim characterizes something.
  std::vector<std::string> terms;
  // The content terms that are not names: without name keys ("~..."), the stems they follow, the
  // words of a known entity or speaker (alias file), and the entity, number and date terms. Two
  // claims that share only names ("Putin", "Biden") are about the same people, not saying the same
  // thing.
  std::set<std::string> meaning_terms;
  std::set<std::string> entities;
  Quantities quantities;
  int negations = 0;       // negation words ("لم", "not", "не")
  // The content terms of each comma-delimited part that holds a negation: what is negated ("police
  // did not have any suspects", not the rest of "..., after the attack in which two died").
  std::vector<std::set<std::string>> negated_parts;
  // For each negation, parallel to negated_parts: the content term of the first content word after
  // it in its part, what it negates ("offer" in "did not offer specifics", "solution" in "no
  // solution"); empty when none follows.
  std::vector<std::string> negated_words;
  // Parallel to quantities.dates: the content terms around each date (three words either side,
  // inside its clause; not time words, numbers or months): what the date is the date of ("meet in
  // Geneva on 16 June"). Empty for a date given with nothing but time words ("on the afternoon of
  // 20 March local time") or set off by commas ("On 23 August, ...").
  std::vector<std::set<std::string>> date_contexts;
  bool denial = false;     // a denial verb ("نفى", "denied", "опроверг")
  std::set<std::string> characterizations;  // canonical names ("frank", "business-like")
  // What the claim says of an agreement's status: the word that settles it ("reached", "signed")
  // or leaves it open ("proposed", "not confirmed"); both empty when it says neither, or both.
  std::string settled_word, tentative_word;
  // English keys of the words that have an opposite ("rise", "deni"): diff/opposite_predicates.
  // Empty unless the comparison was given antonyms.
  std::map<std::string, std::set<std::string>> predicates;  // key -> its context words' keys
  // "Chelsea beat Manchester City": two names (runs of capitalized words) with one or two
  // lower-case words between them, the predicate. "A beat B" and "B beat A" have the same
  // predicate with the roles swapped; a name that moves around elsewhere in the sentence ("On
  // Tuesday, Putin said" / "Putin said on Tuesday") makes no such triple.
  struct RoleTriple {
    std::string subject, predicate, object;  // matching keys
    std::string subject_text, object_text;   // as written
  };
  std::vector<RoleTriple> roles;
  // Terms of each comma-delimited segment with at least kMinSegmentTerms terms, when the claim has
  // two or more such segments (empty otherwise). A long sentence often reports several things
  // ("Putin congratulated Biden, and they discussed the coronavirus"); similarity also compares
  // segment with segment so that one part is not drowned by the rest.
  std::vector<std::vector<std::string>> segments;
};

inline constexpr std::size_t kMinSegmentTerms = 5;

// Not thread-safe (owns stemmers): one per thread.
class ClaimProfiler {
 public:
  // concepts: null for content-word stems of each language; else the claims' words become
  // cross-lingual concept terms (English concept keys, name keys, date terms: engine/lexicon), so
  // claims in Arabic, English and Russian can align. Not owned; must outlive the profiler.
  explicit ClaimProfiler(const EntityAliases& aliases, const ConceptTable* concepts = nullptr);
  ClaimProfile profile(const std::string& text, const std::string& lang);

 private:
  std::vector<std::string> content_terms(std::string_view text, const std::string& lang);
  // The content terms of the comma-delimited part of the text around token `at`.
  std::set<std::string> part_terms(const std::string& text, const std::vector<MatchToken>& tokens, std::size_t at,
                                   const std::string& lang);
  // The content term of the first content word after token `at` in its comma-delimited part.
  std::set<std::string> date_context(const std::string& text, const std::vector<MatchToken>& tokens, std::size_t month,
                                     const std::string& lang);
  std::string negated_word(const std::string& text, const std::vector<MatchToken>& tokens, std::size_t at,
                           const std::string& lang);
  void add_segments(ClaimProfile& p, const std::string& text, const std::vector<MatchToken>& tokens,
                    const std::string& lang);

  const EntityAliases& aliases_;
  TextAnalyzer analyzer_;
  WordKeyer keyer_;
};

}  // namespace parallax
