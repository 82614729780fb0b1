#include "lexicon/concept_table.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <system_error>
#include <unordered_map>
#include <unordered_set>

#include "io/utf8_validation.hpp"
#include "text/normalize.hpp"
#include "text/segment.hpp"
#include "text/stem.hpp"
#include "lexicon/stop_words.hpp"

namespace parallax {
namespace {

// ---- the binary format (all little-endian, as written by this machine family) ----
// header | entries (sorted by hash) | glosses | common English stem hashes (sorted) | strings
constexpr char kMagic[8] = {'P', 'L', 'X', 'C', 'O', 'N', 'C', '1'};
constexpr std::uint32_t kFormatVersion = 2;

struct FileHeader {
  char magic[8];
  std::uint32_t version;
  std::uint32_t entry_count;
  std::uint32_t gloss_count;
  std::uint32_t common_english_count;
  std::uint32_t string_bytes;
  std::uint32_t languages_offset;  // in the string pool: covered languages, comma-separated
  std::uint32_t languages_length;
  std::uint32_t reserved;
};

struct FileEntry {
  std::uint64_t hash;  // entry_hash(lang, key)
  std::uint32_t first_gloss;
  std::uint32_t gloss_count;
};

struct FileGloss {
  std::uint32_t key_offset, key_length;
  std::uint32_t display_offset, display_length;
  float weight;
  std::uint32_t is_name;
};

// The key's hash seeded by its language code (up to 8 bytes, packed): no string is built per
// lookup, one per word of every non-English document.
std::uint64_t entry_hash(std::string_view lang, std::string_view key) {
  std::uint64_t seed = 0;
  if (!lang.empty()) std::memcpy(&seed, lang.data(), std::min<std::size_t>(lang.size(), sizeof seed));
  return XXH3_64bits_withSeed(key.data(), key.size(), seed);
}

std::uint64_t english_hash(std::string_view stem) { return XXH3_64bits(stem.data(), stem.size()); }

// A gloss with its strings owned: what the compiler and a user lexicon hold.
struct OwnedGloss {
  std::string key, display;
  float weight;
  bool is_name;
};

bool starts_upper_case(std::string_view word) {
  return !word.empty() && static_cast<unsigned char>(word.front()) < 0x80 && std::isupper(static_cast<unsigned char>(word.front()));
}

// The English concepts of a gloss: the stem of each content word ("grass snake" -> grass, snake;
// "head of state" -> head, state), sharing the entry's weight. Names keep their written form for
// display.
std::vector<OwnedGloss> english_concepts(const std::string& gloss, float weight) {
  thread_local Stemmer english("en");
  std::vector<OwnedGloss> out;
  const bool is_name = starts_upper_case(gloss);
  for (const std::string& word : words(gloss)) {
    const std::string normalized = normalize_for_matching(word);
    if (normalized.size() < 2 || is_stop_word("en", normalized)) continue;
    out.push_back({english.stem(normalized), is_name ? word : normalized, weight, is_name});
  }
  for (auto& g : out) g.weight = weight / static_cast<float>(out.size());
  return out;
}

// Adds glosses to a word's list: one concept appears once (its best weight), best first.
void merge_glosses(std::vector<OwnedGloss>& list, std::vector<OwnedGloss> more) {
  for (auto& g : more) {
    auto same = std::find_if(list.begin(), list.end(), [&](const OwnedGloss& o) { return o.key == g.key; });
    if (same == list.end()) {
      list.push_back(std::move(g));
    } else if (g.weight > same->weight) {
      same->weight = g.weight;
    }
  }
}

// A word that is both a common word and a name (the Wikidata name pairs hold thousands of
// transliterations that are also Russian or Arabic words: день -> Den, лет -> Leth, كتاب -> Kuttab)
// is far more often the common word in news. Its names count for less, so the common glosses
// fill its places; the word keeps its name key (concept_terms), so a real name (Путина) still
// meets its English spelling. Measured: NTREX P@1 ar .755 -> .762, ru .814 -> .821; xling-events
// mean B-cubed F1 over five seeds .909 -> .926.
constexpr float kNameWeightBesideCommonWord = 0.4f;

void weigh_names_below_common_words(std::vector<OwnedGloss>& list) {
  if (std::none_of(list.begin(), list.end(), [](const OwnedGloss& g) { return !g.is_name; })) return;
  for (auto& g : list)
    if (g.is_name) g.weight *= kNameWeightBesideCommonWord;
}

// Best first, the best scaled to weight 1, at most kMaxGlosses.
void rank_glosses(std::vector<OwnedGloss>& list) {
  std::stable_sort(list.begin(), list.end(), [](const OwnedGloss& a, const OwnedGloss& b) { return a.weight > b.weight; });
  if (list.size() > ConceptGlosses::kMaxGlosses) list.resize(ConceptGlosses::kMaxGlosses);
  if (!list.empty() && list.front().weight > 0) {
    const float best = list.front().weight;
    for (auto& g : list) g.weight /= best;
  }
}

using CompiledEntries = std::map<std::pair<std::string, std::string>, std::vector<OwnedGloss>>;

CompiledEntries compile(const std::vector<LexiconEntry>& entries) {
  CompiledEntries compiled;
  for (const LexiconEntry& e : entries) {
    if (e.lang == "en") continue;  // English is the concept language
    std::string key = word_key(e.lang, e.word);
    if (key.empty()) continue;
    auto concepts = english_concepts(e.gloss, e.weight);
    if (concepts.empty()) continue;
    merge_glosses(compiled[{e.lang, std::move(key)}], std::move(concepts));
  }
  for (auto& [word, glosses] : compiled) {
    weigh_names_below_common_words(glosses);
    rank_glosses(glosses);
  }
  return compiled;
}

class StringPool {
 public:
  std::pair<std::uint32_t, std::uint32_t> add(std::string_view s) {
    auto [it, fresh] = offsets_.try_emplace(std::string(s), static_cast<std::uint32_t>(bytes_.size()));
    if (fresh) bytes_.append(s);
    return {it->second, static_cast<std::uint32_t>(s.size())};
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::unordered_map<std::string, std::uint32_t> offsets_;
  std::string bytes_;
};

template <typename T>
void write_array(std::ofstream& out, const std::vector<T>& items) {
  out.write(reinterpret_cast<const char*>(items.data()), static_cast<std::streamsize>(items.size() * sizeof(T)));
}

ConceptGloss view_of(const OwnedGloss& g) { return {g.key, g.display, g.weight, g.is_name}; }

}  // namespace

// ---- reading lexicon files ----

std::vector<LexiconEntry> read_lexicon_tsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) throw LexiconError(path + ": is a directory, not a lexicon file");
  if (!in) throw LexiconError(path + ": cannot open lexicon file: " + std::strerror(errno));
  std::vector<LexiconEntry> entries;
  std::string line;
  std::size_t line_number = 0;
  auto fail = [&](const std::string& message) {
    throw LexiconError(path + ":" + std::to_string(line_number) + ": " + message);
  };
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // byte-order mark
    if (line.empty() || line.front() == '#') continue;
    if (const auto bad = find_invalid_utf8(line)) fail("invalid UTF-8 at byte " + std::to_string(*bad + 1));
    std::vector<std::string> fields;
    std::size_t begin = 0;
    for (std::size_t tab; (tab = line.find('\t', begin)) != std::string::npos; begin = tab + 1)
      fields.push_back(line.substr(begin, tab - begin));
    fields.push_back(line.substr(begin));
    if (fields.size() != 3 && fields.size() != 4)
      fail("expected 3 or 4 tab-separated fields (word, language, English gloss[, weight]), found " +
           std::to_string(fields.size()));
    for (std::size_t f = 0; f < 3; ++f)
      if (is_blank_text(fields[f])) fail(std::string("empty ") + (f == 0 ? "word" : f == 1 ? "language" : "gloss"));
    LexiconEntry entry{fields[0], fields[1], fields[2], 1.0f};
    std::transform(entry.lang.begin(), entry.lang.end(), entry.lang.begin(), [](unsigned char c) { return std::tolower(c); });
    if (entry.lang.size() < 2 || entry.lang.size() > 3 ||
        !std::all_of(entry.lang.begin(), entry.lang.end(), [](unsigned char c) { return c >= 'a' && c <= 'z'; }))
      fail("language '" + fields[1] + "' is not an ISO 639 code such as ar, ru, fr");
    if (fields.size() == 4) {
      const std::string& w = fields[3];
      const auto [end, error] = std::from_chars(w.data(), w.data() + w.size(), entry.weight);
      if (error != std::errc() || end != w.data() + w.size() || !(entry.weight > 0 && entry.weight <= 1))
        fail("weight '" + w + "' is not a number in (0, 1]");
    }
    entries.push_back(std::move(entry));
  }
  if (in.bad()) throw LexiconError(path + ": read error");
  return entries;
}

