#pragma once
// Remembers where each document id was first seen, to reject later duplicates.
//
// It keeps a 128-bit XXH3 hash of each id rather than the id: a fixed 32-byte slot per document
// whatever the id's length, in one flat array probed linearly, so a lookup costs about one cache
// miss and no allocation (a node-based map of strings cost more than parsing the JSON itself on
// short records). Two distinct ids share a hash with probability about n^2 / 2^129: 1e-27 for a
// million documents.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace parallax {

class FirstSeenIndex {
 public:
  struct Occurrence {
    std::uint32_t file_index = 0;
    std::size_t line = 0;
  };

  // Records `where` for a new `id` and returns nullopt; for a known id, returns where it was
  // first recorded and changes nothing.
  std::optional<Occurrence> insert(std::string_view id, Occurrence where);

 private:
  struct Slot {
    std::uint64_t hash_low = 0;
    std::uint64_t hash_high = 0;
    Occurrence occurrence{kEmpty, 0};
  };
  static constexpr std::uint32_t kEmpty = UINT32_MAX;  // file_index of an unused slot

  Slot& find_slot(std::uint64_t hash_low, std::uint64_t hash_high);
  void grow();

  std::vector<Slot> slots_ = std::vector<Slot>(1024);  // a power of two
  std::size_t used_ = 0;
};

}  // namespace parallax
