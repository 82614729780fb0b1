#include "text/stem.hpp"

#include <libstemmer.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <iterator>
#include <vector>

#include "lexicon/unstemmed_words.hpp"
#include "text/languages.hpp"
#include "text/utf8.hpp"

namespace parallax {
namespace {

// --- Arabic light stemming -------------------------------------------------------------------

// The article, alone or after the prepositions ب ك ل (ل + ال is written لل); longest first.
constexpr std::string_view kArticles[] = {"بال", "كال", "لل", "ال"};
constexpr std::string_view kConjunctions[] = {"و", "ف"};
constexpr std::size_t kMinPrefixRemainder = 3;

struct ArabicSuffix {
  std::string_view text;
  std::size_t min_stem;  // letters that must remain: 4 where names often end so (بوتين, ايران)
};
// One suffix at most from each group, in this order: attached pronoun, plural or dual ending,
// then the feminine ending (ة, normalized to ه), so that اتفاقياتها -> اتفاقي, like اتفاقيه.
constexpr ArabicSuffix kPronounSuffixes[] = {{"هما", 4}, {"هم", 4}, {"ها", 3}};
constexpr ArabicSuffix kNumberSuffixes[] = {{"ات", 3}, {"ون", 4}, {"ين", 4}, {"ان", 4}};
constexpr ArabicSuffix kFeminineSuffixes[] = {{"ه", 3}};

// Affix tests written out byte by byte: string_view's starts_with/ends_with call memcmp, which
// costs more than comparing these 2 to 6 bytes, and they run a dozen times per Arabic word.
bool has_prefix(std::string_view word, std::string_view prefix) {
  if (word.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (word[i] != prefix[i]) return false;
  }
  return true;
}

bool has_suffix(std::string_view word, std::string_view suffix) {
  if (word.size() < suffix.size()) return false;
  const std::size_t offset = word.size() - suffix.size();
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    if (word[offset + i] != suffix[i]) return false;
  }
  return true;
}

template <typename Prefixes>
bool strip_one_prefix(std::string_view& word, const Prefixes& prefixes) {
  for (std::string_view prefix : prefixes) {
    if (has_prefix(word, prefix) &&
        utf8::count_code_points(word.substr(prefix.size())) >= kMinPrefixRemainder) {
      word.remove_prefix(prefix.size());
      return true;
    }
  }
  return false;
}

template <typename Suffixes>
void strip_one_suffix(std::string_view& word, const Suffixes& suffixes) {
  for (const ArabicSuffix& suffix : suffixes) {
    if (has_suffix(word, suffix.text) &&
        utf8::count_code_points(word.substr(0, word.size() - suffix.text.size())) >=
            suffix.min_stem) {
      word.remove_suffix(suffix.text.size());
      return;
    }
  }
}

// Prefixes are stripped until none is left rather than once, so that a word gets the same stem
// with and without a conjunction even when its own first letter is و (وزير, ووزير, والوزير).
std::string_view strip_arabic_prefixes(std::string_view word) {
  while (!is_unstemmed_arabic_word(word) &&
         (strip_one_prefix(word, kArticles) || strip_one_prefix(word, kConjunctions))) {
  }
  return word;
}

// --- Snowball --------------------------------------------------------------------------------

bool libstemmer_has(const char* algorithm) {
  for (const char** name = sb_stemmer_list(); *name != nullptr; ++name) {
    if (std::strcmp(*name, algorithm) == 0) return true;
  }
  return false;
}

}  // namespace

std::string light_stem_arabic(std::string_view normalized_word) {
  std::string_view word = strip_arabic_prefixes(normalized_word);
  if (!is_unstemmed_arabic_word(word)) {
    strip_one_suffix(word, kPronounSuffixes);
    strip_one_suffix(word, kNumberSuffixes);
    strip_one_suffix(word, kFeminineSuffixes);
  }
  return std::string(word);
}

