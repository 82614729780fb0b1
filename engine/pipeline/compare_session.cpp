#include "pipeline/compare_session.hpp"

#include "diff/stance_features.hpp"

namespace parallax {

CompareSession::CompareSession(CompareSettings settings) : options_(std::move(settings.options)) {
  WordKeyer keyer;  // keys the alias names; comparisons key with their own
  aliases_ = settings.default_aliases ? EntityAliases::defaults(keyer) : EntityAliases();
  for (const std::string& file : settings.alias_files) aliases_.add_file(file, keyer);
  antonyms_.emplace(Antonyms::load(builtin_antonyms_path()));
  options_.antonyms = &*antonyms_;
  if (settings.cross_lingual) {
    concepts_.emplace(load_concept_table(settings.lexicons));
    options_.concepts = &*concepts_;
  } else {
    options_.concepts = nullptr;
    for (const std::string& path : settings.lexicons) read_lexicon_tsv(path);  // a bad file is still reported
  }
  if (!settings.stance_model.empty()) {
    stance_model_.emplace(StanceModel::load(settings.stance_model));
    if (stance_model_->features() != stance_feature_names())
      throw StanceModelError(settings.stance_model + ": its features differ from this program's; retrain it");
    options_.stance_model = &*stance_model_;
  }
}

CompareResult CompareSession::compare(const std::vector<Document>& documents) const {
  return compare_documents(documents, aliases_, options_);
}

}  // namespace parallax
