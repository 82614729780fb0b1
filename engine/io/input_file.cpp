#include "io/input_file.hpp"

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <vector>

namespace parallax {

// A gzip file behind a FILE* (glibc's fopencookie): the readers keep their one stream type. The
// file is inflated with zlib's inflate() rather than read with gzread(), which takes data that
// ends inside a member for the end of the file when the input runs out just as its output buffer
// fills (found by fuzz_text_reader): here a member that has begun must reach its end. As gzread,
// members are read one after another, and bytes after a member that begin no other are ignored.
class GzipSource {
 public:
  // Compressed bytes read from the file at a time, and text inflated per read at most.
  static constexpr std::size_t kInputChunk = 64 * 1024;
  static constexpr std::size_t kMaxOutput = 4 * kInputChunk;

  // raw: the file, at its start (the magic bytes); owned from here on.
  explicit GzipSource(std::FILE* raw) : raw_(raw), input_(kInputChunk) {}
  ~GzipSource() {
    if (initialized_) inflateEnd(&stream_);
    std::fclose(raw_);
  }
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  bool start() {
    initialized_ = inflateInit2(&stream_, 16 + MAX_WBITS) == Z_OK;  // gzip only
    return initialized_;
  }
  const std::string& problem() const { return problem_; }

  // Null (the source deleted) when glibc cannot make the stream.
  static std::FILE* open_stream(GzipSource* source) {
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

  // More compressed bytes after those not yet inflated; false at the end of the file or on a read
  // error (errno set).
  bool fill() {
    const std::size_t kept = stream_.avail_in;
    if (kept > 0 && stream_.next_in != input_.data()) std::memmove(input_.data(), stream_.next_in, kept);
    const std::size_t got = std::fread(input_.data() + kept, 1, input_.size() - kept, raw_);
    stream_.next_in = input_.data();
    stream_.avail_in = static_cast<uInt>(kept + got);
    return got > 0;
  }

  // After a member's end: whether another member follows (its magic bytes).
  bool another_member() {
    while (stream_.avail_in < 2 && fill()) {
    }
    return stream_.avail_in >= 2 && stream_.next_in[0] == 0x1f && stream_.next_in[1] == 0x8b;
  }

  ssize_t read_some(char* buffer, std::size_t size) {
    if (!problem_.empty() || finished_) return 0;
    stream_.next_out = reinterpret_cast<Bytef*>(buffer);
    stream_.avail_out = static_cast<uInt>(std::min<std::size_t>(size, kMaxOutput));
    const uInt wanted = stream_.avail_out;
    while (stream_.avail_out > 0) {
      if (stream_.avail_in == 0 && !fill()) {
        if (std::ferror(raw_)) {
          if (stream_.avail_out == wanted) return -1;  // reading the file failed: errno says why
          break;                                       // deliver what came out; the error repeats next time
        }
        problem_ = "unexpected end of file";  // the file ended inside a member
        break;
      }
      const int status = inflate(&stream_, Z_NO_FLUSH);
      if (status == Z_STREAM_END) {
        if (!another_member()) {
          finished_ = true;
          break;
        }
        inflateReset(&stream_);
      } else if (status == Z_MEM_ERROR) {
        problem_ = "out of memory";
        break;
      } else if (status != Z_OK && status != Z_BUF_ERROR) {  // Z_DATA_ERROR, Z_NEED_DICT
        problem_ = stream_.msg ? stream_.msg : "corrupt data";
        break;
      }
    }
    const std::size_t produced = wanted - stream_.avail_out;
    produced_ += produced;
    if (!problem_.empty())
      problem_ = "broken gzip data (" + problem_ + ") after " + std::to_string(produced_) + " bytes of text";
    return static_cast<ssize_t>(produced);
  }

  std::FILE* raw_;
  std::vector<unsigned char> input_;
  z_stream stream_{};
  bool initialized_ = false;
  bool finished_ = false;
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
    auto* source = new GzipSource(input.stream_.release());
    if (source->start()) {
      input.gzip_ = source;
      input.stream_.reset(GzipSource::open_stream(source));
      if (!input.stream_) input.gzip_ = nullptr;
    } else {
      delete source;
      errno = ENOMEM;
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
