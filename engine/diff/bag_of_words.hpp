#pragma once
// The bag-of-words inputs of a stance model (stance_model.hpp): a text's words counted over the
// model's vocabulary, L2-normalized. Words are read as scikit-learn's CountVectorizer reads them
// (lower case, runs of at least two word characters: letters, digits, '_'), since the vocabulary
// and the weights come from a model trained with it (bench/stance/train_bow.py).
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parallax {

// Lower-cased runs of two or more word characters, in text order ("Don't STOP_me" -> don, stop_me).
std::vector<std::string> bag_of_words_tokens(std::string_view utf8);

class BagOfWords {
 public:
  BagOfWords() = default;
  explicit BagOfWords(std::vector<std::string> vocabulary);  // throws std::invalid_argument on a repeated word

  std::size_t size() const { return vocabulary_.size(); }
  const std::vector<std::string>& vocabulary() const { return vocabulary_; }
  // Adds the text's L2-normalized counts over the vocabulary to out[offset, offset + size());
  // a text without a vocabulary word adds nothing.
  void add_to(std::string_view text, double* out) const;

 private:
  std::vector<std::string> vocabulary_;
  std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace parallax
