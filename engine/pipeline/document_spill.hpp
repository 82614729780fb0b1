#pragma once
// Documents kept on disk until they are needed: `parallax report` compares an event's documents
// long after the corpus was read, and holding every compared text in memory would cost the size
// of the corpus. An unlinked temporary file in $TMPDIR (gone on any exit) holds them one after
// another; a document is read back by the index append() returned.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "pipeline/temporary_file.hpp"

namespace parallax {

class DocumentSpill {
 public:
  // Throws TemporaryFileError naming the folder when the file cannot be created.
  DocumentSpill() : file_("parallax-documents") {}

  // Throws TemporaryFileError when the disk refuses the write.
  std::size_t append(const Document& document);
  // Thread-safe (positioned reads). Throws TemporaryFileError when the file cannot be read.
  Document read(std::size_t index) const;

 private:
  TemporaryFile file_;
  std::vector<std::uint64_t> offsets_{0};
};

}  // namespace parallax
