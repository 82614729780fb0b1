#include "group/near_duplicates.hpp"

#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <thread>
#include <utility>

#include "group/union_find.hpp"

namespace parallax {
namespace {

using DocPair = std::pair<std::size_t, std::size_t>;

struct BandEntry {
  std::uint64_t key;
  std::size_t doc;
  bool operator<(const BandEntry& o) const { return key < o.key || (key == o.key && doc < o.doc); }
};

// Verified pairs among documents that share one bucket of one band.
void verify_bucket(const std::vector<MinHashSignature>& sigs, const BandEntry* bucket, std::size_t size,
                   const NearDuplicateParams& params, std::vector<DocPair>& verified) {
  auto check = [&](std::size_t a, std::size_t b) {
    if (estimate_jaccard(sigs[a], sigs[b]) >= params.jaccard_threshold) verified.emplace_back(a, b);
  };
  if (size <= params.max_bucket_pairs_size) {
    for (std::size_t i = 0; i < size; ++i)
      for (std::size_t j = i + 1; j < size; ++j) check(bucket[i].doc, bucket[j].doc);
    return;
  }
  for (std::size_t i = 1; i < size; ++i) {
    check(bucket[0].doc, bucket[i].doc);
    check(bucket[i - 1].doc, bucket[i].doc);
  }
}

void process_band(const std::vector<MinHashSignature>& sigs, int band, int rows, const NearDuplicateParams& params,
                  std::vector<BandEntry>& entries, std::vector<DocPair>& verified) {
  entries.clear();
  for (std::size_t d = 0; d < sigs.size(); ++d) {
    if (sigs[d].empty()) continue;
    const std::uint32_t* values = sigs[d].data() + static_cast<std::size_t>(band) * rows;
    entries.push_back({XXH3_64bits_withSeed(values, sizeof(std::uint32_t) * rows, band), d});
  }
  std::sort(entries.begin(), entries.end());
  for (std::size_t i = 0; i < entries.size();) {
    std::size_t j = i + 1;
    while (j < entries.size() && entries[j].key == entries[i].key) ++j;
    if (j - i > 1) verify_bucket(sigs, entries.data() + i, j - i, params, verified);
    i = j;
  }
}

}  // namespace

std::vector<NearDuplicateGroup> find_near_duplicate_groups(const std::vector<MinHashSignature>& signatures,
                                                           const NearDuplicateParams& params, int threads) {
  std::size_t num_hashes = 0;
  for (const auto& s : signatures) num_hashes = std::max(num_hashes, s.size());
  if (num_hashes == 0) return {};
  if (params.bands <= 0 || num_hashes % params.bands != 0)
    throw std::invalid_argument("the number of bands must divide the number of hashes (" +
                                std::to_string(num_hashes) + ")");
  const int rows = static_cast<int>(num_hashes) / params.bands;

  const int workers = std::max(1, std::min(threads, params.bands));
  std::vector<std::vector<DocPair>> verified(workers);
  std::atomic<int> next_band{0};
  auto work = [&](int w) {
    std::vector<BandEntry> entries;
    for (int band = next_band++; band < params.bands; band = next_band++)
      process_band(signatures, band, rows, params, entries, verified[w]);
  };
  std::vector<std::thread> pool;
  for (int w = 1; w < workers; ++w) pool.emplace_back(work, w);
  work(0);
  for (auto& t : pool) t.join();

  UnionFind sets(signatures.size());
  for (const auto& pairs : verified)
    for (const auto& [a, b] : pairs) sets.unite(a, b);

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

}  // namespace parallax
