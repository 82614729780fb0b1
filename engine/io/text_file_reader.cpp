#include "io/text_file_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "io/input_file.hpp"
#include "io/utf8_validation.hpp"

namespace parallax {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// The whole content of `file`; sets `error` on a read error. `expected_size` (the file's size
// when known, else 0) sizes the first read so a regular file is read at once with no slack kept:
// the string becomes Document::text and lives as long as the document.
std::string read_all(std::FILE* file, std::size_t expected_size, std::error_code& error) {
  std::string content;
  std::size_t size = 0;
  std::size_t chunk = std::max<std::size_t>(expected_size + 1, 4096);  // +1 meets the end at once
  while (true) {
    content.resize(size + chunk);
    const std::size_t read = std::fread(content.data() + size, 1, chunk, file);
    size += read;
    if (read < chunk) break;
    chunk = size;  // a pipe, or a file that grew: double
  }
  content.resize(size);
  if (std::ferror(file)) error = std::error_code(errno, std::generic_category());
  return content;
}

std::size_t line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

bool is_corpus_text_file(const std::filesystem::directory_entry& entry) {
  const std::string name = entry.path().filename().string();
  std::error_code error;
  return !name.starts_with('.') && format_extension(entry.path()) == ".txt" && entry.is_regular_file(error);
}

// The folder's text files, its subfolders' too (hidden ones skipped), sorted by path; sets
// `error` when the folder cannot be listed.
std::vector<std::filesystem::path> text_files_in(const std::filesystem::path& folder,
                                                 std::error_code& error) {
  std::vector<std::filesystem::path> files;
  std::filesystem::recursive_directory_iterator entry(folder, std::filesystem::directory_options::skip_permission_denied,
                                                      error);
  for (; !error && entry != std::filesystem::recursive_directory_iterator(); entry.increment(error)) {
    if (entry->path().filename().string().starts_with('.') && entry->is_directory()) {
      entry.disable_recursion_pending();
      continue;
    }
    if (is_corpus_text_file(*entry)) files.push_back(entry->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

void read_text_file(const std::filesystem::path& path, RecordGate& gate, const std::string& id) {
  gate.begin_file(path.string());
  std::error_code error;
  const InputFile file = open_input_file(path, error);
  if (!file) return gate.warn(0, describe_error(error));
  std::error_code no_size;  // a pipe or device has none; read_all copes
  const auto size = std::filesystem::file_size(path, no_size);
  std::string content = read_all(file.get(), no_size ? 0 : size, error);
  if (error) return gate.warn(0, "read error: " + describe_error(error));
  // Part of a text is not the document: a corrupt .txt.gz is reported as a file that cannot be read.
  if (const std::string problem = file.decompression_problem(); !problem.empty()) {
    return gate.warn(0, problem + "; file not read");
  }

  const std::size_t bom_size = content.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
  if (const auto bad_byte = find_invalid_utf8(std::string_view(content).substr(bom_size))) {
    const std::size_t offset = bom_size + *bad_byte;
    return gate.reject(line_of(content, offset), "invalid UTF-8", offset);
  }
  content.erase(0, bom_size);

  Document document;
  document.id = id.empty() ? stem_without_format(path) : id;
  document.text = std::move(content);
  gate.offer(std::move(document), 0);
}

void read_text_folder(const std::filesystem::path& folder, RecordGate& gate, const std::string& id_prefix) {
  std::error_code error;
  const auto files = text_files_in(folder, error);
  if (error) {
    gate.begin_file(folder.string());
    return gate.warn(0, describe_error(error));
  }
  // The id is the path inside the folder without its extension ("a", "2021/a"): two files of one
  // name in different subfolders stay two documents.
  for (const auto& file : files) {
    const std::filesystem::path inside = file.lexically_relative(folder);
    const std::string id = (inside.parent_path() / stem_without_format(inside)).generic_string();
    read_text_file(file, gate, id_prefix.empty() ? id : id_prefix + "/" + id);
  }
}

}  // namespace parallax
