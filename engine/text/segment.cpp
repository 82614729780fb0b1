#include "text/segment.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <iterator>
#include <memory>
#include <stdexcept>

#include "text/utf8.hpp"

namespace parallax {
namespace {

using BreakIteratorFactory = icu::BreakIterator* (*)(const icu::Locale&, UErrorCode&);

std::unique_ptr<icu::BreakIterator> make_iterator(BreakIteratorFactory factory) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> iterator(factory(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !iterator) throw std::runtime_error("ICU break iterator unavailable");
  return iterator;
}

// Break iterators are stateful, so each thread iterates its own clone of a shared prototype
// (cloning is much cheaper than loading the rules again).
icu::BreakIterator& word_iterator() {
  static const auto prototype = make_iterator(&icu::BreakIterator::createWordInstance);
  thread_local std::unique_ptr<icu::BreakIterator> iterator(prototype->clone());
  return *iterator;
}

icu::BreakIterator& sentence_iterator() {
  static const auto prototype = make_iterator(&icu::BreakIterator::createSentenceInstance);
  thread_local std::unique_ptr<icu::BreakIterator> iterator(prototype->clone());
  return *iterator;
}

// Points an iterator at UTF-8 text through a UText, so that its boundaries are byte offsets.
// The text must outlive the iteration.
class Utf8Text {
 public:
  Utf8Text(icu::BreakIterator& iterator, std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&text_, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    iterator.setText(&text_, status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU cannot iterate this text");
  }
  ~Utf8Text() { utext_close(&text_); }
  Utf8Text(const Utf8Text&) = delete;
  Utf8Text& operator=(const Utf8Text&) = delete;

 private:
  UText text_ = UTEXT_INITIALIZER;
};

// Raw ICU segments, covering the whole text.
template <typename Visit>
void for_each_segment(icu::BreakIterator& iterator, std::string_view utf8, Visit visit) {
  Utf8Text text(iterator, utf8);
  int32_t begin = iterator.first();
  for (int32_t end = iterator.next(); end != icu::BreakIterator::DONE;
       begin = end, end = iterator.next()) {
    visit(static_cast<std::size_t>(begin), static_cast<std::size_t>(end));
  }
}

TextSpan trim(std::string_view utf8, TextSpan span) {
  while (span.begin < span.end) {
    std::size_t next = span.begin;
    if (!utf8::is_space_or_mark(utf8::next(utf8, next))) break;
    span.begin = next;
  }
  while (span.end > span.begin) {
    const std::size_t previous = utf8::previous_boundary(utf8, span.end);
    std::size_t at = previous;
    if (!utf8::is_space_or_mark(utf8::next(utf8, at))) break;
    span.end = previous;
  }
  return span;
}

bool has_letter_or_digit(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size();) {
    if (u_isalnum(utf8::next(utf8, i))) return true;
  }
  return false;
}

bool is_line_break(UChar32 c) {
  return c == '\n' || c == '\r' || c == 0x0085 || c == 0x2028 || c == 0x2029;
}

bool has_line_break(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size();) {
    if (is_line_break(utf8::next(utf8, i))) return true;
  }
  return false;
}

// Abbreviations after which a period does not end a sentence, as they are written (titles and
// month names precede names and dates). Kept short: every entry also hides the sentence ends that
// really follow it.
constexpr std::string_view kAbbreviations[] = {
    "Mr",   "Mrs",  "Ms",   "Dr",   "Prof", "Gen",   "Col",  "Lt",   "Sgt",  "Capt", "Gov",
    "Sen",  "Rep",  "Rev",  "St",   "Mt",   "vs",    "Jan",  "Feb",  "Mar",  "Apr",  "Aug",
    "Sep",  "Sept", "Oct",  "Nov",  "Dec",  "проф",  "акад", "ген",  "им",   "ул",   "св",
};

// The run of letters and periods just before the final period of a trimmed segment
// ("Mr" in "... Mr.", "U.S" in "... U.S.", "د" in "... د.").
std::string_view word_before_final_period(std::string_view segment) {
  if (segment.empty() || segment.back() != '.') return {};
  const std::size_t end = segment.size() - 1;
  std::size_t begin = end;
  while (begin > 0) {
    const std::size_t previous = utf8::previous_boundary(segment, begin);
    std::size_t at = previous;
    const UChar32 c = utf8::next(segment, at);
    if (!u_isalpha(c) && c != '.') break;
    begin = previous;
  }
  return segment.substr(begin, end - begin);
}

// True when the period ending the segment belongs to an abbreviation or an initial rather than
// ending a sentence: "Dr.", "U.S.", "د." (doctor), "В. В. Путин". Lowercase single letters
// are left out: "в 2020 г." ends Russian sentences as often as not.
bool ends_with_abbreviation(std::string_view segment) {
  const std::string_view word = word_before_final_period(segment);
  if (word.empty()) return false;
  if (word.find('.') != std::string_view::npos) return true;  // dotted: U.S., e.g., т.е.
  std::size_t i = 0;
  const UChar32 first = utf8::next(word, i);
  if (i == word.size()) return !u_islower(first);  // an initial, or a caseless letter (د)
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), word) !=
         std::end(kAbbreviations);
}

}  // namespace

std::vector<TextSpan> word_spans(std::string_view utf8) {
  std::vector<TextSpan> spans;
  icu::BreakIterator& iterator = word_iterator();
  for_each_segment(iterator, utf8, [&](std::size_t begin, std::size_t end) {
    // Rule statuses below the limit mark spaces and punctuation; above it numbers, letters,
    // kana and ideographs.
    if (iterator.getRuleStatus() >= UBRK_WORD_NONE_LIMIT) spans.push_back({begin, end});
  });
  return spans;
}

std::vector<std::string> words(std::string_view utf8) {
  std::vector<std::string> result;
  for (const TextSpan& span : word_spans(utf8)) {
    result.emplace_back(utf8.substr(span.begin, span.end - span.begin));
  }
  return result;
}

std::vector<TextSpan> sentence_spans(std::string_view utf8) {
  std::vector<TextSpan> spans;
  auto emit = [&](TextSpan span) {
    span = trim(utf8, span);
    if (has_letter_or_digit(utf8.substr(span.begin, span.end - span.begin))) spans.push_back(span);
  };
  // ICU breaks after every newline itself; it also breaks after abbreviations, which are joined
  // back to the sentence they belong to unless a newline follows them.
  TextSpan pending{0, 0};
  bool has_pending = false;
  for_each_segment(sentence_iterator(), utf8, [&](std::size_t begin, std::size_t end) {
    if (!has_pending) pending.begin = begin;
    has_pending = true;
    pending.end = end;
    const TextSpan trimmed = trim(utf8, pending);
    const std::string_view text = utf8.substr(trimmed.begin, trimmed.end - trimmed.begin);
    const std::string_view tail = utf8.substr(trimmed.end, end - trimmed.end);
    if (ends_with_abbreviation(text) && !has_line_break(tail)) return;
    emit(pending);
    has_pending = false;
  });
  if (has_pending) emit(pending);
  return spans;
}

}  // namespace parallax
