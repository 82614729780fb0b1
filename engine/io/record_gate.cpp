#include "io/record_gate.hpp"

#include <utility>

#include "io/date.hpp"
#include "io/utf8_validation.hpp"

namespace parallax {

RecordGate::RecordGate(const DocumentSink& sink, InputDiagnostics& diagnostics, bool with_origins)
    : sink_(sink), diagnostics_(diagnostics), with_origins_(with_origins) {}

void RecordGate::begin_file(std::string file) { files_.push_back(std::move(file)); }

void RecordGate::offer(Document&& document, std::size_t line) {
  if (document.id.empty()) return reject(line, "empty \"id\"");
  if (is_blank_text(document.text)) return reject(line, "empty \"text\"");
  if (is_duplicate(document, line)) return;
  if (!document.date.empty()) {
    if (auto iso = normalize_date(document.date)) {
      document.date = std::move(*iso);
    } else {
      warn(line, "unparseable date \"" + document.date + "\" (expected ISO 8601 such as 2021-01-26 or 20210126, " +
                     "or RFC 2822 such as Tue, 26 Jan 2021 18:04:00 +0000); date ignored");
      document.date.clear();
    }
  }
  if (with_origins_) document.origin = describe_location(files_.size() - 1, line);
  ++delivered_;
  sink_(std::move(document));
}

bool RecordGate::is_duplicate(const Document& document, std::size_t line) {
  const auto file_index = static_cast<std::uint32_t>(files_.size() - 1);
  const auto first = first_seen_.insert(document.id, {file_index, line});
  if (!first) return false;
  reject(line, "duplicate id \"" + document.id + "\" (first seen at " +
                   describe_location(first->file_index, first->line) + ")");
  return true;
}

std::string RecordGate::describe_location(std::size_t file_index, std::size_t line) const {
  if (line == 0) return files_[file_index];
  return files_[file_index] + ":" + std::to_string(line);
}

void RecordGate::reject(std::size_t line, std::string message,
                        std::optional<std::size_t> byte_offset) {
  diagnostics_.count_rejected_record();
  warn(line, std::move(message), byte_offset);
}

void RecordGate::warn(std::size_t line, std::string message,
                      std::optional<std::size_t> byte_offset) {
  InputProblem problem{file(), line, byte_offset.value_or(0), std::move(message)};
  problem.byte_offset_known = byte_offset.has_value();
  diagnostics_.report(std::move(problem));
}

}  // namespace parallax
