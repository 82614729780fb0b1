#include "lexicon/antonyms.hpp"

#include <filesystem>
#include <optional>

#include "core/rethrowing_streams.hpp"
#include "io/input_file.hpp"
#include "lexicon/concept_table.hpp"
#include "text/stem.hpp"

namespace parallax {

Antonyms Antonyms::load(const std::string& path) {
  std::error_code error;
  std::optional<std::string> content = read_small_file(path, error);
  if (!content) throw LexiconError(path + ": cannot read the antonyms file (" + describe_error(error) + ")");
  InputText in(std::move(*content));
  Antonyms out;
  Stemmer english("en");
  std::size_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    const std::size_t first = line.find('\t'), second = line.find('\t', first + 1);
    if (first == std::string::npos || second == std::string::npos || second + 1 >= line.size())
      throw LexiconError(path + ":" + std::to_string(line_number) + ": expected KIND<TAB>WORD<TAB>WORD");
    const std::string kind = line.substr(0, first), a = line.substr(first + 1, second - first - 1), b = line.substr(second + 1);
    if (kind == "pair") {
      const std::string key_a = english.stem(a), key_b = english.stem(b);
      if (key_a == key_b) continue;  // "inside" / "outside" stem apart, but a pair that stems together cannot be told
      out.opposites_[key_a].push_back(key_b);
      out.opposites_[key_b].push_back(key_a);
      out.lemma_of_key_.emplace(key_a, a);
      out.lemma_of_key_.emplace(key_b, b);
    } else if (kind == "form") {
      out.lemma_of_form_.emplace(a, b);
    } else {
      throw LexiconError(path + ":" + std::to_string(line_number) + ": unknown kind '" + kind + "' (pair or form)");
    }
  }
  return out;
}

const std::vector<std::string>* Antonyms::opposites(const std::string& key) const {
  const auto it = opposites_.find(key);
  return it == opposites_.end() ? nullptr : &it->second;
}

const std::string* Antonyms::lemma_of_form(const std::string& lowercase_word) const {
  const auto it = lemma_of_form_.find(lowercase_word);
  return it == lemma_of_form_.end() ? nullptr : &it->second;
}

const std::string& Antonyms::lemma(const std::string& key) const {
  const auto it = lemma_of_key_.find(key);
  return it == lemma_of_key_.end() ? key : it->second;
}

std::string builtin_antonyms_path() {
  return (std::filesystem::path(builtin_concept_table_path()).parent_path() / "antonyms.tsv").string();
}

}  // namespace parallax
