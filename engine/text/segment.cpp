#include "text/segment.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <memory>
#include <stdexcept>

#include "lexicon/abbreviations.hpp"
#include "text/utf8.hpp"

namespace parallax {
namespace {

using BreakIteratorFactory = icu::BreakIterator* (*)(const icu::Locale&, UErrorCode&);

// A thread's break iterator, with the UTF-16 buffer it reads. ICU's word iterator runs 1.35x
// faster on Arabic (1.05x on English) over UTF-16 than over a UTF-8 UText, conversion and offset
// mapping included, so text is converted once and boundaries are mapped back to byte offsets.
struct Segmenter {
  std::unique_ptr<icu::BreakIterator> iterator;
  std::vector<UChar> utf16;
};

std::unique_ptr<icu::BreakIterator> make_iterator(BreakIteratorFactory factory) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> iterator(factory(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !iterator) throw std::runtime_error("ICU break iterator unavailable");
  return iterator;
}

// Iterators are stateful, so each thread uses its own clone of a shared prototype (cloning is
// much cheaper than loading the rules again).
Segmenter& word_segmenter() {
  static const auto prototype = make_iterator(&icu::BreakIterator::createWordInstance);
  thread_local Segmenter segmenter{std::unique_ptr<icu::BreakIterator>(prototype->clone()), {}};
  return segmenter;
}

Segmenter& sentence_segmenter() {
  static const auto prototype = make_iterator(&icu::BreakIterator::createSentenceInstance);
  thread_local Segmenter segmenter{std::unique_ptr<icu::BreakIterator>(prototype->clone()), {}};
  return segmenter;
}

// UTF-16 offsets of the converted text back to byte offsets of the UTF-8 text, walking forward:
// boundaries come in increasing order. Ill-formed bytes read as one U+FFFD each, as ICU's
// conversion writes them.
class ByteOffsets {
 public:
  explicit ByteOffsets(std::string_view utf8) : utf8_(utf8) {}

  std::size_t of(int32_t utf16_offset) {
    while (utf16_offset_ < utf16_offset)
      utf16_offset_ += U16_LENGTH(utf8::next(utf8_, byte_offset_));
    return byte_offset_;
  }

 private:
  std::string_view utf8_;
  std::size_t byte_offset_ = 0;
  int32_t utf16_offset_ = 0;
};

struct ClosingUText {
  UText text = UTEXT_INITIALIZER;
  ~ClosingUText() { utext_close(&text); }
};

// Calls visit(begin, end) with the byte span of every raw ICU segment, which together cover
// the whole text; the iterator's rule status describes the segment being visited.
template <typename Visit>
void for_each_segment(Segmenter& segmenter, std::string_view utf8, Visit visit) {
  if (utf8.size() > static_cast<std::size_t>(INT32_MAX)) {
    throw std::length_error("text over 2 GiB cannot be segmented");
  }
  segmenter.utf16.resize(std::max<std::size_t>(utf8.size(), 1));  // never more units than bytes
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  u_strFromUTF8WithSub(segmenter.utf16.data(), static_cast<int32_t>(segmenter.utf16.size()),
                       &length, utf8.data(), static_cast<int32_t>(utf8.size()), 0xFFFD, nullptr,
                       &status);
  ClosingUText text;
  utext_openUChars(&text.text, segmenter.utf16.data(), length, &status);
  icu::BreakIterator& iterator = *segmenter.iterator;
  iterator.setText(&text.text, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU cannot segment this text");
  ByteOffsets byte_offsets(utf8);
  std::size_t begin = byte_offsets.of(iterator.first());
  for (int32_t end = iterator.next(); end != icu::BreakIterator::DONE; end = iterator.next()) {
    const std::size_t end_byte = byte_offsets.of(end);
    visit(begin, end_byte);
    begin = end_byte;
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

// Where scraped text lost the space after a full stop ("the Indian people.Putin said", "dinner.PM
// Modi"): after two lower-case letters and '.', '!' or '?', a capital letter that a letter follows
// opens a sentence. ("U.S.Army" and "e.g.The" keep together: no two lower-case letters before.)
std::vector<std::size_t> joined_sentence_starts(std::string_view utf8) {
  std::vector<std::size_t> starts;
  UChar32 before_previous = 0, previous = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const UChar32 c = utf8::next(utf8, i);
    if ((c == '.' || c == '!' || c == '?') && u_islower(previous) && u_islower(before_previous) && i < utf8.size()) {
      std::size_t j = i;
      const UChar32 capital = utf8::next(utf8, j);
      if (u_isupper(capital) && j < utf8.size()) {
        std::size_t k = j;
        if (u_isalpha(utf8::next(utf8, k))) starts.push_back(i);
      }
    }
    before_previous = previous;
    previous = c;
  }
  return starts;
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
  return is_abbreviation(word);
}

}  // namespace

std::vector<TextSpan> word_spans(std::string_view utf8) {
  std::vector<TextSpan> spans;
  Segmenter& segmenter = word_segmenter();
  for_each_segment(segmenter, utf8, [&](std::size_t begin, std::size_t end) {
    // Rule statuses below the limit mark spaces and punctuation; above it numbers, letters,
    // kana and ideographs.
    if (segmenter.iterator->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) spans.push_back({begin, end});
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
  auto emit_one = [&](TextSpan span) {
    span = trim(utf8, span);
    if (has_letter_or_digit(utf8.substr(span.begin, span.end - span.begin))) spans.push_back(span);
  };
  auto emit = [&](TextSpan span) {
    const std::size_t base = span.begin;
    for (std::size_t start : joined_sentence_starts(utf8.substr(span.begin, span.end - span.begin))) {
      emit_one({span.begin, base + start});
      span.begin = base + start;
    }
    emit_one(span);
  };
  // ICU breaks after every newline itself; it also breaks after abbreviations, which are joined
  // back to the sentence they belong to unless a newline follows them.
  TextSpan pending{0, 0};
  bool has_pending = false;
  for_each_segment(sentence_segmenter(), utf8, [&](std::size_t begin, std::size_t end) {
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
