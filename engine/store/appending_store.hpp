#pragma once
// A feature store that only appends to another. A CorpusEngine over it reads nothing (it starts
// empty and holds only the documents it analyzes) and puts every batch into the target: how an
// incremental `index add` analyzes new documents without reading the stored ones into memory.
#include <stdexcept>

#include "store/feature_store.hpp"

namespace parallax {

class AppendingStore final : public FeatureStore {
 public:
  explicit AppendingStore(FeatureStore& target) : target_(target) {}

  std::string feature_version() const override { return target_.feature_version(); }
  std::size_t size() const override { return target_.size(); }
  std::optional<DocumentKey> find(const std::string& id) const override { return target_.find(id); }
  std::vector<std::optional<DocumentKey>> put(const std::vector<DocumentFeatures>& batch) override {
    return target_.put(batch);
  }
  std::size_t remove(const std::vector<DocumentKey>&) override {
    throw std::logic_error("an appending store does not remove documents");
  }
  std::optional<DocumentFeatures> get(DocumentKey key) const override { return target_.get(key); }
  // Nothing: an engine over this store starts empty.
  void read_all(const NameVisitor&, const DocumentVisitor&) const override {}

 private:
  FeatureStore& target_;
};

}  // namespace parallax
