#pragma once
// Near-duplicate groups: MinHash LSH banding proposes candidate pairs, the estimated Jaccard
// verifies them, union-find joins verified pairs into groups. Partial copies (one document mostly
// contained in a longer one) are a second relation, found the same way with their own banding.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "features/minhash.hpp"
#include "group/lsh_parameters.hpp"

namespace parallax {

struct NearDuplicateParams {
  double jaccard_threshold = 0.45;  // verified estimated Jaccard needed to call two documents copies
  // LSH bands and rows per band; 0 is automatic (resolve_banding: from jaccard_threshold and the
  // signature length; 32 x 4 at the default threshold and 128 hashes).
  int bands = 0;
  int rows = 0;
  // Share of the smaller document's shingles found in the larger one from which a pair is reported
  // as a partial copy (find_partial_copies); 0: not looked for.
  double containment = 0.0;
  // Buckets larger than this (boilerplate shared by thousands of pages) are verified against
  // their first member and neighbours only, to keep the work linear.
  std::size_t max_bucket_pairs_size = 64;
};

struct NearDuplicateGroup {
  std::vector<std::size_t> members;  // document indices, ascending; members[0] is the representative
  std::vector<double> jaccard_to_representative;  // estimated, parallel to members (1.0 for the first)
};

// A document whose shingles are mostly found in a longer one: an excerpt, a truncated or an
// extended copy.
struct PartialCopy {
  std::size_t contained, container;  // document indices: the one with fewer shingles, the other
  double containment;                // estimated share of contained's shingles found in container
  double jaccard;                    // estimated Jaccard of the two
};

// The key of band `band` of a signature (its rows band * rows .. band * rows + rows - 1 hashed
// together, seeded by the band): two signatures are candidates in a band when their keys are
// equal. find_near_duplicate_groups buckets by the key's high 32 bits (kBandKeyBucketBits); a
// caller who buckets keys itself (the Dask driver's shuffle) and wants the same candidates buckets
// by those bits too. `signature` holds at least (band + 1) * rows values.
std::uint64_t lsh_band_key(const std::uint32_t* signature, int band, int rows);
inline constexpr int kBandKeyBucketBits = 32;

// Candidate pairs of one bucket of documents (ascending indices) sharing a band key: every pair up
// to params.max_bucket_pairs_size members, past it each member with the first and with its
// predecessor. fn(a, b) is called with a < b.
template <typename Fn>
void bucket_candidates(const std::size_t* members, std::size_t size, const NearDuplicateParams& params, Fn fn) {
  if (size <= params.max_bucket_pairs_size) {
    for (std::size_t x = 0; x < size; ++x)
      for (std::size_t y = x + 1; y < size; ++y) fn(members[x], members[y]);
  } else {
    for (std::size_t k = 1; k < size; ++k) {
      fn(members[0], members[k]);
      fn(members[k - 1], members[k]);
    }
  }
}

// signatures[i] may be empty for a document with no shingles: it joins no group. Throws
// std::invalid_argument when the banding cannot be resolved (resolve_banding).
std::vector<NearDuplicateGroup> find_near_duplicate_groups(const std::vector<MinHashSignature>& signatures,
                                                           const NearDuplicateParams& params, int threads);

// The banding find_near_duplicate_groups uses for these parameters and signature length.
LshBanding near_duplicate_banding(const NearDuplicateParams& params, int num_hashes);

// Partial copies need the smaller document to hold at least this share of the larger one's
// shingles: below it a signature of 128 positions cannot tell containment from chance (the
// estimate's error grows as 1 + larger / smaller), and the candidate stage would have to propose
// pairs of Jaccard near zero.
inline constexpr double kMinPartialCopySizeRatio = 0.25;

// The Jaccard a pair at containment c and size ratio kMinPartialCopySizeRatio has: the lowest
// Jaccard of a partial copy, which the candidate stage for partial copies is banded for.
double partial_copy_jaccard_floor(double containment);

// The banding of the candidate stage for partial copies (automatic, for partial_copy_jaccard_floor).
LshBanding partial_copy_banding(const NearDuplicateParams& params, int num_hashes);

// Pairs whose estimated containment reaches params.containment, the smaller document holding at
// least kMinPartialCopySizeRatio of the larger one's shingles, that are not in one near-duplicate
// group. shingle_counts[i]: the number of distinct shingles of document i. Containment is
// estimated from the signatures and the exact counts: c = J (|A| + |B|) / ((1 + J) |A|), |A| the
// smaller; sorted by (contained, container).
std::vector<PartialCopy> find_partial_copies(const std::vector<MinHashSignature>& signatures,
                                             const std::vector<std::uint32_t>& shingle_counts,
                                             const std::vector<NearDuplicateGroup>& groups,
                                             const NearDuplicateParams& params, int threads);

}  // namespace parallax
