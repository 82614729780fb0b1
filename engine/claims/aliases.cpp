#include "claims/aliases.hpp"

#include <filesystem>
#include <sstream>

#include "core/rethrowing_streams.hpp"
#include "io/input_file.hpp"
#include "lexicon/default_aliases.hpp"

namespace parallax {

namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

std::optional<AliasSection> section_named(std::string_view name) {
  if (name == "speakers") return AliasSection::Speakers;
  if (name == "entities") return AliasSection::Entities;
  if (name == "places") return AliasSection::Places;
  if (name == "characterizations") return AliasSection::Characterizations;
  return std::nullopt;
}

AliasFileError line_error(std::string_view origin, std::size_t line, const std::string& message) {
  return AliasFileError(std::string(origin) + ":" + std::to_string(line) + ": " + message);
}

}  // namespace

EntityAliases EntityAliases::defaults(WordKeyer& keyer) {
  EntityAliases aliases;
  aliases.add_text(default_alias_table(), "<built-in aliases>", keyer);
  return aliases;
}

void EntityAliases::add(AliasSection section, const std::string& canonical, std::string_view alias,
                        WordKeyer& keyer) {
  std::vector<std::string> keys = keyer.phrase_keys(alias);
  if (keys.empty()) return;
  std::vector<std::string> words;
  for (const MatchToken& t : keyer.tokenize(alias)) words.push_back(t.normalized);
  auto& entries = index_[section][keys.front()];
  for (auto& entry : entries) {
    if (entry.keys == keys) {
      entry.canonical = canonical;
      entry.forms.push_back(std::move(words));
      return;
    }
  }
  entries.push_back({std::move(keys), canonical, {std::move(words)}});
}

bool EntityAliases::holds_form(const Entry& entry, const std::vector<MatchToken>& tokens, std::size_t at) {
  for (const auto& words : entry.forms) {
    bool holds = words.size() == entry.keys.size();
    for (std::size_t k = 0; k < words.size() && holds; ++k)
      holds = tokens[at + k].normalized.find(words[k]) != std::string::npos;
    if (holds) return true;
  }
  return false;
}

void EntityAliases::add_text(std::string_view text, std::string_view origin, WordKeyer& keyer) {
  AliasSection section = AliasSection::Speakers;  // a file without headers lists speakers
  std::size_t line_number = 0;
  InputText in{std::string(text)};
  std::string raw;
  while (std::getline(in, raw)) {
    ++line_number;
    const std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '[') {
      if (line.back() != ']') throw line_error(origin, line_number, "unclosed section header");
      const auto named = section_named(trim(line.substr(1, line.size() - 2)));
      if (!named) {
        throw line_error(origin, line_number,
                         "unknown section; expected [speakers], [entities] or [characterizations]");
      }
      section = *named;
      continue;
    }
    const auto equals = line.find('=');
    if (equals == std::string_view::npos) {
      throw line_error(origin, line_number, "expected 'NAME = ALIAS | ALIAS ...'");
    }
    const std::string canonical(trim(line.substr(0, equals)));
    if (canonical.empty()) throw line_error(origin, line_number, "empty name before '='");
    add(section, canonical, canonical, keyer);  // the name is an alias of itself
    std::string_view rest = line.substr(equals + 1);
    std::size_t added = 0;
    while (!rest.empty()) {
      const auto bar = rest.find('|');
      const std::string_view alias = trim(rest.substr(0, bar));
      if (!alias.empty()) {
        if (keyer.phrase_keys(alias).empty()) {
          throw line_error(origin, line_number, "alias '" + std::string(alias) + "' has no words");
        }
        add(section, canonical, alias, keyer);
        ++added;
      }
      if (bar == std::string_view::npos) break;
      rest = rest.substr(bar + 1);
    }
    if (added == 0) throw line_error(origin, line_number, "no aliases after '='");
  }
}

void EntityAliases::add_file(const std::string& path, WordKeyer& keyer) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) throw AliasFileError(path + ": is a folder, not an alias file");
  std::optional<std::string> content = read_small_file(path, error);
  if (!content) throw AliasFileError(path + ": cannot read alias file (" + describe_error(error) + ")");
  std::string text = std::move(*content);
  // Editors on some systems start UTF-8 files with a byte-order mark: it is not part of line 1.
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  add_text(text, path, keyer);
}

std::optional<AliasMatch> EntityAliases::longest_at(AliasSection section,
                                                    const std::vector<MatchToken>& tokens,
                                                    std::size_t at, std::size_t end) const {
  const auto by_section = index_.find(section);
  if (by_section == index_.end()) return std::nullopt;
  const auto candidates = by_section->second.find(tokens[at].key);
  if (candidates == by_section->second.end()) return std::nullopt;
  std::optional<AliasMatch> best;
  for (const Entry& entry : candidates->second) {
    const std::size_t length = entry.keys.size();
    if (at + length > end) continue;
    bool matches = true;
    for (std::size_t k = 1; k < length && matches; ++k) {
      matches = tokens[at + k].key == entry.keys[k];
    }
    if (matches && section == AliasSection::Characterizations) matches = holds_form(entry, tokens, at);
    if (matches && (!best || length > best->end - best->begin)) {
      best = AliasMatch{entry.canonical, at, at + length};
    }
  }
  return best;
}

std::optional<AliasMatch> EntityAliases::find(AliasSection section,
                                              const std::vector<MatchToken>& tokens,
                                              std::size_t begin, std::size_t end) const {
  std::optional<AliasMatch> best;
  for (std::size_t at = begin; at < end && at < tokens.size(); ++at) {
    auto match = longest_at(section, tokens, at, std::min(end, tokens.size()));
    if (match && (!best || match->end - match->begin > best->end - best->begin)) best = match;
  }
  return best;
}

std::vector<AliasMatch> EntityAliases::find_all(AliasSection section,
                                                const std::vector<MatchToken>& tokens) const {
  std::vector<AliasMatch> found;
  for (std::size_t at = 0; at < tokens.size();) {
    auto match = longest_at(section, tokens, at, tokens.size());
    if (match) {
      at = match->end;
      found.push_back(std::move(*match));
    } else {
      ++at;
    }
  }
  return found;
}

std::size_t EntityAliases::size() const {
  std::size_t n = 0;
  for (const auto& [section, by_key] : index_) {
    for (const auto& [key, entries] : by_key) n += entries.size();
  }
  return n;
}

}  // namespace parallax
