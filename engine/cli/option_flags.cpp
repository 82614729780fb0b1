#include "cli/option_flags.hpp"

#include <algorithm>
#include <iostream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/compare_option_table.hpp"
#include "pipeline/engine_option_table.hpp"

namespace po = boost::program_options;

namespace parallax::cli {
namespace {

constexpr std::string_view kNearDuplicateOptions[] = {"threads", "dup_threshold", "shingle_size", "hashes",
                                                      "bands", "rows", "containment"};
constexpr std::string_view kEventOptions[] = {"event_threshold", "neighbors", "date_window", "projection",
                                              "dimensions", "exact_search_limit", "search_probes", "top_terms", "seed", "cross_lingual",
                                              "cross_lingual_threshold", "cross_lingual_evidence", "translations",
                                              "translation_threshold"};
// Options that take a list: the flag repeats (--lexicon A --lexicon B), each adding one value.
constexpr std::string_view kEventListOptions[] = {"lexicon"};

std::vector<std::string_view> engine_option_keys(EngineFlags which, bool with_threads) {
  std::vector<std::string_view> keys(std::begin(kNearDuplicateOptions), std::end(kNearDuplicateOptions));
  if (which == EngineFlags::Events) keys.insert(keys.end(), std::begin(kEventOptions), std::end(kEventOptions));
  if (!with_threads) keys.erase(std::find(keys.begin(), keys.end(), "threads"));
  return keys;
}

std::string flag_name(std::string_view key) {
  std::string flag(key);
  std::replace(flag.begin(), flag.end(), '_', '-');
  return flag;
}

}  // namespace

void add_engine_flags(po::options_description& opts, EngineFlags which, bool with_threads) {
  const EngineOptions defaults;
  for (const std::string_view key : engine_option_keys(which, with_threads)) {
    const EngineOptionSpec& spec = *find_engine_option(key);
    const std::string flag = flag_name(key) + (key == "threads" ? ",t" : "");
    opts.add_options()(flag.c_str(), po::value<std::string>()->default_value(spec.get(defaults)), spec.description);
  }
  if (which != EngineFlags::Events) return;
  for (const std::string_view key : kEventListOptions) {
    const std::string flag = flag_name(key);
    opts.add_options()(flag.c_str(), po::value<std::vector<std::string>>()->composing(),
                       find_engine_option(key)->description);
  }
}

void set_engine_flags(const po::variables_map& vm, EngineFlags which, EngineOptions& engine, bool with_threads) {
  for (const std::string_view key : engine_option_keys(which, with_threads))
    set_engine_option(engine, key, vm[flag_name(key)].as<std::string>());
  if (which == EngineFlags::Events) {
    for (const std::string_view key : kEventListOptions) {
      if (!vm.count(flag_name(key))) continue;
      for (const std::string& value : vm[flag_name(key)].as<std::vector<std::string>>()) set_engine_option(engine, key, value);
    }
  }
  validate_engine_options(engine);
}

void add_compare_flags(po::options_description& opts, CompareSettings& settings) {
  const CompareSettings defaults;
  for (const CompareOptionSpec& row : compare_option_table()) {
    std::string flag = flag_name(row.name);
    if (flag == "default-aliases") continue;  // on by default: the CLI's switch is --no-default-aliases
    if (flag == "aliases") {
      opts.add_options()("aliases,a", po::value<std::vector<std::string>>()->composing()->notifier(
                                          [&settings](const std::vector<std::string>& files) {
                                            for (const auto& f : files) settings.alias_files.push_back(f);
                                          }),
                         "alias file mapping names to speakers and entities (repeatable; format in docs/claims.md)");
      continue;
    }
    auto* value = po::value<std::string>()->notifier([&settings, &row](const std::string& v) {
      try {
        row.set(settings, v);
      } catch (const std::invalid_argument& e) {  // "option 'agree_threshold': 'x' is not a valid number"
        throw po::error(e.what());
      }
    });
    if (std::string(row.type) == "bool") value->zero_tokens()->implicit_value("true");
    const std::string shown = row.get(defaults);
    if (!shown.empty()) value->default_value(shown);
    opts.add_options()(flag.c_str(), value, row.description);
  }
}

std::optional<CompareSession> open_compare_session(const std::string& command, const CompareSettings& settings) {
  try {
    return std::optional<CompareSession>(std::in_place, settings);
  } catch (const AliasFileError& e) {
    std::cerr << "parallax " << command << ": " << e.what() << "\n";
  } catch (const LexiconError& e) {  // FILE:LINE: message
    std::cerr << "parallax " << command << ": " << e.what() << "\n";
  } catch (const StanceModelError& e) {
    std::cerr << "parallax " << command << ": " << e.what() << "\n";
  }
  return std::nullopt;
}

}  // namespace parallax::cli
