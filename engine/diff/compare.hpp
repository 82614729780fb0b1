#pragma once
// `parallax compare`: split the given documents into attributed claims, group the claims into
// sides (documents, sources or speakers), align every pair of sides globally, and judge each
// aligned pair; claims aligned with nothing are "only in" their side.
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "diff/topics.hpp"
#include "lexicon/antonyms.hpp"
#include "lexicon/concept_table.hpp"
#include "claims/aliases.hpp"
#include "claims/claim.hpp"
#include "claims/extract.hpp"
#include "core/document.hpp"
#include "diff/judge.hpp"
#include "diff/stance_model.hpp"

namespace parallax {

enum class CompareBy { Document, Source, Speaker };

const char* to_string(CompareBy by);
std::optional<CompareBy> parse_compare_by(std::string_view name);

struct CompareOptions {
  CompareBy by = CompareBy::Document;
  JudgeThresholds thresholds;
  // One claim may align with a second claim on the other side only when it "really covers" both:
  // the words it shares with the second must mostly differ from those it shares with the first.
  // This is the largest allowed share of repeated shared words.
  double max_cover_overlap = 0.34;
  ClaimOptions claims;
  // An optional trained stance judge (stance_model.hpp) that refines labels the rules leave open:
  // its "disagree" makes a conflict, its "agree" an agreement, anything else "related". A rule's
  // conflict (numbers, dates, denial, negation, characterization) always stands. Not owned.
  const StanceModel* stance_model = nullptr;
  // Claims across languages: with a concept table (engine/lexicon) claim vectors are built from
  // English concept keys and name keys, so an Arabic or Russian claim aligns with an English one
  // by meaning; null: each language's own stems. Not owned.
  const ConceptTable* concepts = nullptr;
  // Opposite predicates ("rose" / "fell") make a conflict when given (lexicon/antonyms; the CLI and
  // the ABI load the built-in antonyms.tsv). Not owned.
  const Antonyms* antonyms = nullptr;
  // Near-duplicate copies among the documents count once: only the member that represents each
  // group (the earliest dated) is compared; the copies are listed (diff/copies).
  bool merge_copies = true;
  // A "related" pair (neither agreement nor conflict) is shown only when each claim is the other's
  // closest on the other side; weaker ones are two topics sharing words, and their claims are
  // listed as said by one side only. true: show every pair the matching makes.
  bool keep_weak_related = false;
};

// Input that cannot be compared (too few documents or sides, an empty document).
class CompareError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct CompareDocument {
  std::string id;
  std::string source;
  std::string lang;
  std::string origin;
  std::optional<std::string> copy_of;  // the id of the document that represents its copies; not compared itself
  std::string date;                    // as given (may be empty)
  std::string url;                     // as given (may be empty)
};

struct Alignment {
  std::size_t left = 0;   // index into CompareResult::claims (the side listed first)
  std::size_t right = 0;
  double similarity = 0;
  Judgement judgement;
  bool covers_several = false;  // an extra (one-to-many) pair beside the global matching
};

struct CompareResult {
  CompareOptions options;
  std::vector<CompareDocument> documents;
  std::vector<Claim> claims;
  std::vector<std::string> sides;            // in order of first appearance
  std::vector<std::size_t> side_of_claim;    // parallel to claims
  std::vector<bool> side_is_author;          // by speaker: the side is a document's author
  std::vector<Alignment> alignments;
  std::vector<std::size_t> unaligned;        // claims aligned with nothing, in claim order
  std::vector<ClaimTopic> topics;            // the aligned claims grouped, conflicts first (diff/topics)
};

// Throws CompareError for no document (by document: fewer than two), an empty document, no claim,
// or (by document or source) fewer than two sides.
CompareResult compare_documents(const std::vector<Document>& documents,
                                const EntityAliases& aliases, const CompareOptions& options);

}  // namespace parallax
