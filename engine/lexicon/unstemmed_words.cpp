#include "lexicon/unstemmed_words.hpp"

#include <algorithm>
#include <iterator>

namespace parallax {

namespace {

// Words kept whole (normalized forms): names and frequent news words whose first letter و or ف
// belongs to the root and would otherwise be taken for a conjunction (واشنطن -> اشنطن,
// الولايات -> لاي), names that end like a plural (الكرملين -> كرمل), and الله.
constexpr std::string_view kProtectedArabicWords[] = {
    "الله",  "واشنطن", "فلاديمير", "فرنسا", "فلسطين", "فنزويلا", "فيتنام", "فنلندا", "فيينا",
    "فيروس", "وزير",   "وزراء",    "وزاره", "وكاله",  "ولايه",   "ولايات", "كرملين",
};

}  // namespace

bool is_unstemmed_arabic_word(std::string_view normalized_word) {
  return std::find(std::begin(kProtectedArabicWords), std::end(kProtectedArabicWords),
                   normalized_word) != std::end(kProtectedArabicWords);
}

}  // namespace parallax
