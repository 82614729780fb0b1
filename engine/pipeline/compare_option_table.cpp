#include "pipeline/compare_option_table.hpp"

#include <algorithm>
#include <stdexcept>

#include "pipeline/option_text.hpp"

namespace parallax {
namespace {

#define PARALLAX_THRESHOLD_ROW(key, field, text)                                                 \
  CompareOptionSpec {                                                                            \
    key, "float", text,                                                                          \
        [](CompareSettings& s, std::string_view v) {                                             \
          s.options.field = parse_option_number<double>(key, v);                                 \
        },                                                                                       \
        [](const CompareSettings& s) { return option_number_text(s.options.field); }             \
  }

std::vector<CompareOptionSpec> make_table() {
  return {
      PARALLAX_THRESHOLD_ROW("align_threshold", thresholds.align, "lowest claim similarity at which two claims are aligned"),
      PARALLAX_THRESHOLD_ROW("agree_threshold", thresholds.agree,
                             "lowest similarity at which an aligned pair with no conflict evidence agrees"),
      PARALLAX_THRESHOLD_ROW("cross_align_threshold", thresholds.cross_language_align,
                             "align_threshold for two claims in different languages"),
      PARALLAX_THRESHOLD_ROW("cross_agree_threshold", thresholds.cross_language_agree,
                             "agree_threshold for two claims in different languages"),
      PARALLAX_THRESHOLD_ROW("max_cover_overlap", max_cover_overlap,
                             "largest share of shared words a second (one-to-many) pair may repeat"),
      {"keep_weak_related", "bool", "show every related pair the matching makes (default: only claims that are each other's closest)",
       [](CompareSettings& s, std::string_view v) { s.options.keep_weak_related = parse_option_bool("keep_weak_related", v); },
       [](const CompareSettings& s) { return option_bool_text(s.options.keep_weak_related); }},
      {"keep_copies", "bool", "compare near-duplicate copies as documents of their own",
       [](CompareSettings& s, std::string_view v) { s.options.merge_copies = !parse_option_bool("keep_copies", v); },
       [](const CompareSettings& s) { return option_bool_text(!s.options.merge_copies); }},
      {"default_aliases", "bool", "load the built-in alias table of speakers and entities",
       [](CompareSettings& s, std::string_view v) { s.default_aliases = parse_option_bool("default_aliases", v); },
       [](const CompareSettings& s) { return option_bool_text(s.default_aliases); }},
      // A list: each setting adds one file; an empty value clears the list; reads back joined by ':'.
      {"aliases", "string", "an alias file mapping names to speakers and entities (docs/claims.md); repeatable",
       [](CompareSettings& s, std::string_view v) {
         if (v.empty()) {
           s.alias_files.clear();
         } else {
           s.alias_files.emplace_back(v);
         }
       },
       [](const CompareSettings& s) { return option_paths_text(s.alias_files); }},
      {"stance_model", "string", "a trained stance judge's file (models/stance_*.json) to refine labels",
       [](CompareSettings& s, std::string_view v) { s.stance_model = std::string(v); },
       [](const CompareSettings& s) { return s.stance_model; }},
  };
}

}  // namespace

const std::vector<CompareOptionSpec>& compare_option_table() {
  static const std::vector<CompareOptionSpec> table = make_table();
  return table;
}

const CompareOptionSpec* find_compare_option(std::string_view name) {
  std::string key(name);
  std::replace(key.begin(), key.end(), '-', '_');
  for (const auto& spec : compare_option_table())
    if (key == spec.name) return &spec;
  return nullptr;
}

void validate_compare_settings(const CompareSettings& s) {
  const auto& t = s.options.thresholds;
  if (!(t.align > 0 && t.align <= 1)) throw std::invalid_argument("align_threshold must lie in (0, 1]");
  if (!(t.agree >= t.align && t.agree <= 1)) throw std::invalid_argument("agree_threshold must lie in [align_threshold, 1]");
  if (!(t.cross_language_align > 0 && t.cross_language_align <= 1))
    throw std::invalid_argument("cross_align_threshold must lie in (0, 1]");
  if (!(t.cross_language_agree >= t.cross_language_align && t.cross_language_agree <= 1))
    throw std::invalid_argument("cross_agree_threshold must lie in [cross_align_threshold, 1]");
  if (!(s.options.max_cover_overlap >= 0 && s.options.max_cover_overlap <= 1))
    throw std::invalid_argument("max_cover_overlap must lie in [0, 1]");
}

}  // namespace parallax
