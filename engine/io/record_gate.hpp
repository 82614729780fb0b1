#pragma once
// The checks every record passes whatever its format (JSONL line or text file), and the one place
// that reports problems, counts rejections and hands valid documents to the sink.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/corpus_reader.hpp"
#include "io/first_seen_index.hpp"

namespace parallax {

class RecordGate {
 public:
  // Without origins, delivered documents have an empty Document::origin (messages still name
  // the file and line).
  RecordGate(const DocumentSink& sink, InputDiagnostics& diagnostics, bool with_origins = true);

  // Names the file the following calls are about (for messages and Document::origin).
  void begin_file(std::string file);
  const std::string& file() const { return files_.back(); }

  // Delivers `document` unless its text is blank or its id was seen before. `line` is 0 for a
  // whole-file document. An unparseable date is reported and cleared; the document is kept.
  void offer(Document&& document, std::size_t line);

  // A record that cannot become a document: reported and counted as rejected.
  void reject(std::size_t line, std::string message,
              std::optional<std::size_t> byte_offset = std::nullopt);
  // Anything else worth telling: reported, not counted.
  void warn(std::size_t line, std::string message,
            std::optional<std::size_t> byte_offset = std::nullopt);

  std::size_t delivered() const { return delivered_; }

 private:
  std::string describe_location(std::size_t file_index, std::size_t line) const;
  bool is_duplicate(const Document& document, std::size_t line);

  const DocumentSink& sink_;
  InputDiagnostics& diagnostics_;
  std::vector<std::string> files_;  // FirstSeenIndex refers to files by their index here
  FirstSeenIndex first_seen_;
  std::size_t delivered_ = 0;
  bool with_origins_ = true;
};

}  // namespace parallax
