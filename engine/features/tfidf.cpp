#include "features/tfidf.hpp"

#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace parallax {

TermCounts count_terms(const std::vector<std::string>& terms) {
  std::vector<std::uint64_t> hashes;
  hashes.reserve(terms.size());
  for (const auto& t : terms) hashes.push_back(term_hash(t));
  return count_term_hashes(std::move(hashes));
}

TermCounts count_term_hashes(std::vector<std::uint64_t> hashes) {
  std::sort(hashes.begin(), hashes.end());
  TermCounts out;
  for (std::size_t i = 0; i < hashes.size();) {
    std::size_t j = i;
    while (j < hashes.size() && hashes[j] == hashes[i]) ++j;
    out.terms.push_back(hashes[i]);
    out.counts.push_back(static_cast<std::uint32_t>(j - i));
    i = j;
  }
  return out;
}

void DocumentFrequencies::add(const TermCounts& doc) {
  for (auto t : doc.terms) ++df_[t];
  ++documents_;
}

void DocumentFrequencies::add_term(std::uint64_t term, std::uint32_t documents_with_term) {
  df_[term] += documents_with_term;
}

void DocumentFrequencies::merge(const DocumentFrequencies& other) {
  for (const auto& [t, n] : other.df_) df_[t] += n;
  documents_ += other.documents_;
}

float smoothed_idf(std::size_t documents, std::size_t df) {
  return static_cast<float>(std::log((1.0 + static_cast<double>(documents)) / (1.0 + static_cast<double>(df))) + 1.0);
}

float DocumentFrequencies::idf(std::uint64_t term) const {
  const auto it = df_.find(term);
  return smoothed_idf(documents_, it == df_.end() ? 0 : it->second);
}

namespace {

constexpr char kFrequenciesMagic[4] = {'P', 'X', 'D', 'F'};
constexpr std::uint32_t kFrequenciesFormat = 1;
constexpr std::size_t kFrequenciesHeader = 4 + 4 + 8 + 8;

template <typename T>
void put(std::string& out, T value) {
  for (std::size_t b = 0; b < sizeof(T); ++b) out.push_back(static_cast<char>((value >> (8 * b)) & 0xff));
}

template <typename T>
T get(std::string_view bytes, std::size_t at) {
  T value = 0;
  for (std::size_t b = 0; b < sizeof(T); ++b)
    value |= static_cast<T>(static_cast<unsigned char>(bytes[at + b])) << (8 * b);
  return value;
}

}  // namespace

std::string DocumentFrequencies::serialize() const {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> sorted(df_.begin(), df_.end());
  std::sort(sorted.begin(), sorted.end());
  std::string out(kFrequenciesMagic, sizeof kFrequenciesMagic);
  out.reserve(kFrequenciesHeader + sorted.size() * 12);
  put<std::uint32_t>(out, kFrequenciesFormat);
  put<std::uint64_t>(out, documents_);
  put<std::uint64_t>(out, sorted.size());
  for (const auto& [term, df] : sorted) {
    put<std::uint64_t>(out, term);
    put<std::uint32_t>(out, df);
  }
  return out;
}

DocumentFrequencies DocumentFrequencies::deserialize(std::string_view bytes) {
  if (bytes.size() < kFrequenciesHeader || std::memcmp(bytes.data(), kFrequenciesMagic, 4) != 0)
    throw std::invalid_argument("not serialized document frequencies (no PXDF header)");
  if (const auto format = get<std::uint32_t>(bytes, 4); format != kFrequenciesFormat)
    throw std::invalid_argument("document frequencies of format " + std::to_string(format) + ", this library reads " +
                                std::to_string(kFrequenciesFormat));
  const auto terms = get<std::uint64_t>(bytes, 16);
  if (terms > (bytes.size() - kFrequenciesHeader) / 12 || bytes.size() != kFrequenciesHeader + terms * 12)
    throw std::invalid_argument("serialized document frequencies of " + std::to_string(bytes.size()) +
                                " bytes cannot hold the " + std::to_string(terms) + " terms they announce");
  DocumentFrequencies out;
  out.documents_ = get<std::uint64_t>(bytes, 8);
  out.df_.reserve(terms);
  for (std::size_t t = 0; t < terms; ++t) {
    const std::size_t at = kFrequenciesHeader + t * 12;
    out.df_[get<std::uint64_t>(bytes, at)] += get<std::uint32_t>(bytes, at + 8);
  }
  return out;
}

SparseVector tfidf_vector(const TermCounts& doc, const DocumentFrequencies& df) {
  SparseVector v;
  v.terms = doc.terms;
  v.weights.resize(doc.terms.size());
  sublinear_tfidf_weights(
      doc.terms.size(), [&](std::size_t i) { return doc.counts[i]; }, [&](std::size_t i) { return df.idf(doc.terms[i]); },
      v.weights.data());
  return v;
}

float sparse_dot(const SparseVector& a, const SparseVector& b) {
  float dot = 0.0f;
  std::size_t i = 0, j = 0;
  while (i < a.terms.size() && j < b.terms.size()) {
    if (a.terms[i] < b.terms[j]) {
      ++i;
    } else if (b.terms[j] < a.terms[i]) {
      ++j;
    } else {
      dot += a.weights[i++] * b.weights[j++];
    }
  }
  return dot;
}

}  // namespace parallax
