#include "pipeline/feature_version.hpp"

#include <xxhash.h>

#include <charconv>
#include <fstream>
#include <new>
#include <vector>

#include "lexicon/concept_table.hpp"
#include "store/store_error.hpp"

namespace parallax {
namespace {

// Not through a string stream: a stream that runs out of memory sets a flag and keeps what it had,
// and a truncated version once made a store look like another version's (found by the C ABI's
// allocation failure test).
std::string hex(std::uint64_t h) {
  char digits[16];
  const auto end = std::to_chars(digits, digits + sizeof digits, h, 16).ptr;
  return std::string(digits, end);
}

// Hashes files' contents in 1 MB reads (istreambuf_iterator took 8 ms for the 8.5 MB concept table).
void hash_file(XXH3_state_t* state, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw StoreError(path + ": cannot read");
  std::vector<char> buffer(1 << 20);
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0)
    XXH3_64bits_update(state, buffer.data(), static_cast<std::size_t>(in.gcount()));
  if (in.bad()) throw StoreError(path + ": cannot read");
}

std::uint64_t hash_files(const std::vector<std::string>& paths) {
  XXH3_state_t* state = XXH3_createState();
  if (state == nullptr) throw std::bad_alloc();
  XXH3_64bits_reset(state);
  try {
    for (const auto& path : paths) hash_file(state, path);
  } catch (...) {
    XXH3_freeState(state);
    throw;
  }
  const std::uint64_t hash = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return hash;
}

}  // namespace

std::string feature_version(const EngineOptions& o) {
  std::string v = "features " + std::to_string(kFeatureFormat) + "; minhash seed " + std::to_string(o.minhash.seed);
  if (o.cross_lingual && !o.near_duplicates_only) {
    v += "; concepts " + hex(hash_files({builtin_concept_table_path()}));
    v += "; lexicons " + hex(hash_files(o.lexicons));
  }
  return v;
}

InMemoryFeatureStore::Layout feature_layout(const EngineOptions& options) {
  return {options.near_duplicates.containment > 0,
          options.cross_lingual && options.translations && !options.near_duplicates_only};
}

}  // namespace parallax
