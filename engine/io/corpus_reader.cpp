#include "io/corpus_reader.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "io/input_file.hpp"
#include "io/jsonl_reader.hpp"
#include "io/record_gate.hpp"
#include "io/table_reader.hpp"
#include "io/text_file_reader.hpp"

namespace parallax {
namespace {

namespace fs = std::filesystem;

bool is_jsonl_extension(const std::string& extension) {
  return extension == ".jsonl" || extension == ".json" || extension == ".ndjson";
}

// The parts of a folder's absolute path, without the empty one a trailing slash leaves.
std::vector<std::string> path_parts(const fs::path& folder) {
  std::error_code error;
  fs::path absolute = fs::absolute(folder, error).lexically_normal();
  if (error) absolute = folder.lexically_normal();
  std::vector<std::string> parts;
  for (const fs::path& part : absolute.relative_path()) {
    if (!part.empty()) parts.push_back(part.string());
  }
  return parts;
}

// The id prefix of each folder when several are read: its name, or as many of its path's last
// parts as tell it from every other folder (a/docs and b/docs); "" for the inputs that are not
// folders, and for every one when there is at most one folder, so a folder's ids stay as they were.
// A prefix depends only on the folders' paths, never on what they hold: ids stay stable as files
// come and go.
std::vector<std::string> folder_id_prefixes(const std::vector<std::string>& inputs) {
  std::vector<std::vector<std::string>> parts(inputs.size());
  std::size_t folders = 0;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    std::error_code error;
    if (inputs[i] != "-" && fs::is_directory(inputs[i], error)) {
      parts[i] = path_parts(inputs[i]);
      ++folders;
    }
  }
  std::vector<std::string> prefixes(inputs.size());
  if (folders < 2) return prefixes;
  const auto last = [](const std::vector<std::string>& p, std::size_t k) {
    return std::vector<std::string>(p.end() - static_cast<std::ptrdiff_t>(std::min(k, p.size())), p.end());
  };
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (parts[i].empty()) continue;
    std::size_t k = 1;
    for (std::size_t j = 0; j < inputs.size(); ++j) {
      if (j == i || parts[j].empty() || parts[j] == parts[i]) continue;  // the same folder twice: same ids
      while (k < parts[i].size() && last(parts[i], k) == last(parts[j], k)) ++k;
    }
    for (const std::string& part : last(parts[i], k)) prefixes[i] += (prefixes[i].empty() ? "" : "/") + part;
  }
  return prefixes;
}

// Reads a JSONL or CSV/TSV file through `read_stream`; gzip data that breaks off is reported after
// the records read before it.
template <typename StreamReader>
void read_file_stream(const fs::path& path, RecordGate& gate, const StreamReader& read_stream) {
  gate.begin_file(path.string());
  std::error_code error;
  const InputFile file = open_input_file(path, error);
  if (!file) return gate.warn(0, describe_error(error));
  read_stream(file.get());
  if (const std::string problem = file.decompression_problem(); !problem.empty()) {
    gate.warn(0, problem + "; the records before it were read");
  }
}

void read_input(const std::string& input, const std::string& folder_id_prefix, const TableColumns& columns,
                RecordGate& gate) {
  if (input == "-") {
    gate.begin_file("<stdin>");
    return read_jsonl_stream(stdin, gate);
  }
  const fs::path path(input);
  std::error_code error;
  const auto status = fs::status(path, error);
  if (error || !fs::exists(status)) {
    gate.begin_file(input);
    const auto reason = error ? error : std::make_error_code(std::errc::no_such_file_or_directory);
    return gate.warn(0, describe_error(reason));
  }
  if (fs::is_directory(status)) return read_text_folder(path, gate, folder_id_prefix);
  const std::string extension = format_extension(path);
  if (is_jsonl_extension(extension)) {
    return read_file_stream(path, gate, [&](std::FILE* file) { read_jsonl_stream(file, gate); });
  }
  if (extension == ".csv" || extension == ".tsv") {
    const char delimiter = extension == ".csv" ? ',' : '\t';
    return read_file_stream(path, gate, [&](std::FILE* file) { read_table_stream(file, delimiter, columns, gate); });
  }
  read_text_file(path, gate);
}

}  // namespace

void InputDiagnostics::report(InputProblem problem) { problems_.push_back(std::move(problem)); }

std::string InputDiagnostics::format() const {
  std::string text;
  for (const auto& problem : problems_) {
    text.append(problem.file);
    if (problem.line != 0) text.append(":").append(std::to_string(problem.line));
    text.append(": ").append(problem.message);
    if (problem.byte_offset_known) {
      text.append(" at byte ").append(std::to_string(problem.byte_offset));
    }
    text.append("\n");
  }
  return text;
}

std::size_t read_corpus(const std::vector<std::string>& inputs, const DocumentSink& sink,
                        InputDiagnostics& diagnostics, const TableColumns& columns, DocumentOrigins origins) {
  RecordGate gate(sink, diagnostics, origins == DocumentOrigins::Kept);
  const std::vector<std::string> prefixes = folder_id_prefixes(inputs);
  for (std::size_t i = 0; i < inputs.size(); ++i) read_input(inputs[i], prefixes[i], columns, gate);
  return gate.delivered();
}

}  // namespace parallax
