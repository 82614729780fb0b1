#pragma once
// Where the tests find the two seed articles: ../shared/seeds/ beside the repository, else the
// copy under examples/seeds/.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace parallax::test {

inline std::string seed_path(const std::string& name) {
  const std::string shared = std::string(PARALLAX_SOURCE_DIR) + "/../shared/seeds/" + name;
  if (std::filesystem::exists(shared)) return shared;
  return std::string(PARALLAX_SOURCE_DIR) + "/examples/seeds/" + name;
}

inline const char* kSeed000 = "000_9274d6cb67e41f49.txt";
inline const char* kSeed003 = "003_ad5a4faa5cc51cb6.txt";

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace parallax::test
