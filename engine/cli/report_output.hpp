#pragma once
// Where a command's report goes, so that no output is lost while the exit status says success:
// stdout, or a file written under a temporary name beside it and renamed into place only when
// every byte reached the disk (a failed run leaves the previous report as it was). A report that
// would overwrite one of the command's inputs is refused before anything is read.
#include <fstream>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace parallax::cli {

class ReportOutput {
 public:
  // path empty: stdout.
  explicit ReportOutput(std::string path);
  ~ReportOutput();  // removes the temporary file of a report that was not committed
  ReportOutput(const ReportOutput&) = delete;
  ReportOutput& operator=(const ReportOutput&) = delete;

  // The stream to render into; opens the temporary file on first use. Null, with error() set, when
  // it cannot be created.
  std::ostream* stream();
  // Flushes and checks every write; renames the file into place. False, with error() set, when
  // any byte was lost (a full disk, a closed pipe).
  bool commit();
  const std::string& error() const { return error_; }

 private:
  std::string path_, temporary_, error_;
  std::ofstream file_;
  bool committed_ = false;
};

// The message when `output` names one of `inputs` (the same file, by its canonical path), else none.
std::optional<std::string> output_overwrites_input(const std::string& output, const std::vector<std::string>& inputs);

}  // namespace parallax::cli
