#pragma once
// The feature store in memory: what `parallax cluster`, the C ABI and Python build from. Features
// are kept in columns a build reads in place (records, signatures, interned term counts, shingle
// counts, sentences on disk), so an engine over this store works on it directly, without a copy.
// A document's index is its position in key order: a removal closes the gap.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/sentence_spill.hpp"
#include "store/feature_store.hpp"
#include "store/id_index.hpp"
#include "store/term_table.hpp"

namespace parallax {

class InMemoryFeatureStore final : public FeatureStore {
 public:
  // What is kept besides records, signatures and term counts: each document's count of distinct
  // shingles (for partial copies) and its sentences (for cross-language copies; in an unlinked
  // temporary file, 8 bytes per word: SentenceSpill). Features put without them keep none.
  struct Layout {
    bool shingle_counts = false;
    bool sentences = false;
    bool operator==(const Layout&) const = default;
  };

  // Throws TemporaryFileError when sentences are kept and no temporary file can be made.
  InMemoryFeatureStore(std::string feature_version, Layout layout);
  // The version computed when first asked for: an engine's own store is seldom asked, and the
  // version hashes the whole concept table (pipeline/feature_version).
  InMemoryFeatureStore(std::function<std::string()> feature_version, Layout layout);

  std::string feature_version() const override;
  std::size_t size() const override { return records_.size(); }
  std::optional<DocumentKey> find(const std::string& id) const override;
  std::vector<std::optional<DocumentKey>> put(const std::vector<DocumentFeatures>& batch) override;
  std::size_t remove(const std::vector<DocumentKey>& keys) override;
  std::optional<DocumentFeatures> get(DocumentKey key) const override;
  void read_all(const NameVisitor& on_name, const DocumentVisitor& on_document) const override;

  // put() of one document moved in, without the copy: the engine's path. The id should be new
  // (another document with it is kept, but find() keeps naming the first). key: the next one
  // when 0, else this key, which must be above every key held (a copy keeps its source's keys).
  DocumentKey append(DocumentFeatures&& features, DocumentKey key = 0);
  // Every document and term name of another store, appended in its key order under its keys.
  void copy_from(const FeatureStore& other);

  // Positional access for a build.
  const Layout& layout() const { return layout_; }
  std::optional<std::size_t> index_of(const std::string& id) const;
  const DocumentRecord& record(std::size_t index) const { return records_.at(index); }
  DocumentKey key(std::size_t index) const { return keys_.at(index); }
  const std::deque<DocumentRecord>& records() const { return records_; }
  const std::vector<MinHashSignature>& signatures() const { return signatures_; }
  const std::vector<std::uint32_t>& shingle_counts() const { return shingle_counts_; }
  const TermTable& terms() const { return terms_; }
  // Null unless the layout keeps sentences; flush() it before reading.
  SentenceSpill* sentences() const { return sentences_.get(); }
  std::uint32_t sentence_count(std::size_t index) const { return sentence_counts_[index]; }
  // Removes the documents at these indices (any order; repeats count once) in one pass over the
  // columns: the others close up, in order. Returns how many were removed.
  std::size_t remove_at(const std::vector<std::size_t>& indices);

  // A build that runs once frees what no later stage reads (1M documents: 0.5 GB of signatures,
  // about 1.5 GB of term counts); get() and read_all() are then refused (std::logic_error).
  void release_signatures();
  void release_term_counts();
  // Returns the growth slack of the columns before a build's big allocations.
  void shrink_to_fit();

 private:
  // The id at a position of records_, for index_of_id_.
  auto id_at() const {
    return [this](std::size_t index) -> const std::string& { return records_[index].id; };
  }
  std::size_t position(DocumentKey key) const;  // size() when the key is not held
  DocumentFeatures features_at(std::size_t index) const;

  std::function<std::string()> compute_version_;
  mutable std::optional<std::string> feature_version_;
  Layout layout_;
  DocumentKey next_key_ = 1;
  std::vector<DocumentKey> keys_;  // ascending, parallel to records_
  std::deque<DocumentRecord> records_;  // grows without moving what it holds (1M records)
  IdIndex index_of_id_;  // positions in records_ by id
  TermTable terms_;
  std::vector<MinHashSignature> signatures_;
  std::vector<std::uint32_t> shingle_counts_;  // when the layout keeps them
  std::unique_ptr<SentenceSpill> sentences_;   // when the layout keeps them
  std::vector<std::uint32_t> sentence_counts_;
  bool released_ = false;
};

}  // namespace parallax
