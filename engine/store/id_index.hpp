#pragma once
// Positions of documents by id, for a column that holds the ids itself (the store's records).
//
// A flat table of (64-bit hash of the id, position) slots, probed linearly; a slot's id is read
// from the column (id_at(position)) only when its hash matches, so a lookup is one cache line of
// the table and, for a hit, one comparison. An unordered_map<std::string, std::size_t> in its
// place cost a heap node and a string copy per document and a pointer chase per lookup: adding
// the ids of 10k documents was 3.5% of `parallax dedup`'s CPU. No two positions share an id: an
// id already present keeps its position (as unordered_map::emplace).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include <xxhash.h>

namespace parallax {

class IdIndex {
 public:
  // The position of `id`, if present. id_at(position) returns the id at a position.
  template <typename IdAt>
  std::optional<std::size_t> find(std::string_view id, IdAt&& id_at) const {
    if (used_ == 0) return std::nullopt;
    const std::size_t slot = find_slot(id, hash(id), id_at);
    if (slots_[slot].position == kEmpty) return std::nullopt;
    return slots_[slot].position;
  }

  // Records `id` at `position`; false (and nothing changes) when `id` is present already.
  template <typename IdAt>
  bool insert(std::string_view id, std::size_t position, IdAt&& id_at) {
    if ((used_ + 1) * 2 > slots_.size()) grow();  // linear probing stays short at most half full
    const std::uint64_t h = hash(id);
    Slot& slot = slots_[find_slot(id, h, id_at)];
    if (slot.position != kEmpty) return false;
    slot = {h, position};
    ++used_;
    return true;
  }

  // Forgets `id` (nothing when absent), while id_at still reads the positions the index holds.
  template <typename IdAt>
  void erase(std::string_view id, IdAt&& id_at) {
    if (used_ == 0) return;
    std::size_t hole = find_slot(id, hash(id), id_at);
    if (slots_[hole].position == kEmpty) return;
    // Backward-shift deletion: move up every later slot of the run that may sit at the hole
    // (its home slot is not inside (hole, next]), so no lookup meets an empty slot too early.
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t next = (hole + 1) & mask; slots_[next].position != kEmpty; next = (next + 1) & mask) {
      const std::size_t home = slots_[next].hash & mask;
      const bool home_after_hole = hole <= next ? (hole < home && home <= next) : (hole < home || home <= next);
      if (home_after_hole) continue;
      slots_[hole] = slots_[next];
      hole = next;
    }
    slots_[hole] = Slot{};
    --used_;
  }

  void clear() {
    slots_.clear();
    used_ = 0;
  }

 private:
  static constexpr std::size_t kEmpty = ~std::size_t{0};
  struct Slot {
    std::uint64_t hash = 0;
    std::size_t position = kEmpty;
  };

  static std::uint64_t hash(std::string_view id) { return XXH3_64bits(id.data(), id.size()); }

  // The slot holding `id`, or the empty slot where it would go. The table is never full.
  template <typename IdAt>
  std::size_t find_slot(std::string_view id, std::uint64_t h, IdAt& id_at) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.position == kEmpty) return i;
      if (slot.hash == h && std::string_view(id_at(slot.position)) == id) return i;
    }
  }

  // Doubles the table (from 1024 slots); positions move by hash alone, no id is read.
  void grow() {
    std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(slots_.empty() ? 1024 : 2 * slots_.size()));
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.position == kEmpty) continue;
      std::size_t i = slot.hash & mask;
      while (slots_[i].position != kEmpty) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;  // a power of two in size, or empty
  std::size_t used_ = 0;
};

}  // namespace parallax
