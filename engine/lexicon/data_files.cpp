// Where the built-in concept table lives. The build writes it to <build>/share/parallax/ and
// `cmake --install` to <prefix>/share/parallax/; the CLI sits in <build>/engine/ (or <prefix>/bin),
// libparallax.so in <build>/engine/ (or <prefix>/lib), so both find it as ../share/parallax beside
// themselves, wherever the tree was moved.
#include <dlfcn.h>
#include <unistd.h>

#include <filesystem>
#include <system_error>
#include <vector>

#include "lexicon/concept_table.hpp"

namespace parallax {
namespace {

constexpr const char* kTableName = "concepts.plx";

std::filesystem::path folder_of_this_library() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&builtin_concept_table_path), &info) == 0 || info.dli_fname == nullptr) return {};
  std::error_code error;
  const auto path = std::filesystem::canonical(info.dli_fname, error);
  return error ? std::filesystem::path() : path.parent_path();
}

std::filesystem::path folder_of_this_executable() {
  std::error_code error;
  const auto path = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path() : path.parent_path();
}

}  // namespace

std::string builtin_concept_table_path() {
  if (const char* given = std::getenv("PARALLAX_CONCEPTS"); given != nullptr && *given != '\0') return given;
  std::vector<std::filesystem::path> candidates;
  for (const auto& folder : {folder_of_this_library(), folder_of_this_executable()}) {
    if (folder.empty()) continue;
    candidates.push_back(folder / kTableName);
    candidates.push_back(folder / ".." / "share" / "parallax" / kTableName);
    candidates.push_back(folder / ".." / ".." / "share" / "parallax" / kTableName);  // lib/<multiarch>/
  }
#ifdef PARALLAX_INSTALL_DATA_DIR
  candidates.push_back(std::filesystem::path(PARALLAX_INSTALL_DATA_DIR) / kTableName);
#endif
  std::string looked_at;
  for (const auto& candidate : candidates) {
    std::error_code error;
    if (std::filesystem::is_regular_file(candidate, error)) return candidate.lexically_normal().string();
    looked_at += (looked_at.empty() ? "" : ", ") + candidate.lexically_normal().string();
  }
  throw LexiconError("the built-in concept table (" + std::string(kTableName) + ") was not found; looked at: " +
                     looked_at + " (set PARALLAX_CONCEPTS to its path, or rebuild: it is made by the build)");
}

ConceptTable load_concept_table(const std::vector<std::string>& lexicons) {
  ConceptTable table = ConceptTable::open(builtin_concept_table_path());
  for (const std::string& path : lexicons) table.add(read_lexicon_tsv(path));
  return table;
}

}  // namespace parallax
