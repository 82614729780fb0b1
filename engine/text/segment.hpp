#pragma once
// Word and sentence segmentation with ICU break iterators.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parallax {

// A span of bytes in the UTF-8 string that was segmented.
struct TextSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Word-like tokens (letters or numbers; punctuation and spaces dropped) of a UTF-8 string, as byte
// spans into it. Thread-safe.
std::vector<TextSpan> word_spans(std::string_view utf8);

// Convenience: the word tokens themselves.
std::vector<std::string> words(std::string_view utf8);

// Sentences of a UTF-8 text as byte spans, trimmed of surrounding whitespace, empty ones dropped.
// Paragraph breaks (newlines) always end a sentence; Arabic ؟ and ! end sentences, the Arabic comma
// and semicolon do not; no split after common abbreviations and single-letter initials.
// Thread-safe.
std::vector<TextSpan> sentence_spans(std::string_view utf8);

}  // namespace parallax
