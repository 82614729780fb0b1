#include "pipeline/temporary_file.hpp"

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

TemporaryFile::TemporaryFile(const std::string& name_prefix) : folder_(temporary_folder()) {
  std::string path = folder_ + "/" + name_prefix + "-XXXXXX";
  fd_ = mkstemp(path.data());
  if (fd_ < 0)
    throw TemporaryFileError("cannot create a temporary file in " + folder_ + ": " + std::strerror(errno) +
                             " (set TMPDIR to a writable folder)");
  unlink(path.c_str());
}

TemporaryFile::~TemporaryFile() {
  if (fd_ >= 0) close(fd_);
}

void TemporaryFile::write_at(std::uint64_t offset, const void* data, std::size_t bytes) {
  const auto* from = static_cast<const char*>(data);
  for (std::size_t done = 0; done < bytes;) {
    const ssize_t wrote = pwrite(fd_, from + done, bytes - done, static_cast<off_t>(offset + done));
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0)
      throw TemporaryFileError("cannot write to a temporary file in " + folder_ + ": " +
                               std::strerror(wrote < 0 ? errno : ENOSPC) + " (set TMPDIR to a folder with room)");
    done += static_cast<std::size_t>(wrote);
  }
}

void TemporaryFile::read_at(std::uint64_t offset, void* data, std::size_t bytes) const {
  auto* into = static_cast<char*>(data);
  for (std::size_t done = 0; done < bytes;) {
    const ssize_t got = pread(fd_, into + done, bytes - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0)
      throw TemporaryFileError("cannot read back the temporary file in " + folder_ + ": " +
                               std::strerror(got < 0 ? errno : EIO));
    done += static_cast<std::size_t>(got);
  }
}

}  // namespace parallax
