#include "diff/copies.hpp"

#include <numeric>

#include "features/minhash.hpp"
#include "io/date.hpp"
#include "text/match_words.hpp"

namespace parallax {
namespace {

constexpr std::size_t kMinCopyWords = 40;

std::size_t root(std::vector<std::size_t>& parent, std::size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// Earlier date first; undated after dated; then input order.
bool represents_before(const std::vector<std::optional<int>>& days, std::size_t a, std::size_t b) {
  if (days[a] && days[b] && *days[a] != *days[b]) return *days[a] < *days[b];
  if (days[a].has_value() != days[b].has_value()) return days[a].has_value();
  return a < b;
}

}  // namespace

std::vector<DocumentCopy> find_copies(const std::vector<Document>& documents, double threshold) {
  const std::size_t n = documents.size();
  const MinHasher hasher(MinHashParams{});
  MatchWordReader reader;
  std::vector<MinHashSignature> signatures;
  std::vector<std::optional<int>> days;
  for (const Document& d : documents) {
    std::vector<std::uint64_t> words;
    reader.append_word_hashes(d.title, words);
    reader.append_word_hashes(d.text, words);
    // A copy is of an article: a few sentences that happen to share most words ("profits rose" /
    // "profits fell") are different statements to compare, not one account.
    signatures.push_back(words.size() < kMinCopyWords ? MinHashSignature{} : hasher.signature_of_words(words));
    days.push_back(parse_iso_date_days(d.date));
  }
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = a + 1; b < n; ++b)
      if (!signatures[a].empty() && !signatures[b].empty() && estimate_jaccard(signatures[a], signatures[b]) >= threshold) {
        std::size_t ra = root(parent, a), rb = root(parent, b);
        if (ra == rb) continue;
        if (represents_before(days, rb, ra)) std::swap(ra, rb);
        parent[rb] = ra;
      }
  std::vector<DocumentCopy> copies;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t r = root(parent, i);
    if (r != i) copies.push_back({i, r, estimate_jaccard(signatures[i], signatures[r])});
  }
  return copies;
}

}  // namespace parallax
