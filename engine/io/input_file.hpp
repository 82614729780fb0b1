#pragma once
// Opening input files with errors as values, shared by the JSONL and plain-text readers.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

namespace parallax {

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using InputFile = std::unique_ptr<std::FILE, FileCloser>;

// Opens `path` for binary reading; on failure returns null and sets `error`.
InputFile open_input_file(const std::filesystem::path& path, std::error_code& error);

// The system's text for `error`, starting lower-case to sit after "file:line: " in a message,
// e.g. "no such file or directory".
std::string describe_error(const std::error_code& error);

// The extension of `path` in lower case with its dot (".txt" for "a.TXT"); "" when none.
std::string lower_case_extension(const std::filesystem::path& path);

}  // namespace parallax
