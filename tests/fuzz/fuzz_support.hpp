#pragma once
// Shared by the fuzz targets (tests/fuzz/*_fuzz.cpp). Each target defines LLVMFuzzerTestOneInput;
// it is linked either with libFuzzer (a clang build with PARALLAX_FUZZ=ON) or with replay_main.cpp,
// which runs it over its seed corpus in the regular test suite. docs/fuzzing.md says how to run them.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

// A property every input must keep: its failure is a defect, reported like a crash (abort), so
// libFuzzer saves the input and the replay driver fails.
#define FUZZ_REQUIRE(condition)                                                               \
  do {                                                                                        \
    if (!(condition)) {                                                                       \
      std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #condition);   \
      std::abort();                                                                           \
    }                                                                                         \
  } while (false)

namespace parallax::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// An anonymous in-memory file with a path (/proc/self/fd/N), for loaders that take a path: no
// disk traffic per input, nothing left behind.
class MemoryFile {
 public:
  MemoryFile() : fd_(memfd_create("parallax-fuzz", 0)) {
    if (fd_ < 0) throw std::runtime_error("memfd_create failed");
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  ~MemoryFile() { close(fd_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  // Replaces the file's content.
  void write(std::string_view content) {
    if (ftruncate(fd_, 0) != 0) throw std::runtime_error("ftruncate failed");
    std::size_t done = 0;
    while (done < content.size()) {
      const ssize_t written = pwrite(fd_, content.data() + done, content.size() - done, static_cast<off_t>(done));
      if (written <= 0) throw std::runtime_error("pwrite failed");
      done += static_cast<std::size_t>(written);
    }
  }
  const std::string& path() const { return path_; }

 private:
  int fd_;
  std::string path_;
};

// A read-only stream over `content` (which must outlive it); null for empty content, which
// fmemopen refuses: callers treat that as an empty stream.
inline std::FILE* open_memory_stream(std::string_view content) {
  if (content.empty()) return nullptr;
  return fmemopen(const_cast<char*>(content.data()), content.size(), "rb");
}

}  // namespace parallax::fuzz
