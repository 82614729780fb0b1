// The match-word reader's fast paths (the SSE2 block reader for ASCII prose, the loop for runs of
// two-byte letters) against its per-code-point reader: the same words, hashes and dominant script
// for any bytes. The input is read as it is and behind a pad of 1 to 63 spaces, so a phrase meets
// every position in the 64-byte blocks (l'Élysée once split where a block ended).
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "text/match_words.hpp"

namespace {

using parallax::MatchWordReader;

struct Reading {
  std::vector<std::string> words;
  std::vector<std::uint64_t> hashes;
  parallax::Script script;
};

Reading read(MatchWordReader& reader, std::string_view text) {
  Reading r;
  reader.append_words(text, r.words);
  reader.append_word_hashes(text, r.hashes);
  r.script = reader.take_dominant_script();
  return r;
}

void compare_paths(std::string_view text) {
  static MatchWordReader fastest(MatchWordReader::Path::Fastest);
  static MatchWordReader reference(MatchWordReader::Path::PerCodePoint);
  const Reading fast = read(fastest, text);
  const Reading slow = read(reference, text);
  FUZZ_REQUIRE(fast.words == slow.words);
  FUZZ_REQUIRE(fast.hashes == slow.hashes);
  FUZZ_REQUIRE(fast.script == slow.script);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = parallax::fuzz::as_text(data, size);
  compare_paths(text);
  const std::string padded = std::string(1 + size % 63, ' ') + std::string(text);
  compare_paths(padded);
  return 0;
}
