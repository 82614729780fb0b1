#pragma once
// Splits a document into claims and attributes each to a speaker.
//
// A claim is a sentence, or a clause of a long sentence that opens its own report ("، مشيراً إلى
// أن", ", adding that"). Its speaker comes from an attribution cue inside it (cues.hpp), resolved
// to a canonical entity through the alias table (aliases.hpp); a continuation ("كما", "He also
// said", "the statement added") carries the previous speaker over; with neither, the claim is the
// document author's (its source field, else its id).
#include <cstddef>
#include <vector>

#include "claims/aliases.hpp"
#include "claims/claim.hpp"
#include "claims/match_tokens.hpp"
#include "core/document.hpp"

namespace parallax {

struct ClaimOptions {
  bool split_clauses = true;
  // Sentences with fewer words are headings, bylines or boilerplate ("اترك تعليقاً"), not claims.
  std::size_t min_words = 4;
  // A line with no closing punctuation and at most this many words is a heading.
  std::size_t max_heading_words = 8;
  // How many sentences back a continuation marker ("كما", "Also,") may reach for its speaker.
  std::size_t carry_over_sentences = 3;
};

// Not thread-safe (owns stemmers through its WordKeyer): one extractor per thread.
class ClaimExtractor {
 public:
  explicit ClaimExtractor(const EntityAliases& aliases, ClaimOptions options = {});

  // The claims of one document, in text order. document_index is stored in each claim.
  std::vector<Claim> extract(const Document& document, std::size_t document_index);

  WordKeyer& keyer() { return keyer_; }

 private:
  const EntityAliases& aliases_;
  ClaimOptions options_;
  WordKeyer keyer_;
};

}  // namespace parallax
