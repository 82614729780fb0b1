// The alias file loader (--aliases FILE) on arbitrary bytes: a malformed file is an
// AliasFileError naming FILE:LINE, never a crash or another exception. A file that loads is then
// matched against the tokens of its own text, section by section: matches lie inside the tokens,
// in order, without overlap, and find() over all tokens returns one at least as long as any.
#include <algorithm>
#include <vector>

#include "claims/aliases.hpp"
#include "claims/match_tokens.hpp"
#include "fuzz_support.hpp"

namespace {

using namespace parallax;

void check_matches(const EntityAliases& aliases, const std::vector<MatchToken>& tokens) {
  for (const AliasSection section : {AliasSection::Speakers, AliasSection::Entities, AliasSection::Characterizations}) {
    std::size_t previous_end = 0, longest = 0;
    for (const AliasMatch& m : aliases.find_all(section, tokens)) {
      FUZZ_REQUIRE(previous_end <= m.begin && m.begin < m.end && m.end <= tokens.size());
      FUZZ_REQUIRE(!m.canonical.empty());
      previous_end = m.end;
      longest = std::max(longest, m.end - m.begin);
    }
    const auto best = aliases.find(section, tokens, 0, tokens.size());
    FUZZ_REQUIRE(best.has_value() == (longest > 0));
    if (best) FUZZ_REQUIRE(best->end - best->begin >= longest && best->end <= tokens.size());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static fuzz::MemoryFile file;
  static WordKeyer keyer;
  const std::string_view text = fuzz::as_text(data, size);
  file.write(text);
  EntityAliases aliases;
  try {
    aliases.add_file(file.path(), keyer);
  } catch (const AliasFileError& error) {
    FUZZ_REQUIRE(std::string_view(error.what()).starts_with(file.path() + ":"));
    return 0;
  }
  check_matches(aliases, keyer.tokenize(text));
  return 0;
}
