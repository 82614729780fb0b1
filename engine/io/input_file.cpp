#include "io/input_file.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>

namespace parallax {

InputFile open_input_file(const std::filesystem::path& path, std::error_code& error) {
  InputFile file(std::fopen(path.c_str(), "rb"));
  error = file ? std::error_code{} : std::error_code(errno, std::generic_category());
  return file;
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

}  // namespace parallax
