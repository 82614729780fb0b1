#pragma once
// TF-IDF vectors of a set of claims (the claims being compared: document frequencies come from
// them alone, so words every account uses weigh little) and the similarity used to align them.
#include <vector>

#include "diff/claim_profile.hpp"
#include "features/tfidf.hpp"

namespace parallax {

struct ClaimVector {
  SparseVector whole;
  std::vector<SparseVector> segments;  // see ClaimProfile::segments
};

// Vectors for every profile, idf computed over the profiles themselves.
std::vector<ClaimVector> claim_vectors(const std::vector<ClaimProfile>& profiles);

// The highest cosine between the two claims or any of their segments: two claims are as close as
// their closest parts. (The alignment threshold is calibrated with this same measure on FNC-1.)
double claim_similarity(const ClaimVector& a, const ClaimVector& b);

}  // namespace parallax
