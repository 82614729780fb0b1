// The text pipeline on one document: normalization, word and sentence segmentation, the analyzer
// with the built-in concept table, term counts and tf-idf, match words and MinHash. The input's
// first line, when it has at most 8 bytes, is the document's "lang" field (empty: detected), as a
// JSONL record would give it; the rest is the text. Where a stage has a fast path beside another
// way to the same result, both are taken and must agree: analyze_terms against analyze, term
// hashes against terms, word hashes against words.
#include <cmath>
#include <string>
#include <vector>

#include "features/minhash.hpp"
#include "features/tfidf.hpp"
#include "fuzz_support.hpp"
#include "io/utf8_validation.hpp"
#include "lexicon/concept_table.hpp"
#include "text/analyzer.hpp"
#include "text/match_words.hpp"
#include "text/normalize.hpp"
#include "text/segment.hpp"
#include "text/term_hash.hpp"

namespace {

using namespace parallax;

void check_spans(const std::vector<TextSpan>& spans, std::size_t size) {
  std::size_t previous_end = 0;
  for (const TextSpan& s : spans) {
    FUZZ_REQUIRE(previous_end <= s.begin && s.begin < s.end && s.end <= size);
    previous_end = s.end;
  }
}

void check_analyzer(std::string_view text, std::string_view lang) {
  static const ConceptTable concepts = load_concept_table({});
  TextAnalyzer analyzer(&concepts);  // one per input: its word memo would otherwise grow forever
  const AnalyzedText analyzed = analyzer.analyze(text, lang);
  FUZZ_REQUIRE(analyzed.term_displays.size() == analyzed.terms.size());
  FUZZ_REQUIRE(analyzed.term_display_is_gloss.size() == analyzed.terms.size());

  std::vector<HashedTerm> hashed;
  std::vector<std::size_t> sentence_ends;
  FUZZ_REQUIRE(analyzer.analyze_terms(text, lang, hashed, &sentence_ends) == analyzed.lang);
  FUZZ_REQUIRE(hashed.size() == analyzed.terms.size());
  std::vector<std::uint64_t> hashes;
  for (std::size_t i = 0; i < hashed.size(); ++i) {
    FUZZ_REQUIRE(hashed[i].term->term == analyzed.terms[i]);
    FUZZ_REQUIRE(hashed[i].hash == term_hash(analyzed.terms[i]));
    hashes.push_back(hashed[i].hash);
  }
  std::size_t previous_end = 0;
  for (const std::size_t end : sentence_ends) {
    FUZZ_REQUIRE(previous_end <= end && end <= hashed.size());
    previous_end = end;
  }

  const TermCounts counts = count_terms(analyzed.terms);
  const TermCounts from_hashes = count_term_hashes(hashes);
  FUZZ_REQUIRE(counts.terms == from_hashes.terms && counts.counts == from_hashes.counts);
  DocumentFrequencies frequencies;
  frequencies.add(counts);
  const SparseVector vector = tfidf_vector(counts, frequencies);
  for (const float w : vector.weights) FUZZ_REQUIRE(std::isfinite(w));
  if (!vector.terms.empty()) FUZZ_REQUIRE(std::fabs(sparse_dot(vector, vector) - 1.0f) < 1e-3f);
}

void check_match_words(std::string_view text) {
  static MatchWordReader reader;
  static const MinHasher hasher(MinHashParams{});
  std::vector<std::string> words;
  std::vector<std::uint64_t> hashes;
  reader.append_words(text, words);
  reader.append_word_hashes(text, hashes);
  reader.take_dominant_script();
  FUZZ_REQUIRE(hashes.size() == words.size());
  for (const std::string& w : words) FUZZ_REQUIRE(!w.empty() && !find_invalid_utf8(w));
  FUZZ_REQUIRE(hasher.signature_of_words(hashes) == hasher.signature(words));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = fuzz::as_text(data, size);
  std::string_view lang;
  if (const auto newline = text.find('\n'); newline != std::string_view::npos && newline <= 8) {
    lang = text.substr(0, newline);
    text.remove_prefix(newline + 1);
  }
  // Normalization takes any bytes (invalid UTF-8 becomes U+FFFD) and gives valid UTF-8.
  const std::string normalized = normalize_for_matching(text);
  FUZZ_REQUIRE(!find_invalid_utf8(normalized));
  FUZZ_REQUIRE(!find_invalid_utf8(normalize_arabic(normalized)));
  // The stages after ingest see valid UTF-8 only (the readers reject the rest); so does lang.
  if (find_invalid_utf8(text) || find_invalid_utf8(lang)) return 0;
  check_spans(word_spans(text), text.size());
  check_spans(sentence_spans(text), text.size());
  check_match_words(text);
  check_analyzer(text, lang);
  return 0;
}
