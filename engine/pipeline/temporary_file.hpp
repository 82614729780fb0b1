#pragma once
// An unlinked temporary file in $TMPDIR (else /tmp): removed from its folder as soon as it is
// created, so nothing is left behind on any exit. The spills of the corpus engine and of `parallax
// report` keep what memory should not hold in one.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace parallax {

// The temporary file could not be created, written or read (a full or read-only disk).
class TemporaryFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class TemporaryFile {
 public:
  // Throws TemporaryFileError naming the folder and the reason.
  explicit TemporaryFile(const std::string& name_prefix);
  ~TemporaryFile();
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  // Throws TemporaryFileError when the disk refuses the bytes (full disk).
  void write_at(std::uint64_t offset, const void* data, std::size_t bytes);
  // Fills `data` from `offset`. Thread-safe (positioned reads). Throws TemporaryFileError.
  void read_at(std::uint64_t offset, void* data, std::size_t bytes) const;

 private:
  int fd_ = -1;
  std::string folder_;
};

}  // namespace parallax
