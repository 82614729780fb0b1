#include "diff/topics.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>

#include "diff/compare.hpp"

namespace parallax {
namespace {

std::size_t root(std::vector<std::size_t>& parent, std::size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

}  // namespace

std::vector<ClaimTopic> group_topics(const CompareResult& r) {
  std::vector<std::size_t> parent(r.claims.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (const Alignment& a : r.alignments) parent[root(parent, a.left)] = root(parent, a.right);
  std::map<std::size_t, ClaimTopic> by_root;
  for (std::size_t i = 0; i < r.alignments.size(); ++i) {
    const Alignment& a = r.alignments[i];
    ClaimTopic& t = by_root[root(parent, a.left)];
    t.alignments.push_back(i);
    t.claims.push_back(a.left);
    t.claims.push_back(a.right);
    t.conflicts += a.judgement.label == PairLabel::Conflict;
    t.agreements += a.judgement.label == PairLabel::Agree;
    t.related += a.judgement.label == PairLabel::Related;
  }
  std::vector<ClaimTopic> topics;
  for (auto& [unused, t] : by_root) {
    std::sort(t.claims.begin(), t.claims.end());
    t.claims.erase(std::unique(t.claims.begin(), t.claims.end()), t.claims.end());
    for (std::size_t c : t.claims) t.sides.push_back(r.side_of_claim[c]);
    std::sort(t.sides.begin(), t.sides.end());
    t.sides.erase(std::unique(t.sides.begin(), t.sides.end()), t.sides.end());
    topics.push_back(std::move(t));
  }
  std::stable_sort(topics.begin(), topics.end(), [](const ClaimTopic& x, const ClaimTopic& y) {
    return std::make_tuple(x.conflicts == 0, x.agreements == 0, x.claims.front()) <
           std::make_tuple(y.conflicts == 0, y.agreements == 0, y.claims.front());
  });
  return topics;
}

}  // namespace parallax
