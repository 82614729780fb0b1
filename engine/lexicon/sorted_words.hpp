#pragma once
// A fixed set of words sorted at compile time: a namespace-scope std::set of strings is built by a
// static constructor at every process start (and torn down at exit) whether or not anything looks
// a word up in it; the word lists of attribution_cues.cpp and stance_words.cpp cost about 0.1 ms of
// every command's start-up that way, `parallax dedup` included, which never uses them.
//
//   constexpr auto kVerbs = sorted_words({"said", "told", "added"});
//   if (kVerbs.count(word)) ...
#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

namespace parallax {

template <std::size_t N>
class SortedWords {
 public:
  consteval explicit SortedWords(const std::string_view (&words)[N]) {
    std::copy(words, words + N, words_.begin());
    std::sort(words_.begin(), words_.end());
  }

  bool contains(std::string_view word) const { return std::binary_search(words_.begin(), words_.end(), word); }
  std::size_t count(std::string_view word) const { return contains(word) ? 1 : 0; }

 private:
  std::array<std::string_view, N> words_{};
};

template <std::size_t N>
consteval SortedWords<N> sorted_words(const std::string_view (&words)[N]) {
  return SortedWords<N>(words);
}

}  // namespace parallax
