#pragma once
// Documents' texts kept on disk instead of in memory: the corpus engine keeps only features, but a
// few later stages (cross-language copies) must read the sentences of some documents again. An
// unnamed temporary file (removed as soon as it is opened, so nothing is left behind on any exit)
// holds the texts one after another; a text is read back by its document index.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parallax {

class TextSpill {
 public:
  // Creates the file in $TMPDIR (else /tmp). Throws std::runtime_error naming the folder and the
  // reason when it cannot.
  TextSpill();
  ~TextSpill();
  TextSpill(const TextSpill&) = delete;
  TextSpill& operator=(const TextSpill&) = delete;

  // Appends the next document's text. Throws std::runtime_error when the disk refuses it (full
  // disk): a stage that needs the texts must not run on part of them.
  void append(std::string_view text);
  std::size_t size() const { return offsets_.size() - 1; }
  // The text of document `index` (in order of append). Thread-safe (positioned reads).
  std::string read(std::size_t index) const;

 private:
  int fd_ = -1;
  std::string folder_;
  std::vector<std::uint64_t> offsets_{0};
};

}  // namespace parallax
