#include "io/input_file.hpp"

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <string_view>

namespace parallax {

// A gzip file behind a FILE* (glibc's fopencookie): the readers keep their one stream type.
class GzipSource {
 public:
  // zlib's input buffer; it decompresses twice as much at a time. A read asks for less than that,
  // so zlib decompresses into its own buffer: on corrupt data it drops what that buffer holds (at
  // most 128 KiB of text just before the damage), where a larger read would drop all of the read.
  static constexpr unsigned kBufferSize = 64 * 1024;

  explicit GzipSource(gzFile file) : file_(file) {}
  ~GzipSource() { gzclose(file_); }
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  const std::string& problem() const { return problem_; }

  static std::FILE* open_stream(gzFile file, GzipSource*& source) {
    source = new GzipSource(file);
    const cookie_io_functions_t functions{&GzipSource::read, nullptr, nullptr, &GzipSource::close};
    std::FILE* stream = fopencookie(source, "rb", functions);
    if (!stream) delete source;
    return stream;
  }

 private:
  static ssize_t read(void* cookie, char* buffer, std::size_t size) {
    return static_cast<GzipSource*>(cookie)->read_some(buffer, size);
  }
  static int close(void* cookie) {
    delete static_cast<GzipSource*>(cookie);
    return 0;
  }

  ssize_t read_some(char* buffer, std::size_t size) {
    if (!problem_.empty()) return 0;
    const int read = gzread(file_, buffer, static_cast<unsigned>(std::min<std::size_t>(size, kBufferSize)));
    if (read > 0) {
      produced_ += static_cast<std::size_t>(read);
      return read;
    }
    int code = Z_OK;
    const char* message = gzerror(file_, &code);
    if (code == Z_ERRNO) return -1;  // reading the file failed: errno says why, as for a plain file
    if (code != Z_OK) {  // Z_DATA_ERROR (corrupt), Z_BUF_ERROR (truncated), Z_MEM_ERROR
      std::string_view reason = message;
      // zlib starts its message with the file's name, "<fd:N>" here: the caller names the file.
      if (const std::size_t colon = reason.find(": "); reason.starts_with("<fd:") && colon != reason.npos) {
        reason.remove_prefix(colon + 2);
      }
      problem_ = "broken gzip data (" + std::string(reason) + ") after " + std::to_string(produced_) + " bytes of text";
    }
    return 0;
  }

  gzFile file_;
  std::size_t produced_ = 0;  // decompressed bytes handed to the reader
  std::string problem_;
};

namespace {

bool starts_with_gzip_magic(std::FILE* file) {
  unsigned char magic[2] = {0, 0};
  const bool gzip = std::fread(magic, 1, 2, file) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
  std::rewind(file);
  return gzip;
}

// Only a regular file is looked into: a pipe or a device cannot give back the bytes peeked at.
bool is_regular(std::FILE* file) {
  struct stat status {};
  return ::fstat(fileno(file), &status) == 0 && S_ISREG(status.st_mode);
}

}  // namespace

std::string InputFile::decompression_problem() const { return gzip_ ? gzip_->problem() : std::string(); }

InputFile open_input_file(const std::filesystem::path& path, std::error_code& error) {
  InputFile input;
  input.stream_.reset(std::fopen(path.c_str(), "rb"));
  if (input.stream_ && is_regular(input.get()) && starts_with_gzip_magic(input.get())) {
    const int descriptor = ::dup(fileno(input.get()));
    gzFile gzip = descriptor < 0 ? nullptr : gzdopen(descriptor, "rb");
    if (!gzip && descriptor >= 0) ::close(descriptor);
    if (gzip) {
      gzbuffer(gzip, GzipSource::kBufferSize);
      input.stream_.reset(GzipSource::open_stream(gzip, input.gzip_));
    } else {
      input.stream_.reset();
    }
  }
  error = input ? std::error_code{} : std::error_code(errno ? errno : ENOMEM, std::generic_category());
  return input;
}

std::optional<std::string> read_small_file(const std::filesystem::path& path, std::error_code& error) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    error = std::error_code(errno, std::generic_category());
    return std::nullopt;
  }
  std::string content;
  char buffer[1 << 16];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) content.append(buffer, got);
  if (std::ferror(file.get())) {
    error = std::error_code(errno, std::generic_category());
    return std::nullopt;
  }
  return content;
}

std::string describe_error(const std::error_code& error) {
  std::string text = error.message();
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

std::string lower_case_extension(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension;
}

std::string format_extension(const std::filesystem::path& path) {
  const std::string extension = lower_case_extension(path);
  return extension == ".gz" ? lower_case_extension(path.stem()) : extension;
}

std::string stem_without_format(const std::filesystem::path& path) {
  const std::filesystem::path name = path.filename();
  return lower_case_extension(name) == ".gz" ? name.stem().stem().string() : name.stem().string();
}

}  // namespace parallax
