#include "io/first_seen_index.hpp"

#include <xxhash.h>

#include <utility>

namespace parallax {

std::optional<FirstSeenIndex::Occurrence> FirstSeenIndex::insert(std::string_view id,
                                                                 Occurrence where) {
  const XXH128_hash_t hash = XXH3_128bits(id.data(), id.size());
  Slot& slot = find_slot(hash.low64, hash.high64);
  if (slot.occurrence.file_index != kEmpty) return slot.occurrence;
  slot = Slot{hash.low64, hash.high64, where};
  // Linear probing stays short while at most half the slots are used.
  if (++used_ * 2 > slots_.size()) grow();
  return std::nullopt;
}

FirstSeenIndex::Slot& FirstSeenIndex::find_slot(std::uint64_t hash_low, std::uint64_t hash_high) {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash_low & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.occurrence.file_index == kEmpty) return slot;
    if (slot.hash_low == hash_low && slot.hash_high == hash_high) return slot;
  }
}

void FirstSeenIndex::grow() {
  std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(slots_.size() * 2));
  for (const Slot& slot : old) {
    if (slot.occurrence.file_index != kEmpty) find_slot(slot.hash_low, slot.hash_high) = slot;
  }
}

}  // namespace parallax
