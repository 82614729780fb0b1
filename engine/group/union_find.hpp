#pragma once
// Disjoint sets with path halving and union by size.
#include <cstdint>
#include <numeric>
#include <vector>

namespace parallax {

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n), size_(n, 1) {
    std::iota(parent_.begin(), parent_.end(), std::size_t{0});
  }
  std::size_t find(std::size_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  bool unite(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return false;
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
    return true;
  }
  std::size_t size_of(std::size_t x) { return size_[find(x)]; }
  std::size_t element_count() const { return parent_.size(); }

 private:
  std::vector<std::size_t> parent_;
  std::vector<std::size_t> size_;
};

// Members of each set with at least `min_size` members, sets ordered by their smallest member,
// members ascending.
std::vector<std::vector<std::size_t>> connected_groups(UnionFind& sets, std::size_t min_size);

}  // namespace parallax
