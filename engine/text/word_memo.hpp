#pragma once
// What an analyzer remembers per word: a flat open-addressing table from (language, word) to a
// value. A lookup reads one 16-byte slot and, only when the 64-bit hashes agree, the key: std::
// unordered_map's node per entry cost a cache miss on every word (a tenth of `cluster`).
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/term_hash.hpp"

namespace parallax {

template <typename Value>
class WordMemo {
 public:
  std::size_t size() const { return entries_.size(); }

  // The value of `key`, or null.
  Value* find(std::string_view key) {
    if (slots_.empty()) return nullptr;
    const std::uint64_t hash = term_hash(key);
    for (std::size_t i = hash & mask(); slots_[i].entry != 0; i = (i + 1) & mask()) {
      Entry& e = entries_[slots_[i].entry - 1];
      if (slots_[i].hash == hash && e.first == key) return &e.second;
    }
    return nullptr;
  }

  // Adds `key` (not present). The returned reference lives until the next insert or clear (a
  // value's own heap buffers stay where they are).
  Value& insert(std::string_view key, Value value) {
    if (2 * (entries_.size() + 1) > slots_.size()) grow();
    const std::uint64_t hash = term_hash(key);
    entries_.emplace_back(std::string(key), std::move(value));
    place(hash, static_cast<std::uint32_t>(entries_.size()));
    return entries_.back().second;
  }

  // Forgets every word (the table keeps its size).
  void clear() {
    entries_.clear();
    slots_.assign(slots_.size(), Slot{});
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t entry = 0;  // index + 1 into entries_; 0: empty
  };
  using Entry = std::pair<std::string, Value>;

  void place(std::uint64_t hash, std::uint32_t entry) {
    std::size_t i = hash & mask();
    while (slots_[i].entry != 0) i = (i + 1) & mask();
    slots_[i] = {hash, entry};
  }

  // At most half full: short probe runs.
  void grow() {
    std::vector<Slot> old(std::max<std::size_t>(16, 2 * slots_.size()));
    old.swap(slots_);
    for (const Slot& s : old)
      if (s.entry != 0) place(s.hash, s.entry);
  }

  std::size_t mask() const { return slots_.size() - 1; }

  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
};

}  // namespace parallax
