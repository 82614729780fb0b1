#pragma once
// Near-duplicate groups: MinHash LSH banding proposes candidate pairs, the estimated Jaccard
// verifies them, union-find joins verified pairs into groups.
#include <cstddef>
#include <vector>

#include "features/minhash.hpp"

namespace parallax {

struct NearDuplicateParams {
  double jaccard_threshold = 0.45;  // verified estimated Jaccard needed to call two documents copies
  int bands = 32;                  // LSH bands; rows per band = num_hashes / bands
  // Buckets larger than this (boilerplate shared by thousands of pages) are verified against
  // their first member and neighbours only, to keep the work linear.
  std::size_t max_bucket_pairs_size = 64;
};

struct NearDuplicateGroup {
  std::vector<std::size_t> members;  // document indices, ascending; members[0] is the representative
  std::vector<double> jaccard_to_representative;  // estimated, parallel to members (1.0 for the first)
};

// signatures[i] may be empty for a document with no shingles: it joins no group.
std::vector<NearDuplicateGroup> find_near_duplicate_groups(const std::vector<MinHashSignature>& signatures,
                                                           const NearDuplicateParams& params, int threads);

}  // namespace parallax
