#pragma once
// Words for near-duplicate matching (MinHash shingles), read straight from raw UTF-8 at table
// speed. Every code point is folded exactly as normalize_for_matching() folds it (ICU NFKC case
// folding, then the Arabic pass), but through a per-code-point table that ICU fills 64 code
// points at a time, when a text first holds one of them, so a document costs one pass over its
// bytes instead of an ICU normalization plus an ICU word break (those two were 3/4 of `parallax
// dedup`'s time). A document containing a code point whose
// normalization depends on its neighbours (a combining mark that could compose, a Hangul jamo) is
// normalized by ICU first, then read the same way, so the words never depend on which path ran.
//
// Words are runs of letters, marks and digits. An apostrophe or a full stop between two letters
// or two digits stays inside ("don't", "u.s", "3.5"), a comma between two digits too ("1,000").
// Han, kana, Thai, Lao, Khmer and Myanmar are written without spaces: each of their characters is
// a word of its own, so shingles over them are character n-grams (no dictionary needed to tell
// copies apart). Unlike the analyzer's terms, words are not stemmed and stop words are kept: a
// copy repeats its source's exact wording.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/language.hpp"

namespace parallax {

// Reads the matching words of texts; reuses its buffers across calls. Not thread-safe: one per
// thread (the shared fold table fills its blocks thread-safely).
class MatchWordReader {
 public:
  // Which readers may take a run of text. Fastest: the SSE2 block reader for plain ASCII prose and
  // the tight loop for two-byte letters where they apply; PerCodePoint: every code point through
  // the general reader, the reference the fast ones must equal (tests/fuzz compares them).
  enum class Path { Fastest, PerCodePoint };
  explicit MatchWordReader(Path path = Path::Fastest) : path_(path) {}

  // Appends the word_hash of each word of `text`, in text order, to `hashes`.
  void append_word_hashes(std::string_view text, std::vector<std::uint64_t>& hashes);
  // Appends each word itself (for tests and inspection).
  void append_words(std::string_view text, std::vector<std::string>& words);
  // The script with the most letters over the texts read since the last call; resets the count.
  Script take_dominant_script();

 private:
  template <typename Output, typename Emit>
  void read(std::string_view text, Output& out, Emit&& emit);
  template <typename Emit>
  bool read_pass(std::string_view text, bool normalized, Emit& emit);

  Path path_;
  std::string word_;
  LettersPerScript letters_per_script_{};
};

// Convenience: the matching words of one text.
std::vector<std::string> match_words(std::string_view text);

}  // namespace parallax
