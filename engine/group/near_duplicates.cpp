#include "group/near_duplicates.hpp"

#include "core/worker_threads.hpp"

// Inlined: one short hash per document and band.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <thread>
#include <utility>

#include "group/union_find.hpp"

namespace parallax {
namespace {

// Work that pays for a thread of its own (workers_for). The candidate stage (band keys, sorts,
// buckets) takes about 0.4 microseconds per document on one thread (10k documents, 32 bands):
// 4,096 documents are 1.6 ms, ten times a thread's start. Verifying a pair (two signatures of 128
// positions compared) takes about 0.1 microseconds: 32,768 pairs are 3 ms.
constexpr std::size_t kDocumentsPerLshWorker = 4096;
constexpr std::size_t kPairsPerVerifyWorker = 32768;

// A candidate pair (a < b) as one integer, a in the high half: sorts and deduplicates fast.
using PackedPair = std::uint64_t;

PackedPair pack(std::size_t a, std::size_t b) { return (static_cast<std::uint64_t>(a) << 32) | b; }
std::size_t first_of(PackedPair p) { return static_cast<std::size_t>(p >> 32); }
std::size_t second_of(PackedPair p) { return static_cast<std::size_t>(p & 0xffffffffu); }

// LSD radix sort of 64-bit keys on their bits [first_bit, 64), one byte per pass; a pass whose
// byte is the same in every key is skipped. Linear in the keys: std::sort on the band entries and
// on the candidate pairs took 10-15% of `parallax dedup` at 1M documents.
void radix_sort(std::vector<std::uint64_t>& keys, std::vector<std::uint64_t>& scratch, int first_bit) {
  scratch.resize(keys.size());
  for (int shift = first_bit; shift < 64; shift += 8) {
    std::size_t start[257] = {};
    for (std::uint64_t k : keys) ++start[((k >> shift) & 0xff) + 1];
    if (std::any_of(start + 1, start + 257, [&](std::size_t count) { return count == keys.size(); })) continue;
    for (int b = 0; b < 256; ++b) start[b + 1] += start[b];
    for (std::uint64_t k : keys) scratch[start[(k >> shift) & 0xff]++] = k;
    keys.swap(scratch);
  }
}

// Bands of up to this many entries are radix-sorted on 16 bits of their 32-bit keys (band_candidates).
constexpr std::size_t kEntriesSortedOnHalfKeys = 4096;

// Orders [begin, end) by the bits of `key_mask`, stably: an insertion sort, for the short runs
// of band entries whose keys the radix sort left unordered (none when it sorted on all of them:
// then one comparison per entry and nothing moves).
void order_by_key(std::uint64_t* begin, std::uint64_t* end, std::uint64_t key_mask) {
  for (std::uint64_t* next = begin + 1; next < end; ++next) {
    const std::uint64_t entry = *next;
    std::uint64_t* at = next;
    for (; at != begin && (at[-1] & key_mask) > (entry & key_mask); --at) *at = at[-1];
    *at = entry;
  }
}

// Bands whose keys are computed in one pass over the signatures: at 4 rows, 4 bands are 64
// contiguous bytes of a signature. A pass per band read each document's signature (a separate
// heap block) once per band, a cache miss each time: the band keys were 7% of `dedup` on 10k
// documents, most of it waiting for memory.
constexpr int kBandsPerPass = 4;

// Candidate pairs of the bands [first_band, first_band + band_count): documents whose rows of a
// band hash alike. A band entry is one integer, 32 bits of the band hash over the document index,
// so buckets come from a radix sort of plain integers. Two buckets whose hashes share those 32 bits
// merge: that only adds candidates (about n^2 / 2^33 per band), which verification rejects.
void band_candidates(const std::vector<MinHashSignature>& sigs, int first_band, int band_count, int rows,
                     const NearDuplicateParams& params, std::vector<std::uint64_t> (&entries)[kBandsPerPass],
                     std::vector<std::uint64_t>& scratch, std::vector<PackedPair>& candidates) {
  static_assert(kBandKeyBucketBits == 32, "band entries hold the bucket bits over a 32-bit document index");
  constexpr std::uint64_t kDocMask = 0xffffffffu;
  for (int k = 0; k < band_count; ++k) entries[k].clear();
  constexpr std::size_t kPrefetchAhead = 8;  // signatures are separate heap blocks: no stride to follow
  for (std::size_t d = 0; d < sigs.size(); ++d) {
    if (d + kPrefetchAhead < sigs.size() && !sigs[d + kPrefetchAhead].empty())
      __builtin_prefetch(sigs[d + kPrefetchAhead].data() + static_cast<std::size_t>(first_band) * rows);
    if (sigs[d].empty()) continue;
    for (int k = 0; k < band_count; ++k)
      entries[k].push_back((lsh_band_key(sigs[d].data(), first_band + k, rows) & ~kDocMask) | d);
  }
  std::vector<std::size_t> bucket;
  for (int k = 0; k < band_count; ++k) {
    std::vector<std::uint64_t>& band = entries[k];
    // A band of few documents is sorted on the top 16 bits of its keys only: two radix passes
    // instead of four, each with its table of 256 counts (at 1k documents the passes cost more
    // than the entries). Keys that share those bits but differ below are rare there, and are put
    // in order where they meet (order_by_key).
    const int sorted_from_bit = band.size() <= kEntriesSortedOnHalfKeys ? 48 : 32;
    radix_sort(band, scratch, sorted_from_bit);  // stable, so documents stay in order
    const std::uint64_t sorted_bits = ~std::uint64_t{0} << sorted_from_bit;
    for (std::size_t i = 0; i < band.size();) {
      std::size_t j = i + 1;
      while (j < band.size() && (band[j] & sorted_bits) == (band[i] & sorted_bits)) ++j;
      if (j - i > 1) {  // a lone entry is a bucket without pairs
        order_by_key(band.data() + i, band.data() + j, ~kDocMask);
        for (std::size_t first = i; first < j;) {
          std::size_t last = first + 1;
          while (last < j && (band[last] & ~kDocMask) == (band[first] & ~kDocMask)) ++last;
          bucket.clear();
          for (std::size_t m = first; m < last; ++m) bucket.push_back(static_cast<std::size_t>(band[m] & kDocMask));
          // pack() wants a < b: both sorts are stable, and entries were added in document order.
          bucket_candidates(bucket.data(), bucket.size(), params,
                            [&](std::size_t a, std::size_t b) { candidates.push_back(pack(a, b)); });
          first = last;
        }
      }
      i = j;
    }
  }
}

void sort_unique(std::vector<PackedPair>& pairs) {
  std::vector<std::uint64_t> scratch;
  radix_sort(pairs, scratch, 0);
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
}

// Every band's candidates, each pair once: a near-duplicate pair shares most bands, and its
// Jaccard estimate should be computed once, not once per band.
std::vector<PackedPair> lsh_candidates(const std::vector<MinHashSignature>& signatures, LshBanding banding,
                                       const NearDuplicateParams& params, int workers) {
  std::vector<std::vector<PackedPair>> found(workers);
  std::atomic<int> next_pass{0};
  const int passes = (banding.bands + kBandsPerPass - 1) / kBandsPerPass;
  run_workers(workers, [&](int w) {
    std::vector<std::uint64_t> entries[kBandsPerPass], scratch;
    // The worker's own vector until the end: the headers side by side in `found` share a cache
    // line, which every push_back of either thread wrote.
    std::vector<PackedPair> mine;
    std::size_t unique_size = 0;
    for (int pass = next_pass++; pass < passes; pass = next_pass++) {
      const int first_band = pass * kBandsPerPass;
      band_candidates(signatures, first_band, std::min(kBandsPerPass, banding.bands - first_band), banding.rows,
                      params, entries, scratch, mine);
      // Repeats pile up band after band: drop them before they outgrow the distinct pairs.
      if (mine.size() > std::max<std::size_t>(1 << 20, 2 * unique_size)) {
        sort_unique(mine);
        unique_size = mine.size();
      }
    }
    found[w] = std::move(mine);
  });
  std::vector<PackedPair> all = std::move(found[0]);
  for (int w = 1; w < workers; ++w) {
    all.insert(all.end(), found[w].begin(), found[w].end());
    std::vector<PackedPair>().swap(found[w]);
  }
  sort_unique(all);
  return all;
}

std::size_t signature_length(const std::vector<MinHashSignature>& signatures) {
  std::size_t num_hashes = 0;
  for (const auto& s : signatures) num_hashes = std::max(num_hashes, s.size());
  if (signatures.size() > (std::size_t{1} << 32))
    throw std::invalid_argument("near-duplicate search takes at most 2^32 documents");
  return num_hashes;
}

// The share [begin, end) of `count` items that worker w of `workers` takes: contiguous, so that
// two threads never write one cache line of a per-item result (every other item was one each,
// and the line went back and forth between the cores at every write).
std::pair<std::size_t, std::size_t> share_of(std::size_t count, int w, int workers) {
  const auto part = [&](int k) { return count * static_cast<std::size_t>(k) / static_cast<std::size_t>(workers); };
  return {part(w), part(w + 1)};
}

// Marks the candidates for which holds(a, b) is true.
template <typename Predicate>
std::vector<char> verify(const std::vector<PackedPair>& candidates, int workers, Predicate holds) {
  std::vector<char> verified(candidates.size(), 0);
  run_workers(workers, [&](int w) {
    const auto [begin, end] = share_of(candidates.size(), w, workers);
    for (std::size_t c = begin; c < end; ++c) verified[c] = holds(first_of(candidates[c]), second_of(candidates[c]));
  });
  return verified;
}

}  // namespace

std::uint64_t lsh_band_key(const std::uint32_t* signature, int band, int rows) {
  return XXH3_64bits_withSeed(signature + static_cast<std::size_t>(band) * rows, sizeof(std::uint32_t) * rows,
                              static_cast<XXH64_hash_t>(band));
}

LshBanding near_duplicate_banding(const NearDuplicateParams& params, int num_hashes) {
  return resolve_banding(params.jaccard_threshold, num_hashes, params.bands, params.rows);
}

std::vector<NearDuplicateGroup> find_near_duplicate_groups(const std::vector<MinHashSignature>& signatures,
                                                           const NearDuplicateParams& params, int threads) {
  const std::size_t num_hashes = signature_length(signatures);
  if (num_hashes == 0) return {};
  const LshBanding banding = near_duplicate_banding(params, static_cast<int>(num_hashes));
  const int workers = std::max(1, std::min(workers_for(signatures.size(), kDocumentsPerLshWorker, threads), banding.bands));
  const std::vector<PackedPair> candidates = lsh_candidates(signatures, banding, params, workers);
  const int verifiers = workers_for(candidates.size(), kPairsPerVerifyWorker, threads);
  const std::vector<char> holds = verify(candidates, verifiers, [&](std::size_t a, std::size_t b) {
    return estimate_jaccard(signatures[a], signatures[b]) >= params.jaccard_threshold;
  });
  UnionFind sets(signatures.size());
  for (std::size_t c = 0; c < candidates.size(); ++c)
    if (holds[c]) sets.unite(first_of(candidates[c]), second_of(candidates[c]));

  std::vector<NearDuplicateGroup> groups;
  for (auto& members : connected_groups(sets, 2)) {
    NearDuplicateGroup g;
    for (std::size_t m : members)
      g.jaccard_to_representative.push_back(estimate_jaccard(signatures[members[0]], signatures[m]));
    g.members = std::move(members);
    groups.push_back(std::move(g));
  }
  return groups;
}

double partial_copy_jaccard_floor(double containment) {
  // |A| = rho |B| and |A n B| = c |A| give J = c rho / (1 + rho - c rho).
  const double shared = containment * kMinPartialCopySizeRatio;
  return shared / (1 + kMinPartialCopySizeRatio - shared);
}

LshBanding partial_copy_banding(const NearDuplicateParams& params, int num_hashes) {
  return resolve_banding(partial_copy_jaccard_floor(params.containment), num_hashes, 0, 0);
}

std::vector<PartialCopy> find_partial_copies(const std::vector<MinHashSignature>& signatures,
                                             const std::vector<std::uint32_t>& shingle_counts,
                                             const std::vector<NearDuplicateGroup>& groups,
                                             const NearDuplicateParams& params, int threads) {
  if (shingle_counts.size() != signatures.size())
    throw std::invalid_argument("partial copies need one shingle count per signature");
  const std::size_t num_hashes = signature_length(signatures);
  if (num_hashes == 0 || params.containment <= 0) return {};
  const LshBanding banding = partial_copy_banding(params, static_cast<int>(num_hashes));
  const int workers = std::max(1, std::min(workers_for(signatures.size(), kDocumentsPerLshWorker, threads), banding.bands));
  const std::vector<PackedPair> candidates = lsh_candidates(signatures, banding, params, workers);

  constexpr std::size_t kNoGroup = ~std::size_t{0};
  std::vector<std::size_t> group_of(signatures.size(), kNoGroup);
  for (std::size_t g = 0; g < groups.size(); ++g)
    for (std::size_t m : groups[g].members) group_of[m] = g;
  // The pair as a partial copy, or containment -1 when it is not one.
  auto judge = [&](std::size_t a, std::size_t b) -> PartialCopy {
    const bool a_smaller = shingle_counts[a] < shingle_counts[b] || (shingle_counts[a] == shingle_counts[b] && a < b);
    PartialCopy p{a_smaller ? a : b, a_smaller ? b : a, -1.0, 0.0};
    if (group_of[a] != kNoGroup && group_of[a] == group_of[b]) return p;  // already near-duplicates
    const double n_small = shingle_counts[p.contained], n_large = shingle_counts[p.container];
    if (n_small == 0 || n_small < kMinPartialCopySizeRatio * n_large) return p;
    p.jaccard = estimate_jaccard(signatures[a], signatures[b]);
    p.containment = std::min(1.0, p.jaccard * (n_small + n_large) / ((1 + p.jaccard) * n_small));
    return p;
  };
  const int verifiers = workers_for(candidates.size(), kPairsPerVerifyWorker, threads);
  std::vector<std::vector<PartialCopy>> found(verifiers);
  run_workers(verifiers, [&](int w) {
    std::vector<PartialCopy> mine;  // not found[w] itself: see lsh_candidates
    const auto [begin, end] = share_of(candidates.size(), w, verifiers);
    for (std::size_t c = begin; c < end; ++c) {
      const PartialCopy p = judge(first_of(candidates[c]), second_of(candidates[c]));
      if (p.containment >= params.containment) mine.push_back(p);
    }
    found[w] = std::move(mine);
  });
  std::vector<PartialCopy> copies;
  for (const auto& f : found) copies.insert(copies.end(), f.begin(), f.end());
  std::sort(copies.begin(), copies.end(), [](const PartialCopy& x, const PartialCopy& y) {
    return x.contained < y.contained || (x.contained == y.contained && x.container < y.container);
  });
  return copies;
}

}  // namespace parallax
