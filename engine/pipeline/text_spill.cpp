#include "pipeline/text_spill.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace parallax {
namespace {

std::string temporary_folder() {
  const char* dir = std::getenv("TMPDIR");
  return dir && *dir ? dir : "/tmp";
}

}  // namespace

TextSpill::TextSpill() : folder_(temporary_folder()) {
  std::string path = folder_ + "/parallax-texts-XXXXXX";
  fd_ = mkstemp(path.data());
  if (fd_ < 0)
    throw std::runtime_error("cannot create a temporary file in " + folder_ + ": " + std::strerror(errno) +
                             " (set TMPDIR to a writable folder)");
  unlink(path.c_str());
}

TextSpill::~TextSpill() {
  if (fd_ >= 0) close(fd_);
}

void TextSpill::append(std::string_view text) {
  std::uint64_t at = offsets_.back();
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t wrote = pwrite(fd_, text.data() + done, text.size() - done, static_cast<off_t>(at + done));
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0)
      throw std::runtime_error("cannot write document texts to a temporary file in " + folder_ + ": " +
                               std::strerror(wrote < 0 ? errno : ENOSPC) + " (set TMPDIR to a folder with room)");
    done += static_cast<std::size_t>(wrote);
  }
  offsets_.push_back(at + text.size());
}

std::string TextSpill::read(std::size_t index) const {
  const std::uint64_t begin = offsets_.at(index), end = offsets_.at(index + 1);
  std::string text(end - begin, '\0');
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t got = pread(fd_, text.data() + done, text.size() - done, static_cast<off_t>(begin + done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0)
      throw std::runtime_error("cannot read document texts back from the temporary file in " + folder_ + ": " +
                               std::strerror(got < 0 ? errno : EIO));
    done += static_cast<std::size_t>(got);
  }
  return text;
}

}  // namespace parallax
