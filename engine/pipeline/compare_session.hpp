#pragma once
// Everything a comparison needs besides the documents, loaded once: the alias table (built-in and
// the user's files), the concept table for claims across languages, the antonyms, an optional
// trained stance judge, and the options. `parallax compare` and `parallax report` (one session
// for every event) use it.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "claims/aliases.hpp"
#include "core/document.hpp"
#include "diff/compare.hpp"
#include "diff/stance_model.hpp"
#include "lexicon/antonyms.hpp"
#include "lexicon/concept_table.hpp"

namespace parallax {

struct CompareSettings {
  CompareOptions options;  // its table pointers are set by the session
  std::vector<std::string> alias_files;
  bool default_aliases = true;
  bool cross_lingual = true;           // claims across languages through the concept table
  std::vector<std::string> lexicons;   // the user's lexicon TSVs on top of the built-in table
  std::string stance_model;            // a trained judge's file, or empty
};

// Read-only once built: `parallax report` compares many events at once through one session, each
// comparison keying its words with its own stemmers.
class CompareSession {
 public:
  // Throws AliasFileError, LexiconError (a bad lexicon line, no built-in table) or
  // StanceModelError (a model that cannot be read or was trained on other features).
  explicit CompareSession(CompareSettings settings);

  // Throws CompareError for input that cannot be compared (see compare_documents).
  CompareResult compare(const std::vector<Document>& documents) const;
  const CompareOptions& options() const { return options_; }

 private:
  EntityAliases aliases_;
  std::optional<ConceptTable> concepts_;
  std::optional<Antonyms> antonyms_;
  std::optional<StanceModel> stance_model_;
  CompareOptions options_;
};

}  // namespace parallax
