#include "diff/compare.hpp"

#include "diff/copies.hpp"
#include "diff/opposite_predicates.hpp"
#include "diff/speaker_names.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <set>
#include <cstdio>
#include <map>

#include "diff/assignment.hpp"
#include "diff/claim_profile.hpp"
#include "diff/claim_vectors.hpp"
#include "diff/stance_features.hpp"
#include "features/tfidf.hpp"
#include "lexicon/stance_words.hpp"
#include "text/normalize.hpp"

namespace parallax {

const char* to_string(CompareBy by) {
  switch (by) {
    case CompareBy::Document:
      return "document";
    case CompareBy::Source:
      return "source";
    case CompareBy::Speaker:
      return "speaker";
  }
  return "document";
}

std::optional<CompareBy> parse_compare_by(std::string_view name) {
  if (name == "document") return CompareBy::Document;
  if (name == "source") return CompareBy::Source;
  if (name == "speaker") return CompareBy::Speaker;
  return std::nullopt;
}

namespace {

bool is_blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string side_name(const Claim& claim, const Document& doc, CompareBy by) {
  switch (by) {
    case CompareBy::Document:
      return doc.id;
    case CompareBy::Source:
      return doc.source.empty() ? doc.id : doc.source;
    case CompareBy::Speaker:
      return claim.speaker;
  }
  return doc.id;
}

std::vector<std::uint64_t> shared_terms(const SparseVector& a, const SparseVector& b) {
  std::vector<std::uint64_t> out;
  std::set_intersection(a.terms.begin(), a.terms.end(), b.terms.begin(), b.terms.end(),
                        std::back_inserter(out));
  return out;
}

// Everything the aligner needs about the claims of the compared set. Two claims in one language
// compare by their words' stems, as calibrated on FNC-1; two in different languages by concept
// terms (engine/lexicon), when a concept table was given.
struct ClaimSpace {
  std::vector<ClaimProfile> profiles;
  std::vector<ClaimVector> vectors;          // stems
  std::vector<ClaimVector> concept_vectors;  // concept terms; empty without a concept table
  std::vector<std::set<std::string>> concept_meaning;  // per claim: its concept terms that are not names
  // Per claim: the concept terms around each date (ClaimProfile::date_contexts), which words in two
  // languages can share.
  std::vector<std::vector<std::set<std::string>>> concept_date_contexts;
  std::vector<std::string> languages;

  bool same_language(std::size_t a, std::size_t b) const { return languages[a] == languages[b]; }

  const std::vector<ClaimVector>& space_of(std::size_t a, std::size_t b) const {
    return same_language(a, b) || concept_vectors.empty() ? vectors : concept_vectors;
  }

  // The words of meaning (not names, numbers or dates) of claim `of`, in the terms claims a and b
  // compare by.
  const std::set<std::string>& meaning_terms(std::size_t a, std::size_t b, std::size_t of) const {
    return same_language(a, b) || concept_meaning.empty() ? profiles[of].meaning_terms : concept_meaning[of];
  }

  double similarity(std::size_t a, std::size_t b) const {
    const auto& v = space_of(a, b);
    return claim_similarity(v[a], v[b]);
  }

  // The pair (a, extra) shares words with `a` that mostly differ from what (a, first) shares.
  double repeated_share(std::size_t a, std::size_t first, std::size_t extra) const {
    const auto& v = same_language(a, first) && same_language(a, extra) ? vectors : space_of(a, a == extra ? first : extra);
    const auto with_extra = shared_terms(v[a].whole, v[extra].whole);
    if (with_extra.empty()) return 1.0;
    const auto with_first = shared_terms(v[a].whole, v[first].whole);
    const auto repeated = shared_terms(SparseVector{with_extra, {}}, SparseVector{with_first, {}});
    return static_cast<double>(repeated.size()) / static_cast<double>(with_extra.size());
  }
};

ClaimSpace build_space(const std::vector<Claim>& claims, const EntityAliases& aliases, const CompareOptions& options) {
  const ConceptTable* concepts = options.concepts;
  ClaimSpace space;
  ClaimProfiler profiler(aliases);
  std::optional<PredicateFinder> predicates;
  if (options.antonyms) predicates.emplace(*options.antonyms, concepts);
  for (const Claim& claim : claims) {
    space.profiles.push_back(profiler.profile(claim.content, claim.lang));
    if (predicates) space.profiles.back().predicates = predicates->predicates(claim.content);
    if (claim.has_cue && is_denial_word(normalize_for_matching(claim.cue.text))) {
      space.profiles.back().denial = true;
    }
    space.languages.push_back(claim.lang);
  }
  space.vectors = claim_vectors(space.profiles);
  const bool several_languages =
      std::any_of(claims.begin(), claims.end(), [&](const Claim& c) { return c.lang != claims.front().lang; });
  if (concepts && several_languages) {
    ClaimProfiler concept_profiler(aliases, concepts);
    std::vector<ClaimProfile> concept_profiles;
    for (const Claim& claim : claims) concept_profiles.push_back(concept_profiler.profile(claim.content, claim.lang));
    space.concept_vectors = claim_vectors(concept_profiles);
    for (ClaimProfile& p : concept_profiles) {
      space.concept_meaning.push_back(p.meaning_terms);
      space.concept_date_contexts.push_back(std::move(p.date_contexts));
    }
  }
  return space;
}

bool shares_any(const std::set<std::string>& x, const std::set<std::string>& y) {
  for (const auto& t : x)
    if (y.count(t)) return true;
  return false;
}

class SideAligner {
 public:
  SideAligner(const ClaimSpace& space, const CompareOptions& options,
              const std::vector<Claim>& claims, StanceFeaturizer* featurizer)
      : space_(space), options_(options), claims_(claims), featurizer_(featurizer) {}

