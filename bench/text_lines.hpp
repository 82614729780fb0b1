#pragma once
// Reading the line-aligned text files of shared/data/xling (NTREX, UN, Tatoeba, STS), shared by
// the benchmark programs.
#include <fstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace parallax::bench {

// The file's lines without their "\r"; throws naming the file when it cannot be read.
inline std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
  }
  return lines;
}

// More Arabic letters than Latin ones: Arabic letters are two-byte UTF-8 sequences led by
// 0xD8..0xDB (U+0600..U+06FF). STS track 2 mixes the order of its English and Arabic columns.
inline bool is_arabic_text(const std::string& text) {
  std::size_t arabic = 0, latin = 0;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    arabic += byte >= 0xD8 && byte <= 0xDB;
    latin += (byte | 0x20) >= 'a' && (byte | 0x20) <= 'z';
  }
  return arabic > latin;
}

}  // namespace parallax::bench
