#pragma once
// Opening input files with errors as values, shared by the corpus readers. A gzip file is
// decompressed as it is read, behind the same FILE*, so every reader takes .gz input unchanged.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <system_error>

namespace parallax {

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

class GzipSource;

// An open input file, read through get(). A regular file that starts with the gzip magic bytes
// (1f 8b), whatever its name, is inflated by zlib as it is read; concatenated gzip members read as
// one text, and bytes after a member that begin no other are ignored.
class InputFile {
 public:
  std::FILE* get() const { return stream_.get(); }
  explicit operator bool() const { return stream_ != nullptr; }
  bool is_gzip() const { return gzip_ != nullptr; }

  // Gzip input whose data turned out corrupt or truncated: what zlib said and how much text came
  // out before it, e.g. "broken gzip data (invalid block type) after 1024 bytes of text".
  // Reads end there as at the end of the file (a reader keeps what it read); "" when nothing
  // went wrong and for plain files. An error reading the file itself is a read error (ferror).
  std::string decompression_problem() const;

 private:
  friend InputFile open_input_file(const std::filesystem::path& path, std::error_code& error);
  std::unique_ptr<std::FILE, FileCloser> stream_;
  GzipSource* gzip_ = nullptr;  // owned by stream_: freed when it is closed
};

// Opens `path` for binary reading; on failure returns a null InputFile and sets `error`.
InputFile open_input_file(const std::filesystem::path& path, std::error_code& error);

// The whole of a small file (an alias file, a stance model), as bytes. Returns nullopt and sets
// `error` when it cannot be opened or read to its end (a folder included). Not through a stream
// (`<< rdbuf()`), which turns a read error or running out of memory into a text cut short.
std::optional<std::string> read_small_file(const std::filesystem::path& path, std::error_code& error);

// The system's text for `error`, starting lower-case to sit after "file:line: " in a message,
// e.g. "no such file or directory".
std::string describe_error(const std::error_code& error);

// The extension of `path` in lower case with its dot (".txt" for "a.TXT"); "" when none.
std::string lower_case_extension(const std::filesystem::path& path);

// The extension that names the format of `path`: lower_case_extension, or the one before ".gz"
// (".jsonl" for "a.JSONL.GZ"); "" when none.
std::string format_extension(const std::filesystem::path& path);

// The name of `path` without its directory, its format extension and a ".gz" after it:
// "a" for "dir/a.txt" and "dir/a.txt.gz".
std::string stem_without_format(const std::filesystem::path& path);

}  // namespace parallax