  void align(const std::vector<std::size_t>& left, const std::vector<std::size_t>& right,
             std::vector<Alignment>& out) const {
    const std::size_t first = out.size();
    Eigen::MatrixXd weights = Eigen::MatrixXd::Zero(left.size(), right.size());
    for (std::size_t i = 0; i < left.size(); ++i) {
      for (std::size_t j = 0; j < right.size(); ++j) {
        const double s = space_.similarity(left[i], right[j]);
        if (s >= thresholds(left[i], right[j]).align) weights(i, j) = s;
      }
    }
    const std::vector<int> match = max_weight_assignment(weights);
    std::vector<int> match_of_right(right.size(), -1);
    for (std::size_t i = 0; i < left.size(); ++i) {
      if (match[i] < 0) continue;
      match_of_right[match[i]] = static_cast<int>(i);
      out.push_back(make(left[i], right[match[i]], weights(i, match[i]), false));
    }
    add_covering(weights, left, right, match, match_of_right, out);
    if (!options_.keep_weak_related) drop_weak_related(weights, left, right, first, out);
  }

  // The thresholds for claims a and b: same-language ones, or the cross-language ones.
  JudgeThresholds thresholds(std::size_t a, std::size_t b) const {
    return options_.thresholds.for_pair(space_.same_language(a, b) || space_.concept_vectors.empty());
  }

