#include "pipeline/document_spill.hpp"

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

// A record: each field as its length (8 bytes) then its bytes; the extra fields as a count, then
// key and raw value pairs.
void put(std::string& out, const std::string& field) {
  const std::uint64_t size = field.size();
  out.append(reinterpret_cast<const char*>(&size), sizeof size);
  out += field;
}

std::string take(const std::string& in, std::size_t& at) {
  std::uint64_t size = 0;
  std::memcpy(&size, in.data() + at, sizeof size);
  at += sizeof size;
  std::string field = in.substr(at, size);
  at += size;
  return field;
}

}  // namespace

DocumentSpill::DocumentSpill() : folder_(temporary_folder()) {
  std::string path = folder_ + "/parallax-documents-XXXXXX";
  fd_ = mkstemp(path.data());
  if (fd_ < 0)
    throw TemporaryFileError("cannot create a temporary file in " + folder_ + ": " + std::strerror(errno) +
                             " (set TMPDIR to a writable folder)");
  unlink(path.c_str());
}

DocumentSpill::~DocumentSpill() {
  if (fd_ >= 0) close(fd_);
}

std::size_t DocumentSpill::append(const Document& d) {
  std::string record;
  for (const std::string* field : {&d.id, &d.text, &d.title, &d.source, &d.lang, &d.date, &d.url, &d.origin})
    put(record, *field);
  put(record, std::to_string(d.extra_fields.size()));
  for (const auto& [key, value] : d.extra_fields) {
    put(record, key);
    put(record, value);
  }
  const std::uint64_t at = offsets_.back();
  for (std::size_t done = 0; done < record.size();) {
    const ssize_t wrote = pwrite(fd_, record.data() + done, record.size() - done, static_cast<off_t>(at + done));
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0)
      throw TemporaryFileError("cannot write to a temporary file in " + folder_ + ": " +
                               std::strerror(wrote < 0 ? errno : ENOSPC) + " (set TMPDIR to a folder with room)");
    done += static_cast<std::size_t>(wrote);
  }
  offsets_.push_back(at + record.size());
  return offsets_.size() - 2;
}

Document DocumentSpill::read(std::size_t index) const {
  const std::uint64_t begin = offsets_.at(index), end = offsets_.at(index + 1);
  std::string record(end - begin, '\0');
  for (std::size_t done = 0; done < record.size();) {
    const ssize_t got = pread(fd_, record.data() + done, record.size() - done, static_cast<off_t>(begin + done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0)
      throw TemporaryFileError("cannot read back the temporary file in " + folder_ + ": " +
                               std::strerror(got < 0 ? errno : EIO));
    done += static_cast<std::size_t>(got);
  }
  Document d;
  std::size_t at = 0;
  for (std::string* field : {&d.id, &d.text, &d.title, &d.source, &d.lang, &d.date, &d.url, &d.origin})
    *field = take(record, at);
  const std::size_t extras = std::stoul(take(record, at));
  for (std::size_t i = 0; i < extras; ++i) {
    std::string key = take(record, at);
    d.extra_fields.emplace_back(std::move(key), take(record, at));
  }
  return d;
}

}  // namespace parallax