std::string word_key(std::string_view lang, std::string_view word) {
  thread_local std::map<std::string, Stemmer, std::less<>> stemmers;
  const std::string normalized = normalize_for_matching(word);
  if (normalized.empty()) return {};
  auto it = stemmers.find(lang);
  if (it == stemmers.end()) it = stemmers.emplace(std::string(lang), Stemmer(lang)).first;
  return it->second.stem(normalized);
}

// ---- the table ----

struct ConceptTable::Impl {
  // The mapped file (absent for an empty table).
  const std::uint8_t* base = nullptr;
  std::size_t length = 0;
  const FileHeader* header = nullptr;
  const FileEntry* entries = nullptr;
  const FileGloss* glosses = nullptr;
  const std::uint64_t* common_english = nullptr;
  const char* strings = nullptr;
  std::vector<std::string> file_languages;
  // The common English stems as a hash set: asked for every English word of every document, where
  // a binary search over the mapped array cost 3% of `cluster`.
  std::unordered_set<std::uint64_t> common_english_set;

  // A user's lexicons on top.
  std::unordered_map<std::uint64_t, std::vector<OwnedGloss>> added;
  std::vector<std::uint64_t> added_common_english;  // sorted
  std::vector<std::string> added_languages;

  ~Impl() {
    if (base) ::munmap(const_cast<std::uint8_t*>(base), length);
  }

