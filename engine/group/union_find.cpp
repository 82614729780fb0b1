#include "group/union_find.hpp"

#include <unordered_map>

namespace parallax {

std::vector<std::vector<std::size_t>> connected_groups(UnionFind& sets, std::size_t min_size) {
  std::unordered_map<std::size_t, std::size_t> group_of_root;
  std::vector<std::vector<std::size_t>> groups;
  for (std::size_t x = 0; x < sets.element_count(); ++x) {
    if (sets.size_of(x) < min_size) continue;
    const auto [it, inserted] = group_of_root.try_emplace(sets.find(x), groups.size());
    if (inserted) groups.emplace_back();
    groups[it->second].push_back(x);
  }
  return groups;
}

}  // namespace parallax
