#pragma once
// A small RFC 4180 CSV reader (quoted fields with doubled quotes and embedded newlines), enough
// for the FNC-1 and ANS files.
#include <string>
#include <vector>

namespace parallax::bench {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  // Index of a header column; throws std::runtime_error naming the file when it is missing.
  std::size_t column(const std::string& name) const;
  std::string path;
};

// Throws std::runtime_error when the file cannot be read.
CsvTable read_csv(const std::string& path);

}  // namespace parallax::bench