 private:
  // A "related" pair (no agreement, no conflict) is shown only when each claim is the other's
  // closest on the other side: a weaker pair is two topics that happen to share words.
  void drop_weak_related(const Eigen::MatrixXd& w, const std::vector<std::size_t>& left,
                         const std::vector<std::size_t>& right, std::size_t first, std::vector<Alignment>& out) const {
    std::vector<std::size_t> row_of(space_.profiles.size()), col_of(space_.profiles.size());
    for (std::size_t i = 0; i < left.size(); ++i) row_of[left[i]] = i;
    for (std::size_t j = 0; j < right.size(); ++j) col_of[right[j]] = j;
    // A claim that covers two claims of the other side, one of them in an agreement or a conflict
    // ("Putin congratulated Biden and they discussed the coronavirus"), has two closest partners.
    std::vector<int> pairs_of(space_.profiles.size(), 0);
    std::vector<bool> strong_extra(space_.profiles.size(), false);
    for (std::size_t k = first; k < out.size(); ++k) {
      ++pairs_of[out[k].left];
      ++pairs_of[out[k].right];
      if (out[k].covers_several && out[k].judgement.label != PairLabel::Related)
        strong_extra[out[k].left] = strong_extra[out[k].right] = true;
    }
    std::vector<bool> covers(space_.profiles.size(), false);
    for (std::size_t c = 0; c < covers.size(); ++c) covers[c] = strong_extra[c] && pairs_of[c] >= 2;
    const auto weak = [&](const Alignment& a) {
      if (a.judgement.label != PairLabel::Related) return false;
      Eigen::Index best_col = 0, best_row = 0;
      w.row(static_cast<Eigen::Index>(row_of[a.left])).maxCoeff(&best_col);
      w.col(static_cast<Eigen::Index>(col_of[a.right])).maxCoeff(&best_row);
      const bool left_picks = static_cast<std::size_t>(best_col) == col_of[a.right];
      const bool right_picks = static_cast<std::size_t>(best_row) == row_of[a.left];
      return !((left_picks || covers[a.left]) && (right_picks || covers[a.right]));
    };
    out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), weak), out.end());
  }

  Alignment make(std::size_t a, std::size_t b, double s, bool extra) const {
    Alignment al;
    al.left = a;
    al.right = b;
    al.similarity = s;
    // Opposite predicates only between claims in one language. Across languages a word meets its
    // opposite through one English gloss, which loses negation and idiom ("غير رسمي", not formal,
    // is "formal"; "отказ от ударов", renouncing strikes, is "refuse"), and the similarity cannot
    // show that the rest of the two claims is the same: every such conflict on the 17 xling-events
    // events was false (docs/claims.md).
    const Antonyms* antonyms = space_.same_language(a, b) ? options_.antonyms : nullptr;
    // Two claims say the same thing only when they share a word of meaning, not only names,
    // numbers and dates ("Putin and Biden will meet in Geneva" / "Байден поблагодарил Путина";
    // "the presidents of the US and Russia agreed to extend the treaty" / "this created tensions
    // between Russia and the US"; two datelines): without one they never agree, and the conflicts
    // that need the rest to be the same (dates, status, negation) do not apply.
    JudgeThresholds pair_thresholds = thresholds(a, b);
    if (!shares_any(space_.meaning_terms(a, b, a), space_.meaning_terms(a, b, b)))
      pair_thresholds.agree = std::numeric_limits<double>::infinity();
    if (space_.same_language(a, b) || space_.concept_date_contexts.empty()) {
      al.judgement = judge_pair(space_.profiles[a], space_.profiles[b], s, pair_thresholds, antonyms);
    } else {
      // Across languages the words around two dates meet as concepts.
      ClaimProfile pa = space_.profiles[a], pb = space_.profiles[b];
      pa.date_contexts = space_.concept_date_contexts[a];
      pb.date_contexts = space_.concept_date_contexts[b];
      al.judgement = judge_pair(pa, pb, s, pair_thresholds, antonyms);
    }
    if (options_.stance_model && al.judgement.label != PairLabel::Conflict) apply_model(al);
    al.covers_several = extra;
    return al;
  }

  // One-to-many: a claim c whose closest claim a on the other side went to another partner p in
  // the global matching still aligns with a when a "really covers" both: the words a shares with c
  // are mostly not those it shares with p (a sentence reporting both the congratulations and the
  // talk about coronavirus, against two sentences reporting one each). Each claim gains at most one
  // such extra pair, with its closest claim.
  void add_covering(const Eigen::MatrixXd& w, const std::vector<std::size_t>& left,
                    const std::vector<std::size_t>& right, const std::vector<int>& match,
                    const std::vector<int>& match_of_right, std::vector<Alignment>& out) const {
    for (Eigen::Index j = 0; j < w.cols(); ++j) {
      Eigen::Index i = -1;
      if (w.col(j).maxCoeff(&i) <= 0 || match[i] < 0 || match[i] == j) continue;
      if (space_.repeated_share(left[i], right[match[i]], right[j]) <= options_.max_cover_overlap)
        out.push_back(make(left[i], right[j], w(i, j), true));
    }
    for (Eigen::Index i = 0; i < w.rows(); ++i) {
      Eigen::Index j = -1;
      if (w.row(i).maxCoeff(&j) <= 0 || match_of_right[j] < 0 || match_of_right[j] == i) continue;
      if (match[i] >= 0 && w(i, match[i]) >= w(i, j)) continue;
      const bool already = std::any_of(out.begin(), out.end(), [&](const Alignment& a) {
        return a.left == left[i] && a.right == right[j];
      });
      if (!already &&
          space_.repeated_share(right[j], left[match_of_right[j]], left[i]) <= options_.max_cover_overlap)
        out.push_back(make(left[i], right[j], w(i, j), true));
    }
  }

  void apply_model(Alignment& al) const {
    const StanceModel& model = *options_.stance_model;
    const Claim& a = claims_[al.left];
    const Claim& b = claims_[al.right];
    const auto p = model.predict(featurizer_->features(a.content, b.content, a.lang), a.content, b.content);
    const auto top = static_cast<std::size_t>(std::max_element(p.begin(), p.end()) - p.begin());
    const std::string& stance = model.classes()[top];
    char probability[16];
    std::snprintf(probability, sizeof probability, "%.2f", p[top]);
    if (stance == "disagree") {
      al.judgement.label = PairLabel::Conflict;
      al.judgement.reasons.push_back(std::string("stance model: disagree (p=") + probability + ")");
    } else {
      al.judgement.label = stance == "agree" ? PairLabel::Agree : PairLabel::Related;
    }
  }

  const ClaimSpace& space_;
  const CompareOptions& options_;
  const std::vector<Claim>& claims_;
  StanceFeaturizer* featurizer_;
};

