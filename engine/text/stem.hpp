#pragma once
// Stemming with Snowball's libstemmer for every language it has; Arabic uses a light
// prefix/suffix stripper (Snowball's Arabic stemmer over-stems names: بوتين -> وتين).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parallax {

// One stemmer per language. Not thread-safe: use one per thread.
class Stemmer {
 public:
  // lang: ISO 639-1 code. Unknown languages give an identity stemmer (is_identity() true).
  explicit Stemmer(std::string_view lang);
  ~Stemmer();
  Stemmer(Stemmer&&) noexcept;
  Stemmer& operator=(Stemmer&&) noexcept;

  // Stem of a normalized (case-folded) word.
  std::string stem(std::string_view word);
  bool is_identity() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ISO 639-1 codes of the languages that have a real stemmer.
std::vector<std::string> stemmer_languages();

// Arabic light stemming on normalized text: strips the article and attached conjunctions or
// prepositions (ال، وال، بال، كال، فال، لل، و، ف) and common suffixes, keeping at least 3 letters.
std::string light_stem_arabic(std::string_view normalized_word);

}  // namespace parallax
