#include "diff/topics.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include "diff/compare.hpp"

namespace parallax {
namespace {

std::size_t root(std::vector<std::size_t>& parent, std::size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// Average-linkage groups of the aligned claims, grown along the alignments: each step joins the
// two groups, linked by an alignment, whose claims are most related on average, while that average
// is at least 1. Returns, per claim, its group's root.
std::vector<std::size_t> link_claims(const CompareResult& r,
                                     const std::function<double(std::size_t, std::size_t)>& relatedness) {
  const std::size_t n = r.claims.size();
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<std::vector<std::size_t>> members(n);  // by root: its claims
  for (const Alignment& a : r.alignments) members[a.left] = {a.left}, members[a.right] = {a.right};
  const auto pair_key = [](std::size_t a, std::size_t b) {
    const auto [lo, hi] = std::minmax(a, b);
    return (static_cast<std::uint64_t>(lo) << 32) | hi;
  };
  std::unordered_map<std::uint64_t, double> related_memo;  // claim pairs
  std::unordered_map<std::uint64_t, double> average_memo;  // group pairs, dropped when either group grows
  const auto related = [&](std::size_t a, std::size_t b) {
    auto [it, inserted] = related_memo.try_emplace(pair_key(a, b), 0.0);
    if (inserted) it->second = relatedness(std::min(a, b), std::max(a, b));
    return it->second;
  };
  const auto average = [&](std::size_t x, std::size_t y) {
    auto [it, inserted] = average_memo.try_emplace(pair_key(x, y), 0.0);
    if (inserted) {
      double sum = 0;
      for (std::size_t a : members[x])
        for (std::size_t b : members[y]) sum += related(a, b);
      it->second = sum / static_cast<double>(members[x].size() * members[y].size());
    }
    return it->second;
  };
  for (;;) {
    double best = 1.0;
    std::pair<std::size_t, std::size_t> join{n, n};
    for (const Alignment& a : r.alignments) {
      if (a.covers_several) continue;  // a claim covering several claims spans topics by definition
      const std::size_t x = root(parent, a.left), y = root(parent, a.right);
      if (x == y) continue;
      const double link = average(x, y);
      if (link >= best && (join.first == n || link > best || std::minmax(x, y) < std::minmax(join.first, join.second))) {
        best = link;
        join = std::minmax(x, y);
      }
    }
    if (join.first == n) break;
    parent[join.second] = join.first;
    auto& into = members[join.first];
    into.insert(into.end(), members[join.second].begin(), members[join.second].end());
    std::vector<std::size_t>().swap(members[join.second]);
    std::erase_if(average_memo, [&](const auto& entry) {
      const std::size_t lo = entry.first >> 32, hi = entry.first & 0xffffffffu;
      return lo == join.first || hi == join.first || lo == join.second || hi == join.second;
    });
  }
  for (std::size_t i = 0; i < n; ++i) root(parent, i);
  return parent;
}

}  // namespace

std::vector<ClaimTopic> group_topics(const CompareResult& r,
                                     const std::function<double(std::size_t, std::size_t)>& relatedness) {
  std::vector<std::size_t> parent = link_claims(r, relatedness);
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