  std::string_view string_at(std::uint32_t offset, std::uint32_t length) const { return {strings + offset, length}; }

  const FileEntry* find_entry(std::uint64_t hash) const {
    if (!header) return nullptr;
    const FileEntry* end = entries + header->entry_count;
    const FileEntry* it = std::lower_bound(entries, end, hash, [](const FileEntry& e, std::uint64_t h) { return e.hash < h; });
    return it != end && it->hash == hash ? it : nullptr;
  }
};

ConceptTable::ConceptTable() : impl_(std::make_unique<Impl>()) {}
ConceptTable::~ConceptTable() = default;
ConceptTable::ConceptTable(ConceptTable&&) noexcept = default;
ConceptTable& ConceptTable::operator=(ConceptTable&&) noexcept = default;

ConceptTable ConceptTable::open(const std::string& path) {
  ConceptTable table;
  Impl& t = *table.impl_;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw LexiconError(path + ": cannot open concept table: " + std::strerror(errno));
  struct stat info {};
  if (::fstat(fd, &info) != 0 || info.st_size < static_cast<off_t>(sizeof(FileHeader))) {
    ::close(fd);
    throw LexiconError(path + ": not a concept table (too short)");
  }
  t.length = static_cast<std::size_t>(info.st_size);
  void* mapped = ::mmap(nullptr, t.length, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  // No address space left is the system's failure, not a bad table: a run-time error (exit 1).
  if (mapped == MAP_FAILED) throw std::system_error(errno, std::generic_category(), path + ": cannot map concept table");
  t.base = static_cast<const std::uint8_t*>(mapped);
  t.header = reinterpret_cast<const FileHeader*>(t.base);
  if (std::memcmp(t.header->magic, kMagic, sizeof kMagic) != 0 || t.header->version != kFormatVersion)
    throw LexiconError(path + ": not a concept table of format version " + std::to_string(kFormatVersion) +
                       " (rebuild it: cmake --build)");
  const std::size_t need = sizeof(FileHeader) + t.header->entry_count * sizeof(FileEntry) +
                           t.header->gloss_count * sizeof(FileGloss) +
                           t.header->common_english_count * sizeof(std::uint64_t) + t.header->string_bytes;
  if (need != t.length) throw LexiconError(path + ": concept table is truncated or damaged");
  const std::uint8_t* at = t.base + sizeof(FileHeader);
  t.entries = reinterpret_cast<const FileEntry*>(at);
  at += t.header->entry_count * sizeof(FileEntry);
  t.glosses = reinterpret_cast<const FileGloss*>(at);
  at += t.header->gloss_count * sizeof(FileGloss);
  t.common_english = reinterpret_cast<const std::uint64_t*>(at);
  at += t.header->common_english_count * sizeof(std::uint64_t);
  t.strings = reinterpret_cast<const char*>(at);
  const std::string_view languages = t.string_at(t.header->languages_offset, t.header->languages_length);
  for (const std::string& lang : words(languages)) t.file_languages.push_back(lang);
  t.common_english_set.insert(t.common_english, t.common_english + t.header->common_english_count);
  return table;
}

void ConceptTable::add(const std::vector<LexiconEntry>& entries) {
  Impl& t = *impl_;
  for (auto& [word, glosses] : compile(entries)) {
    auto& list = t.added[entry_hash(word.first, word.second)];
    for (const auto& g : glosses)
      if (!g.is_name) t.added_common_english.push_back(english_hash(g.key));
    merge_glosses(list, std::move(glosses));
    rank_glosses(list);
    if (std::find(t.added_languages.begin(), t.added_languages.end(), word.first) == t.added_languages.end())
      t.added_languages.push_back(word.first);
  }
  std::sort(t.added_common_english.begin(), t.added_common_english.end());
}

ConceptGlosses ConceptTable::glosses(std::string_view lang, std::string_view key) const {
  const Impl& t = *impl_;
  ConceptGlosses out;
  if (lang == "en" || key.empty()) return out;
  const std::uint64_t hash = entry_hash(lang, key);
  auto push = [&](const ConceptGloss& g) {
    if (out.count == ConceptGlosses::kMaxGlosses) return;
    for (std::size_t i = 0; i < out.count; ++i)
      if (out.items[i].key == g.key) return;
    out.items[out.count++] = g;
  };
  if (!t.added.empty()) {
    if (const auto it = t.added.find(hash); it != t.added.end())
      for (const auto& g : it->second) push(view_of(g));
  }
  if (const FileEntry* e = t.find_entry(hash)) {
    for (std::uint32_t i = 0; i < e->gloss_count; ++i) {
      const FileGloss& g = t.glosses[e->first_gloss + i];
      push({t.string_at(g.key_offset, g.key_length), t.string_at(g.display_offset, g.display_length), g.weight, g.is_name != 0});
    }
  }
  return out;
}

bool ConceptTable::is_common_english(std::string_view english_stem) const {
  const Impl& t = *impl_;
  const std::uint64_t hash = english_hash(english_stem);
  if (t.common_english_set.count(hash) != 0) return true;
  return std::binary_search(t.added_common_english.begin(), t.added_common_english.end(), hash);
}

bool ConceptTable::covers(std::string_view lang) const {
  if (lang == "en") return true;
  const Impl& t = *impl_;
  auto has = [&](const std::vector<std::string>& list) { return std::find(list.begin(), list.end(), lang) != list.end(); };
  return has(t.file_languages) || has(t.added_languages);
}

std::size_t ConceptTable::size() const {
  return (impl_->header ? impl_->header->entry_count : 0) + impl_->added.size();
}

// ---- writing the binary table ----

void write_concept_table(const std::vector<LexiconEntry>& entries, const std::string& path) {
  const CompiledEntries compiled = compile(entries);
  StringPool strings;
  std::vector<FileEntry> file_entries;
  std::vector<FileGloss> file_glosses;
  std::vector<std::uint64_t> common_english;
  std::vector<std::string> languages;
  for (const auto& [word, glosses] : compiled) {
    file_entries.push_back({entry_hash(word.first, word.second), static_cast<std::uint32_t>(file_glosses.size()),
                            static_cast<std::uint32_t>(glosses.size())});
    for (const OwnedGloss& g : glosses) {
      const auto key = strings.add(g.key);
      const auto display = strings.add(g.display);
      file_glosses.push_back({key.first, key.second, display.first, display.second, g.weight, g.is_name ? 1u : 0u});
      if (!g.is_name) common_english.push_back(english_hash(g.key));
    }
    if (std::find(languages.begin(), languages.end(), word.first) == languages.end()) languages.push_back(word.first);
  }
  // Two words of different languages or keys that hash alike would shadow each other: at 64 bits
  // this never happens in practice, but a build that hit it must not silently lose an entry.
  std::sort(file_entries.begin(), file_entries.end(), [](const FileEntry& a, const FileEntry& b) { return a.hash < b.hash; });
  for (std::size_t i = 1; i < file_entries.size(); ++i)
    if (file_entries[i].hash == file_entries[i - 1].hash) throw LexiconError(path + ": two lexicon keys share a hash");
  std::sort(common_english.begin(), common_english.end());
  common_english.erase(std::unique(common_english.begin(), common_english.end()), common_english.end());
  std::sort(languages.begin(), languages.end());
  std::string language_list;
  for (const auto& lang : languages) language_list += (language_list.empty() ? "" : ",") + lang;
  const auto languages_at = strings.add(language_list);

  FileHeader header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.version = kFormatVersion;
  header.entry_count = static_cast<std::uint32_t>(file_entries.size());
  header.gloss_count = static_cast<std::uint32_t>(file_glosses.size());
  header.common_english_count = static_cast<std::uint32_t>(common_english.size());
  header.string_bytes = static_cast<std::uint32_t>(strings.bytes().size());
  header.languages_offset = languages_at.first;
  header.languages_length = languages_at.second;

  // Written beside the target and renamed into place: a failed build never leaves half a table.
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(&header), sizeof header);
    write_array(out, file_entries);
    write_array(out, file_glosses);
    write_array(out, common_english);
    out.write(strings.bytes().data(), static_cast<std::streamsize>(strings.bytes().size()));
    out.close();
    if (!out) throw LexiconError(temporary + ": cannot write concept table");
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0)
    throw LexiconError(path + ": cannot move the concept table into place: " + std::strerror(errno));
}

}  // namespace parallax
