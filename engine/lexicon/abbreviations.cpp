#include "lexicon/abbreviations.hpp"

#include <algorithm>
#include <iterator>

namespace parallax {

namespace {

// Abbreviations after which a period does not end a sentence, as they are written (titles and
// month names precede names and dates). Kept short: every entry also hides the sentence ends that
// really follow it.
constexpr std::string_view kAbbreviations[] = {
    "Mr",  "Mrs",  "Ms",  "Dr",  "Prof", "Gen",  "Col",  "Lt",  "Sgt", "Capt", "Gov",
    "Sen", "Rep",  "Rev", "St",  "Mt",   "vs",   "Jan",  "Feb", "Mar", "Apr",  "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec",  "проф", "акад", "ген", "им",  "ул",   "св",
};

}  // namespace

bool is_abbreviation(std::string_view word) {
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), word) !=
         std::end(kAbbreviations);
}

}  // namespace parallax
