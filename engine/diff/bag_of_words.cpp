#include "diff/bag_of_words.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cmath>
#include <map>
#include <stdexcept>

#include "text/utf8.hpp"

namespace parallax {

namespace {

// Python's \w: letters, digits and the underscore.
bool is_word_character(UChar32 c) { return c == '_' || u_isalnum(c); }

void append_code_point(std::string& out, UChar32 c) {
  char buffer[U8_MAX_LENGTH];
  std::size_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, U8_MAX_LENGTH, c, error);
  if (!error) out.append(buffer, length);
}

}  // namespace

std::vector<std::string> bag_of_words_tokens(std::string_view utf8) {
  std::vector<std::string> tokens;
  std::string word;
  std::size_t characters = 0;
  const auto close = [&] {
    if (characters >= 2) tokens.push_back(word);
    word.clear();
    characters = 0;
  };
  for (std::size_t i = 0; i < utf8.size();) {
    const UChar32 c = utf8::next(utf8, i);
    if (c >= 0 && is_word_character(c)) {
      append_code_point(word, u_tolower(c));
      ++characters;
    } else {
      close();
    }
  }
  close();
  return tokens;
}

BagOfWords::BagOfWords(std::vector<std::string> vocabulary) : vocabulary_(std::move(vocabulary)) {
  for (std::size_t i = 0; i < vocabulary_.size(); ++i)
    if (!index_.emplace(vocabulary_[i], i).second)
      throw std::invalid_argument("the word '" + vocabulary_[i] + "' is in the vocabulary twice");
}

void BagOfWords::add_to(std::string_view text, double* out) const {
  std::map<std::size_t, double> counts;
  for (const std::string& token : bag_of_words_tokens(text)) {
    const auto it = index_.find(token);
    if (it != index_.end()) counts[it->second] += 1.0;
  }
  double norm = 0;
  for (const auto& [at, count] : counts) norm += count * count;
  if (norm == 0) return;
  norm = std::sqrt(norm);
  for (const auto& [at, count] : counts) out[at] += count / norm;
}

}  // namespace parallax