// One article that reports both readouts (White House and Kremlin) is the commonest case, so
// speakers and sources are compared inside any number of documents; documents need two.
void check_input(const std::vector<Document>& documents, CompareBy by) {
  if (documents.empty()) throw CompareError("compare needs at least one document");
  if (by == CompareBy::Document && documents.size() < 2) {
    throw CompareError("compare --by document needs at least two documents; got " + std::to_string(documents.size()) +
                       " (--by speaker compares the speakers inside one document)");
  }
  for (const Document& doc : documents) {
    if (is_blank(doc.text)) {
      throw CompareError((doc.origin.empty() ? doc.id : doc.origin) + ": document '" + doc.id +
                         "' is empty");
    }
  }
}

}  // namespace

CompareResult compare_documents(const std::vector<Document>& documents,
                                const EntityAliases& aliases, const CompareOptions& options) {
  check_input(documents, options.by);
  CompareResult result;
  result.options = options;
  ClaimExtractor extractor(aliases, options.claims);
  std::map<std::string, std::size_t> side_index;
  std::vector<std::vector<std::size_t>> side_claims;
  std::vector<std::optional<std::size_t>> original_of(documents.size());
  if (options.merge_copies)
    for (const DocumentCopy& c : find_copies(documents)) original_of[c.copy] = c.original;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    const Document& doc = documents[d];
    if (original_of[d]) {
      result.documents.push_back({doc.id, doc.source, doc.lang, doc.origin, documents[*original_of[d]].id, doc.date, doc.url});
      continue;
    }
    std::vector<Claim> claims = extractor.extract(doc, d);
    result.documents.push_back({doc.id, doc.source, claims.empty() ? doc.lang : claims[0].lang, doc.origin,
                                std::nullopt, doc.date, doc.url});
    for (Claim& claim : claims) result.claims.push_back(std::move(claim));
  }
  WordKeyer keyer;
  merge_speaker_names(result.claims, keyer);
  if (options.concepts) merge_speakers_across_languages(result.claims, *options.concepts, keyer);
  for (std::size_t c = 0; c < result.claims.size(); ++c) {
    const Claim& claim = result.claims[c];
    const std::string side = side_name(claim, documents[claim.document_index], options.by);
    auto [it, inserted] = side_index.emplace(side, result.sides.size());
    if (inserted) {
      result.sides.push_back(side);
      result.side_is_author.push_back(options.by == CompareBy::Speaker && claim.attribution == AttributionKind::Author);
      side_claims.emplace_back();
    }
    side_claims[it->second].push_back(c);
    result.side_of_claim.push_back(it->second);
  }
  // By speaker, an article that quotes one speaker is still a list of who said what; by document
  // or source, one side means the wrong documents were given.
  if (result.sides.empty() || (result.sides.size() < 2 && options.by != CompareBy::Speaker)) {
    std::string copies;
    for (const CompareDocument& d : result.documents)
      if (d.copy_of) copies += (copies.empty() ? "" : ", ") + d.id + " is a copy of " + *d.copy_of;
    throw CompareError(std::string("compare needs at least two sides to compare; by ") +
                       to_string(options.by) + " there " +
                       (result.sides.empty() ? "are none (no claims found)"
                                             : "is only '" + result.sides[0] + "'") +
                       (copies.empty() ? "" : " (" + copies + "; near-duplicate copies count once)"));
  }
  const ClaimSpace space = build_space(result.claims, aliases, options);
  StanceFeaturizer featurizer(aliases);
  const SideAligner aligner(space, options, result.claims, &featurizer);
  for (std::size_t a = 0; a < side_claims.size(); ++a) {
    for (std::size_t b = a + 1; b < side_claims.size(); ++b) {
      aligner.align(side_claims[a], side_claims[b], result.alignments);
    }
  }
  std::vector<bool> aligned(result.claims.size(), false);
  for (const Alignment& al : result.alignments) aligned[al.left] = aligned[al.right] = true;
  for (std::size_t c = 0; c < result.claims.size(); ++c) {
    if (!aligned[c]) result.unaligned.push_back(c);
  }
  result.topics = group_topics(result, [&](std::size_t a, std::size_t b) {
    return space.similarity(a, b) / aligner.thresholds(a, b).align;
  });

  return result;
}

}  // namespace parallax
