#pragma once
// Named entities and their aliases: who can be quoted (speakers), what claims talk about
// (entities) and how talks are characterized (characterizations). Loaded from the built-in defaults
// and from user alias files (--aliases FILE); the file format is documented in docs/claims.md:
//
//   # comment
//   [speakers]
//   White House = البيت الأبيض | the White House | Белый дом
//   [entities]
//   New START = البداية الجديدة | New START | СНВ-3
//
// Matching is on keys (normalized and stemmed words), so "البيت الأبيض", "والبيت الابيض" and
// "بالبيت الأبيض" all match the first alias above.
#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "claims/match_tokens.hpp"

namespace parallax {

// Places (countries, cities) are names a claim mentions, never speakers: "Russia" in "tensions
// between Russia and the United States" says where, not what (docs/claims.md, section 3).
enum class AliasSection { Speakers, Entities, Places, Characterizations };

// A malformed alias file or line; what() reads "FILE:LINE: message".
class AliasFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct AliasMatch {
  std::string canonical;
  std::size_t begin = 0;  // token range [begin, end) of the match
  std::size_t end = 0;
};

class EntityAliases {
 public:
  // The built-in table (lexicon/default_aliases.hpp).
  static EntityAliases defaults(WordKeyer& keyer);

  // Adds the entries of an alias file's text; origin names it in error messages.
  // Throws AliasFileError on a malformed line.
  void add_text(std::string_view text, std::string_view origin, WordKeyer& keyer);
  // Reads and adds a file. Throws AliasFileError when it cannot be read or is malformed.
  void add_file(const std::string& path, WordKeyer& keyer);
  // Adds one alias. Later additions of the same alias replace earlier ones, so a user file can
  // re-map a default ("Psaki" to "White House" instead of "Jen Psaki").
  void add(AliasSection section, const std::string& canonical, std::string_view alias,
           WordKeyer& keyer);

  // The longest alias of the section inside tokens[begin, end), the earliest when tied.
  std::optional<AliasMatch> find(AliasSection section, const std::vector<MatchToken>& tokens,
                                 std::size_t begin, std::size_t end) const;
  // Every non-overlapping alias of the section in the tokens, left to right.
  std::vector<AliasMatch> find_all(AliasSection section,
                                   const std::vector<MatchToken>& tokens) const;

  std::size_t size() const;

 private:
  struct Entry {
    std::vector<std::string> keys;
    std::string canonical;
    // The alias as normalized words, one list per alias that has these keys. A characterization
    // matches only a word that holds one of them (below).
    std::vector<std::vector<std::string>> forms;
  };
  // A characterization is an adjective, and English stems fold adjectives into nouns and verbs of
  // other meaning: "positive" and "position" are both "posit", "useful" and "used" "use",
  // "friendly" and "friend" "friend". So its words must also hold the alias's words as written:
  // "frankly", "откровенными" (of "откровенным") and "بالودي" (of "ودي") do, "position" does not.
  static bool holds_form(const Entry& entry, const std::vector<MatchToken>& tokens, std::size_t at);
  std::optional<AliasMatch> longest_at(AliasSection section, const std::vector<MatchToken>& tokens,
                                       std::size_t at, std::size_t end) const;
  // Per section: first key -> entries starting with it.
  std::map<AliasSection, std::map<std::string, std::vector<Entry>>> index_;
};

}  // namespace parallax
