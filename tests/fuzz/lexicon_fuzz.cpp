// The user lexicon loader (--lexicon FILE, TSV) on arbitrary bytes: a bad file is a LexiconError
// naming FILE:LINE, never a crash or another exception. The entries of a file that loads go into
// a table two ways, added in memory on top of an empty table (what --lexicon does) and compiled to
// the binary format and mapped (how the built-in table is made): every entry's word must find the
// same glosses in both, at most kMaxGlosses, weights in (0, 1].
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "lexicon/concept_table.hpp"

namespace {

using namespace parallax;

bool same_glosses(const ConceptGlosses& a, const ConceptGlosses& b) {
  if (a.count != b.count) return false;
  for (std::size_t i = 0; i < a.count; ++i) {
    const ConceptGloss &x = a.items[i], &y = b.items[i];
    if (x.key != y.key || x.display != y.display || x.weight != y.weight || x.is_name != y.is_name) return false;
  }
  return true;
}

// The compiled table's file: write_concept_table writes beside it and renames, which a memory
// file's /proc path cannot do, so it lives in a folder of its own (in memory where /dev/shm is).
class TableFolder {
 public:
  TableFolder() {
    std::string pattern = (std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : "/tmp") + std::string("/parallax-fuzz-XXXXXX");
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    folder_ = pattern;
  }
  ~TableFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }
  std::string table() const { return (folder_ / "table.plx").string(); }

 private:
  std::filesystem::path folder_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static fuzz::MemoryFile lexicon_file;
  static const TableFolder table_folder;
  lexicon_file.write(fuzz::as_text(data, size));
  std::vector<LexiconEntry> entries;
  try {
    entries = read_lexicon_tsv(lexicon_file.path());
  } catch (const LexiconError& error) {
    FUZZ_REQUIRE(std::string_view(error.what()).starts_with(lexicon_file.path() + ":"));
    return 0;
  }
  ConceptTable added;
  added.add(entries);
  write_concept_table(entries, table_folder.table());
  const ConceptTable compiled = ConceptTable::open(table_folder.table());
  for (const LexiconEntry& entry : entries) {
    const std::string key = word_key(entry.lang, entry.word);
    const ConceptGlosses glosses = added.glosses(entry.lang, key);
    FUZZ_REQUIRE(glosses.count <= ConceptGlosses::kMaxGlosses);
    for (const ConceptGloss& g : glosses) FUZZ_REQUIRE(g.weight > 0 && g.weight <= 1);
    FUZZ_REQUIRE(same_glosses(glosses, compiled.glosses(entry.lang, key)));
  }
  return 0;
}
