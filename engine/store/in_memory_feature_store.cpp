#include "store/in_memory_feature_store.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "io/date.hpp"

namespace parallax {

InMemoryFeatureStore::InMemoryFeatureStore(std::string feature_version, Layout layout)
    : InMemoryFeatureStore([version = std::move(feature_version)] { return version; }, layout) {}

InMemoryFeatureStore::InMemoryFeatureStore(std::function<std::string()> feature_version, Layout layout)
    : compute_version_(std::move(feature_version)),
      layout_(layout),
      sentences_(layout.sentences ? std::make_unique<SentenceSpill>() : nullptr) {}

std::string InMemoryFeatureStore::feature_version() const {
  if (!feature_version_) feature_version_ = compute_version_();
  return *feature_version_;
}

std::optional<std::size_t> InMemoryFeatureStore::index_of(const std::string& id) const {
  return index_of_id_.find(id, id_at());
}

std::optional<DocumentKey> InMemoryFeatureStore::find(const std::string& id) const {
  const auto index = index_of(id);
  if (!index) return std::nullopt;
  return keys_[*index];
}

DocumentKey InMemoryFeatureStore::append(DocumentFeatures&& f, DocumentKey key) {
  if (key == 0) key = next_key_;
  if (key < next_key_) throw std::invalid_argument("a feature store's keys ascend: key " + std::to_string(key) + " comes too late");
  next_key_ = key + 1;
  index_of_id_.insert(f.record.id, records_.size(), id_at());
  keys_.push_back(key);
  f.record.date_days = parse_iso_date_days(f.record.date);
  records_.push_back(std::move(f.record));
  terms_.add_document(f.term_counts, f.new_term_names);
  signatures_.push_back(std::move(f.signature));
  if (layout_.shingle_counts) shingle_counts_.push_back(f.shingle_count);
  if (sentences_) {
    sentences_->append(f.sentence_terms, f.sentence_ends);
    sentence_counts_.push_back(static_cast<std::uint32_t>(f.sentence_ends.size()));
  }
  return key;
}

std::vector<std::optional<DocumentKey>> InMemoryFeatureStore::put(const std::vector<DocumentFeatures>& batch) {
  std::vector<std::optional<DocumentKey>> keys;
  keys.reserve(batch.size());
  for (const DocumentFeatures& f : batch) {
    if (index_of(f.record.id)) {
      keys.emplace_back();
      continue;
    }
    keys.emplace_back(append(DocumentFeatures(f)));
  }
  return keys;
}

void InMemoryFeatureStore::copy_from(const FeatureStore& other) {
  other.read_all([&](const TermName& name) {
    TermName copy = name;
    terms_.add_name(copy);
  },
                 [&](DocumentKey key, DocumentFeatures&& f) { append(std::move(f), key); });
}

std::size_t InMemoryFeatureStore::position(DocumentKey key) const {
  const auto it = std::lower_bound(keys_.begin(), keys_.end(), key);
  return it != keys_.end() && *it == key ? static_cast<std::size_t>(it - keys_.begin()) : keys_.size();
}

std::size_t InMemoryFeatureStore::remove(const std::vector<DocumentKey>& keys) {
  std::vector<std::size_t> indices;
  for (DocumentKey key : keys)
    if (const std::size_t index = position(key); index < keys_.size()) indices.push_back(index);
  return remove_at(indices);
}

namespace {

// Keeps the elements not marked in `removed`, in order.
template <typename Column>
void close_up(Column& column, const std::vector<bool>& removed) {
  std::size_t kept = 0;
  for (std::size_t d = 0; d < column.size(); ++d) {
    if (removed[d]) continue;
    if (kept != d) column[kept] = std::move(column[d]);  // never onto itself: libstdc++ empties a string so
    ++kept;
  }
  column.resize(kept);
}

}  // namespace

std::size_t InMemoryFeatureStore::remove_at(const std::vector<std::size_t>& indices) {
  if (released_) throw std::logic_error("a build released this store's features: no document can be removed");
  std::vector<bool> removed(records_.size(), false);
  std::size_t count = 0, first = records_.size();
  for (std::size_t d : indices) {
    if (removed.at(d)) continue;
    removed[d] = true;
    ++count;
    first = std::min(first, d);
  }
  if (count == 0) return 0;
  // Every record from the first removed one moves (or goes): its entry is dropped while the
  // positions are still the old ones, and the records that stay are entered at their new ones.
  for (std::size_t i = first; i < records_.size(); ++i) index_of_id_.erase(records_[i].id, id_at());
  close_up(keys_, removed);
  close_up(records_, removed);
  for (std::size_t i = first; i < records_.size(); ++i) index_of_id_.insert(records_[i].id, i, id_at());
  terms_.remove_documents(removed);
  close_up(signatures_, removed);
  if (layout_.shingle_counts) close_up(shingle_counts_, removed);
  if (sentences_) {
    sentences_->remove(removed);
    close_up(sentence_counts_, removed);
  }
  return count;
}

DocumentFeatures InMemoryFeatureStore::features_at(std::size_t d) const {
  if (released_) throw std::logic_error("a build released this store's features: they cannot be read back");
  DocumentFeatures f;
  f.record = records_[d];
  f.term_counts = terms_.counts(d);
  f.signature = signatures_[d];
  if (layout_.shingle_counts) f.shingle_count = shingle_counts_[d];
  if (sentences_) {
    sentences_->flush();
    for (const auto& sentence : sentences_->read(d)) {
      f.sentence_terms.insert(f.sentence_terms.end(), sentence.begin(), sentence.end());
      f.sentence_ends.push_back(f.sentence_terms.size());
    }
  }
  return f;
}

std::optional<DocumentFeatures> InMemoryFeatureStore::get(DocumentKey key) const {
  const std::size_t index = position(key);
  if (index == keys_.size()) return std::nullopt;
  return features_at(index);
}

void InMemoryFeatureStore::read_all(const NameVisitor& on_name, const DocumentVisitor& on_document) const {
  if (on_name) terms_.for_each_name(on_name);
  if (on_document)
    for (std::size_t d = 0; d < records_.size(); ++d) on_document(keys_[d], features_at(d));
}

void InMemoryFeatureStore::release_signatures() {
  released_ = true;
  std::vector<MinHashSignature>().swap(signatures_);
  std::vector<std::uint32_t>().swap(shingle_counts_);
}

void InMemoryFeatureStore::release_term_counts() {
  released_ = true;
  terms_.release_documents();
}

void InMemoryFeatureStore::shrink_to_fit() {
  terms_.shrink_to_fit();
  records_.shrink_to_fit();
  signatures_.shrink_to_fit();
}

}  // namespace parallax
