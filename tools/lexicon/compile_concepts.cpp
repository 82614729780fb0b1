// parallax-concepts: compiles lexicon TSV files (word, language, English gloss[, weight]) into the
// binary concept table the engine maps (concepts.plx). Run by the build; see docs/lexicon.md.
#include <cstdio>
#include <string>
#include <vector>

#include "lexicon/concept_table.hpp"

int main(int argc, char** argv) {
  std::string output;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-o" && i + 1 < argc) {
      output = argv[++i];
    } else {
      inputs.push_back(arg);
    }
  }
  if (output.empty() || inputs.empty()) {
    std::fprintf(stderr, "usage: parallax-concepts -o concepts.plx LEXICON.tsv...\n");
    return 2;
  }
  try {
    std::vector<parallax::LexiconEntry> entries;
    for (const auto& input : inputs) {
      auto more = parallax::read_lexicon_tsv(input);
      std::fprintf(stderr, "parallax-concepts: %s: %zu entries\n", input.c_str(), more.size());
      entries.insert(entries.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    parallax::write_concept_table(entries, output);
    const auto table = parallax::ConceptTable::open(output);
    std::fprintf(stderr, "parallax-concepts: %s: %zu words\n", output.c_str(), table.size());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "parallax-concepts: %s\n", e.what());
    return 1;
  }
  return 0;
}
