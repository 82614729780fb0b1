#pragma once
// Each document's sentences as term hashes, kept on disk instead of in memory: the corpus engine
// keeps only document-level features, but the translations pass compares documents sentence by
// sentence. The first analysis goes sentence by sentence anyway (what it costs: a sentence break
// iterator), so nothing is analyzed twice; an unnamed temporary file (removed as soon as it is
// opened, so nothing is left behind on any exit) holds 8 bytes per term occurrence, and a
// document's sentences are read back by its index.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/temporary_file.hpp"

namespace parallax {

// A document's sentences in text order, each the term hashes of its words.
using SentenceTerms = std::vector<std::vector<std::uint64_t>>;

class SentenceSpill {
 public:
  // Creates the file in $TMPDIR (else /tmp). Throws TemporaryFileError naming the folder and the
  // reason when it cannot.
  SentenceSpill() : file_("parallax-sentences") {}

  // Appends the next document's sentences: its term hashes in text order, and the end of each
  // sentence in that list. Throws TemporaryFileError when the disk refuses them (full disk): a
  // stage that needs them must not run on part of them.
  void append(const std::vector<std::uint64_t>& terms, const std::vector<std::size_t>& sentence_ends);
  // Forgets the documents marked in `removed` (one flag per document): the others close up, in
  // order (the words of those removed stay in the file, unread, until the spill is destroyed).
  void remove(const std::vector<bool>& removed);
  std::size_t size() const { return extents_.size(); }
  // Writes what append() keeps in memory (a few megabytes at most, one write per batch of
  // documents). Call before read().
  void flush();
  // The sentences of document `index` (in order of append), once flushed. Thread-safe (positioned
  // reads).
  SentenceTerms read(std::size_t index) const;

 private:
  TemporaryFile file_;
  struct Extent {
    std::uint64_t begin, end;  // in 64-bit words
  };
  std::vector<Extent> extents_;  // per document
  std::uint64_t written_ = 0;    // words on disk; the rest of the words appended are in buffer_
  std::vector<std::uint64_t> buffer_;
};

}  // namespace parallax
