#include "io/corpus_reader.hpp"

#include <cstdio>
#include <filesystem>
#include <utility>

#include "io/input_file.hpp"
#include "io/jsonl_reader.hpp"
#include "io/record_gate.hpp"
#include "io/text_file_reader.hpp"

namespace parallax {
namespace {

bool is_jsonl_path(const std::filesystem::path& path) {
  const std::string extension = lower_case_extension(path);
  return extension == ".jsonl" || extension == ".json" || extension == ".ndjson";
}

// A gzip file starts with 1f 8b: read as text it would be "invalid UTF-8" at byte 1.
bool is_gzip_file(const std::filesystem::path& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return false;
  unsigned char magic[2] = {0, 0};
  const bool gzip = std::fread(magic, 1, 2, file) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
  std::fclose(file);
  return gzip;
}

void read_input(const std::string& input, RecordGate& gate) {
  if (input == "-") {
    gate.begin_file("<stdin>");
    return read_jsonl_stream(stdin, gate);
  }
  const std::filesystem::path path(input);
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status)) {
    gate.begin_file(input);
    const auto reason = error ? error : std::make_error_code(std::errc::no_such_file_or_directory);
    return gate.warn(0, describe_error(reason));
  }
  if (std::filesystem::is_directory(status)) return read_text_folder(path, gate);
  if (is_gzip_file(path)) {
    gate.begin_file(input);
    return gate.warn(0, "gzip-compressed input is not read; decompress it first (zcat " + input + " | parallax ... -)");
  }
  if (is_jsonl_path(path)) return read_jsonl_file(path, gate);
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
                        InputDiagnostics& diagnostics) {
  RecordGate gate(sink, diagnostics);
  for (const auto& input : inputs) read_input(input, gate);
  return gate.delivered();
}

}  // namespace parallax
