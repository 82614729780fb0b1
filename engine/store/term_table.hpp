#pragma once
// Every document's term counts, interned, with each term's name and document frequency: the
// largest part of an in-memory feature store (store/in_memory_feature_store).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "features/tfidf.hpp"
#include "store/document_features.hpp"

namespace parallax {

// Every document's term counts, flat and interned: 6 bytes per (document, distinct term) instead
// of a pair of vectors per document with 64-bit keys, and document frequencies kept as documents
// arrive. At 1M news documents this is the largest structure the engine holds. TF-IDF vectors
// are computed from it when needed, never all held at once past the SVD limit.
class TermTable {
 public:
  // Whether a name sent for this term would be kept: the term is new, or is shown by an English
  // gloss and `surface` is a word of a text (a reader of an English event should see "city", the
  // word of its texts, not "cities", the gloss a Russian article brought first). Safe to call from
  // analysis threads while no document is being added.
  bool wants_name(std::uint64_t hash, bool surface) const {
    const auto it = id_of_hash_.find(hash);
    return it == id_of_hash_.end() || (surface && name_is_gloss_[it->second]);
  }

  // A term's first name is kept; a word of a text replaces a gloss.
  void add_name(TermName& name) {
    const auto [it, fresh] = id_of_hash_.try_emplace(name.hash, static_cast<std::uint32_t>(hash_of_id_.size()));
    if (fresh) {
      hash_of_id_.push_back(name.hash);
      name_of_id_.push_back(std::move(name.display));
      name_is_gloss_.push_back(name.is_gloss);
      df_.push_back(0);
    } else if (name_is_gloss_[it->second] && !name.is_gloss) {
      name_of_id_[it->second] = std::move(name.display);
      name_is_gloss_[it->second] = false;
    }
  }

  // counts: sorted by hash (count_terms); names: at least every term the table did not know.
  void add_document(const TermCounts& counts, std::vector<TermName>& names) {
    for (auto& name : names) add_name(name);
    for (std::size_t t = 0; t < counts.terms.size(); ++t) {
      const std::uint32_t id = id_of_hash_.at(counts.terms[t]);
      ids_.push_back(id);
      tfs_.push_back(static_cast<std::uint16_t>(std::min<std::uint32_t>(counts.counts[t], 0xffff)));
      ++df_[id];
    }
    offsets_.push_back(ids_.size());
  }

  // Forgets the term counts of the documents marked in `removed` (one flag per document), in one
  // pass: the others close up, in order. A term no document holds any more keeps its name with
  // frequency 0: it weighs in no vector.
  void remove_documents(const std::vector<bool>& removed) {
    std::size_t kept_terms = 0, kept_documents = 0;
    for (std::size_t d = 0; d + 1 < offsets_.size(); ++d) {
      const std::size_t begin = offsets_[d], end = offsets_[d + 1];
      if (removed[d]) {
        for (std::size_t i = begin; i < end; ++i) --df_[ids_[i]];
        continue;
      }
      for (std::size_t i = begin; i < end; ++i, ++kept_terms) {
        ids_[kept_terms] = ids_[i];
        tfs_[kept_terms] = tfs_[i];
      }
      offsets_[++kept_documents] = kept_terms;
    }
    ids_.resize(kept_terms);
    tfs_.resize(kept_terms);
    offsets_.resize(kept_documents + 1);
  }

  // The weight in `idf` (from idf()) of a term some document had, else 0.
  float idf_of(std::uint64_t hash, const std::vector<float>& idf) const {
    const auto it = id_of_hash_.find(hash);
    return it == id_of_hash_.end() ? 0.0f : idf[it->second];
  }

  // Smoothed idf per term id (smoothed_idf, as DocumentFrequencies::idf computes it).
  std::vector<float> idf() const {
    const std::size_t n = offsets_.size() - 1;
    std::vector<float> out(df_.size());
    for (std::size_t id = 0; id < df_.size(); ++id) out[id] = smoothed_idf(n, df_[id]);
    return out;
  }

  // The table's document frequencies as a DocumentFrequencies: what a shard hands to be merged.
  // Terms only removed documents held are left out, as if never seen.
  DocumentFrequencies frequencies() const {
    DocumentFrequencies out;
    for (std::size_t id = 0; id < df_.size(); ++id)
      if (df_[id] > 0) out.add_term(hash_of_id_[id], df_[id]);
    out.add_documents(offsets_.size() - 1);
    return out;
  }

  // Document d's term counts as count_terms gave them (counts saturated at 65535).
  TermCounts counts(std::size_t d) const {
    TermCounts out;
    for (std::size_t i = offsets_[d]; i < offsets_[d + 1]; ++i) {
      out.terms.push_back(hash_of_id_[ids_[i]]);
      out.counts.push_back(tfs_[i]);
    }
    return out;
  }

  // Document d's TF-IDF vector, equal to tfidf_vector(its counts, the corpus frequencies).
  SparseVector tfidf(std::size_t d, const std::vector<float>& idf) const {
    SparseVector v;
    const std::size_t begin = offsets_[d], end = offsets_[d + 1];
    v.terms.resize(end - begin);
    v.weights.resize(end - begin);
    for (std::size_t i = begin; i < end; ++i) v.terms[i - begin] = hash_of_id_[ids_[i]];
    sublinear_tfidf_weights(
        end - begin, [&](std::size_t i) { return tfs_[begin + i]; }, [&](std::size_t i) { return idf[ids_[begin + i]]; },
        v.weights.data());
    return v;
  }

  bool holds_documents() const { return !offsets_.empty(); }

  const std::string& name(std::uint64_t hash) const { return name_of_id_[id_of_hash_.at(hash)]; }
  // True while the term is shown by an English gloss: no English text has used its word.
  bool shown_by_gloss(std::uint64_t hash) const { return name_is_gloss_[id_of_hash_.at(hash)]; }

  template <typename Fn>
  void for_each_name(Fn fn) const {
    for (std::size_t id = 0; id < hash_of_id_.size(); ++id) fn(TermName{hash_of_id_[id], name_of_id_[id], name_is_gloss_[id]});
  }

  // Frees every document's term counts (the largest structure at scale); the vocabulary stays.
  void release_documents() {
    std::vector<std::uint32_t>().swap(ids_);
    std::vector<std::uint16_t>().swap(tfs_);
    std::vector<std::size_t>().swap(offsets_);
  }

  // Returns the growth slack of the arrays (up to half of them after push_back doubling).
  void shrink_to_fit() {
    ids_.shrink_to_fit();
    tfs_.shrink_to_fit();
    offsets_.shrink_to_fit();
  }

 private:
  std::unordered_map<std::uint64_t, std::uint32_t> id_of_hash_;
  std::vector<std::uint64_t> hash_of_id_;
  std::vector<std::string> name_of_id_;
  std::vector<bool> name_is_gloss_;
  std::vector<std::uint32_t> df_;
  std::vector<std::uint32_t> ids_;   // document d's terms: [offsets_[d], offsets_[d + 1])
  std::vector<std::uint16_t> tfs_;   // term frequency, saturating at 65535
  std::vector<std::size_t> offsets_{0};
};

}  // namespace parallax
