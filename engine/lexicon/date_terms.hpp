#pragma once
// Language-free terms for the dates a text names: "18 March", "March 18", "18 марта" and
// "18 مارس" all give the term "@3-18"; "March 2025" / "марта 2025" give "@2025-3". Coverage of
// one event names its date in every language, and different meetings of the same leaders differ
// mostly by date (xling-events has three Trump-Putin calls in 2025), while half of the articles
// carry no publication date to tell them apart.
#include <optional>
#include <string_view>
#include <vector>

#include "lexicon/concept_terms.hpp"

namespace parallax {

// Reads the words of one text in order. Not thread-safe; one per text.
class DateMentions {
 public:
  // Feeds the next normalized word (stop words included: "may" is one); appends the terms of the
  // date mention it completes, if any.
  void next(std::string_view normalized_word, std::vector<ConceptTerm>& out);

 private:
  std::optional<int> previous_day_;  // the previous word was a day of the month (1 to 31)
  std::string_view previous_word_;
};

}  // namespace parallax
