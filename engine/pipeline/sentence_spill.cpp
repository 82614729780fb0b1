#include "pipeline/sentence_spill.hpp"

namespace parallax {

// A record: per sentence its term count, then its terms.
void SentenceSpill::append(const std::vector<std::uint64_t>& terms, const std::vector<std::size_t>& sentence_ends) {
  constexpr std::size_t kFlushWords = 1 << 19;  // 4 MB
  const std::size_t before = buffer_.size();
  for (std::size_t s = 0, begin = 0; s < sentence_ends.size(); begin = sentence_ends[s++]) {
    buffer_.push_back(sentence_ends[s] - begin);
    buffer_.insert(buffer_.end(), terms.begin() + static_cast<std::ptrdiff_t>(begin),
                   terms.begin() + static_cast<std::ptrdiff_t>(sentence_ends[s]));
  }
  const std::uint64_t begin = written_ + before;
  extents_.push_back({begin, begin + (buffer_.size() - before)});
  if (buffer_.size() >= kFlushWords) flush();
}

void SentenceSpill::flush() {
  file_.write_at(written_ * sizeof(std::uint64_t), buffer_.data(), buffer_.size() * sizeof(std::uint64_t));
  written_ += buffer_.size();
  buffer_.clear();
}

void SentenceSpill::remove(const std::vector<bool>& removed) {
  std::size_t kept = 0;
  for (std::size_t d = 0; d < extents_.size(); ++d)
    if (!removed[d]) extents_[kept++] = extents_[d];
  extents_.resize(kept);
}

SentenceTerms SentenceSpill::read(std::size_t index) const {
  const auto [begin, end] = extents_.at(index);
  std::vector<std::uint64_t> words(end - begin);
  file_.read_at(begin * sizeof(std::uint64_t), words.data(), words.size() * sizeof(std::uint64_t));
  SentenceTerms sentences;
  for (std::size_t at = 0; at < words.size();) {
    const auto count = static_cast<std::size_t>(words[at++]);
    sentences.emplace_back(words.begin() + static_cast<std::ptrdiff_t>(at),
                           words.begin() + static_cast<std::ptrdiff_t>(at + count));
    at += count;
  }
  return sentences;
}

}  // namespace parallax
