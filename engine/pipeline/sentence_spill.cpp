#include "pipeline/sentence_spill.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace parallax {
namespace {

std::string temporary_folder() {
  const char* dir = std::getenv("TMPDIR");
  return dir && *dir ? dir : "/tmp";
}

}  // namespace

SentenceSpill::SentenceSpill() : folder_(temporary_folder()) {
  std::string path = folder_ + "/parallax-sentences-XXXXXX";
  fd_ = mkstemp(path.data());
  if (fd_ < 0)
    throw TemporaryFileError("cannot create a temporary file in " + folder_ + ": " + std::strerror(errno) +
                             " (set TMPDIR to a writable folder)");
  unlink(path.c_str());
}

SentenceSpill::~SentenceSpill() {
  if (fd_ >= 0) close(fd_);
}

// A record: per sentence its term count, then its terms.
void SentenceSpill::append(const std::vector<std::uint64_t>& terms, const std::vector<std::size_t>& sentence_ends) {
  constexpr std::size_t kFlushWords = 1 << 19;  // 4 MB
  const std::size_t before = buffer_.size();
  for (std::size_t s = 0, begin = 0; s < sentence_ends.size(); begin = sentence_ends[s++]) {
    buffer_.push_back(sentence_ends[s] - begin);
    buffer_.insert(buffer_.end(), terms.begin() + static_cast<std::ptrdiff_t>(begin),
                   terms.begin() + static_cast<std::ptrdiff_t>(sentence_ends[s]));
  }
  offsets_.push_back(offsets_.back() + (buffer_.size() - before));
  if (buffer_.size() >= kFlushWords) flush();
}

void SentenceSpill::flush() {
  write_at(written_ * sizeof(std::uint64_t), buffer_.data(), buffer_.size() * sizeof(std::uint64_t));
  written_ += buffer_.size();
  buffer_.clear();
}

void SentenceSpill::write_at(std::uint64_t at, const void* data, std::size_t bytes) {
  const auto* from = static_cast<const char*>(data);
  for (std::size_t done = 0; done < bytes;) {
    const ssize_t wrote = pwrite(fd_, from + done, bytes - done, static_cast<off_t>(at + done));
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0)
      throw TemporaryFileError("cannot write to a temporary file in " + folder_ + ": " +
                               std::strerror(wrote < 0 ? errno : ENOSPC) + " (set TMPDIR to a folder with room)");
    done += static_cast<std::size_t>(wrote);
  }
}

SentenceTerms SentenceSpill::read(std::size_t index) const {
  const std::uint64_t begin = offsets_.at(index), end = offsets_.at(index + 1);
  std::vector<std::uint64_t> words(end - begin);
  auto* into = reinterpret_cast<char*>(words.data());
  const std::size_t bytes = words.size() * sizeof(std::uint64_t);
  for (std::size_t done = 0; done < bytes;) {
    const ssize_t got = pread(fd_, into + done, bytes - done, static_cast<off_t>(begin * sizeof(std::uint64_t) + done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0)
      throw TemporaryFileError("cannot read back the temporary file in " + folder_ + ": " +
                               std::strerror(got < 0 ? errno : EIO));
    done += static_cast<std::size_t>(got);
  }
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
