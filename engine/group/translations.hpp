#pragma once
// A document and its translation into another language: a relation of its own beside
// near-duplicates (whose shingles cannot cross a script) and events (which hold any coverage of
// one story). Translated sentences keep their order and each finds the other as its best partner,
// while two articles written apart about one event share a few quotes, not the run of their text.
// So the score is the share of sentences that are each other's best partner (concept-vector
// cosine, engine/lexicon terms), above a floor, at about the same relative place in both texts,
// over the sentences of the longer text. Measured on NTREX translations against different articles
// of one xling-events event (docs/lexicon.md): 0.83 median for translations, at most 0.5 for the rest.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "features/tfidf.hpp"

namespace parallax {

// A document as its sentences' L2-normalized TF-IDF vectors (sorted by term hash), in text order.
using SentenceVectors = std::vector<SparseVector>;

// The same sentences as one list of (term, sentence, weight) sorted by term: two documents' shared
// terms are then found in one merge pass, and most pairs of sentences, which share none, cost nothing.
struct SentencePosting {
  std::uint64_t term;
  std::uint32_t sentence;
  float weight;
};
struct SentenceIndex {
  std::size_t sentences = 0;
  std::vector<SentencePosting> postings;
};

SentenceIndex index_sentences(const SentenceVectors& sentences);

struct TranslationParams {
  float threshold = 0.4f;                // score from which a pair is reported as a translation
  float min_sentence_similarity = 0.1f;  // cosine below which best partners are chance, not translations
  float max_position_gap = 0.2f;         // |i/m - j/n| within which a partner keeps the text's order
};

// In [0, 1]: matched sentences over the sentences of the longer document (0 when one has none).
double translation_score(const SentenceIndex& a, const SentenceIndex& b, const TranslationParams& params);

}  // namespace parallax