// Stems of recently seen words. News vocabulary is Zipf-distributed, so a few thousand words make
// up most tokens, and a lookup costs a fraction of stemming (Snowball takes over 40% of English
// analysis without it). Direct-mapped: a word has one slot, chosen by its hash, and a newer word
// takes the slot over, so the frequent words stay. One probe per lookup: the node-based hash map
// it replaces cost about 16% of analysis time in lookups alone (measured on the scale benchmark).
// It starts small and doubles while misses outnumber its slots, up to kMaxCapacity: a stemmer made
// for one comparison of a few claims (`report` makes several per event) no longer fills 1.2 MB
// of slots it never uses (that was over a tenth of a report's CPU, most of it page faults).
class StemCache {
 public:
  const std::string* find(std::string_view word) const {
    if (slots_.empty()) return nullptr;
    const Slot& slot = slots_[slot_of(word)];
    return slot.used && slot.word == word ? &slot.stem : nullptr;
  }

  void add(std::string_view word, const std::string& stem) {
    if (slots_.empty()) {
      slots_.resize(kInitialCapacity);
    } else if (++misses_ > slots_.size() && slots_.size() < kMaxCapacity) {
      grow();
    }
    Slot& slot = slots_[slot_of(word)];
    slot.word.assign(word);
    slot.stem = stem;
    slot.used = true;
  }

 private:
  static constexpr std::size_t kInitialCapacity = 1 << 8;  // powers of two
  static constexpr std::size_t kMaxCapacity = 1 << 14;
  struct Slot {
    std::string word, stem;
    bool used = false;
  };

  std::size_t slot_of(std::string_view word) const {
    return std::hash<std::string_view>{}(word) & (slots_.size() - 1);
  }

  // Twice the slots, the words kept in their new places.
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (Slot& s : old)
      if (s.used) slots_[slot_of(s.word)] = std::move(s);
    misses_ = 0;
  }

  std::vector<Slot> slots_;
  std::size_t misses_ = 0;  // words added since the last growth
};

struct Stemmer::Impl {
  bool arabic = false;
  sb_stemmer* snowball = nullptr;  // null for Arabic and for the identity stemmer
  StemCache cache;

  ~Impl() { sb_stemmer_delete(snowball); }

  std::string stem_uncached(std::string_view word) {
    if (arabic) return light_stem_arabic(word);
    const sb_symbol* stem = sb_stemmer_stem(
        snowball, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (stem == nullptr) return std::string(word);  // out of memory inside libstemmer
    return std::string(reinterpret_cast<const char*>(stem),
                       static_cast<std::size_t>(sb_stemmer_length(snowball)));
  }
};

Stemmer::Stemmer(std::string_view lang) : impl_(std::make_unique<Impl>()) {
  const StemmerLanguage* language = find_stemmer_language(lang);
  if (language == nullptr) return;
  impl_->arabic = language->code == "ar";
  if (!impl_->arabic) impl_->snowball = sb_stemmer_new(language->snowball_name, nullptr);
}

Stemmer::~Stemmer() = default;
Stemmer::Stemmer(Stemmer&&) noexcept = default;
Stemmer& Stemmer::operator=(Stemmer&&) noexcept = default;

std::string Stemmer::stem(std::string_view word) {
  if (is_identity()) return std::string(word);
  if (const std::string* cached = impl_->cache.find(word)) return *cached;
  std::string stem = impl_->stem_uncached(word);
  impl_->cache.add(word, stem);
  return stem;
}

bool Stemmer::is_identity() const {
  return !impl_ || (!impl_->arabic && impl_->snowball == nullptr);
}

std::vector<std::string> stemmer_languages() {
  std::vector<std::string> codes;
  for (const StemmerLanguage& language : kStemmerLanguages) {
    if (language.code == "ar" || libstemmer_has(language.snowball_name)) {
      codes.emplace_back(language.code);
    }
  }
  return codes;
}

}  // namespace parallax
