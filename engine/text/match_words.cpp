#include "text/match_words.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uscript.h>

// The ASCII block reader needs SSE2 (every x86-64); elsewhere, or with PARALLAX_SCALAR_WORDS
// defined (to compare the two paths), every byte goes through the per-byte reader.
#if defined(__SSE2__) && !defined(PARALLAX_SCALAR_WORDS)
#define PARALLAX_SSE2_WORDS 1
#include <emmintrin.h>
#endif

#include <array>
#include <atomic>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "text/word_hash.hpp"

namespace parallax {
namespace {

// What a code point is to the word reader, after folding.
enum class CharKind : std::uint8_t {
  Separator,
  Letter,
  Digit,
  Mark,          // continues a word (combining marks)
  Ideograph,     // a word by itself (scripts written without spaces)
  InfixLetterOrDigit,  // ' and . : inside a word between two letters or two digits
  InfixDigit,          // , : inside a number between two digits
  Ignorable,     // folds to nothing (Arabic tashkeel, tatweel, soft hyphen, zero-width marks)
  Expansion,     // folds to several code points (ligatures, Arabic presentation forms)
};

// One code point's fold. `bytes` holds the folded code point's UTF-8 (length bytes), or for an
// Expansion the offset of its code points in the expansion pool (length code points).
struct FoldEntry {
  CharKind kind = CharKind::Separator;
  std::uint8_t script = static_cast<std::uint8_t>(Script::None);  // letters only
  std::uint8_t length = 0;
  bool needs_icu = false;  // its normalization depends on its neighbours
  std::array<std::uint8_t, 4> bytes{};
};

bool writes_without_spaces(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(c, &status)) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
      return true;
    default:
      return false;
  }
}

// The kind of a code point that folding leaves as it is.
CharKind kind_of_folded(UChar32 c) {
  if (c == '\'' || c == '.') return CharKind::InfixLetterOrDigit;
  if (c == ',') return CharKind::InfixDigit;
  if (u_isdigit(c)) return CharKind::Digit;
  if (U_GET_GC_MASK(c) & U_GC_M_MASK) return CharKind::Mark;
  if (u_isalnum(c)) return writes_without_spaces(c) ? CharKind::Ideograph : CharKind::Letter;
  return CharKind::Separator;
}

// The fold of every code point, built with ICU block by block (64 code points, the span of one
// two-byte UTF-8 lead byte) at the first use of a code point of the block. Building all 65,536
// BMP entries up front cost about 2 ms of CPU per process (an ICU normalization and a few property
// look-ups per code point), a tenth of `parallax dedup` on 1k documents, while a corpus touches a
// few dozen blocks (Latin-1, Cyrillic, Arabic, general punctuation). Blocks are built under a
// mutex and published through an atomic pointer; readers on other threads see either no block or
// a complete one, and a block never changes once published.
class FoldTable {
 public:
  static constexpr int kBlockBits = 6;
  static constexpr UChar32 kBlockSize = UChar32{1} << kBlockBits;

  // Entries of one block, and the code points of its expansions (FoldEntry::bytes holds an
  // offset into `expansions` for an Expansion entry).
  struct Block {
    std::array<FoldEntry, kBlockSize> entries;
    std::vector<UChar32> expansions;
  };

  // The block holding BMP code point c, built on first use.
  [[gnu::always_inline]] const Block& block_of(UChar32 c) const {
    const Block* b = blocks_[c >> kBlockBits].load(std::memory_order_acquire);
    return b != nullptr ? *b : build_block(c >> kBlockBits);
  }

  const FoldEntry& entry(UChar32 c, FoldEntry& scratch) const {
    if (c < 0x10000) return block_of(c).entries[c & (kBlockSize - 1)];
    scratch = make_entry(c, nullptr);
    return scratch;
  }

  // The code points an Expansion entry of code point c stands for (e.length of them). A
  // supplementary code point has no block: its expansion was left to ICU (length 0), and
  // reading its block index ran past the table (found by fuzz_word_reader_diff).
  const UChar32* expansion(UChar32 c, const FoldEntry& e) const {
    if (e.length == 0 || c >= 0x10000) return nullptr;
    std::uint32_t offset;
    static_assert(sizeof offset == sizeof e.bytes);
    std::memcpy(&offset, e.bytes.data(), sizeof offset);
    return block_of(c).expansions.data() + offset;
  }

 private:
  const Block& build_block(UChar32 index) const {
    const std::lock_guard<std::mutex> lock(building_);
    if (const Block* b = blocks_[index].load(std::memory_order_relaxed)) return *b;  // built meanwhile
    auto block = std::make_unique<Block>();
    for (UChar32 k = 0; k < kBlockSize; ++k) {
      const UChar32 c = (index << kBlockBits) | k;
      // A surrogate never comes out of the UTF-8 decoder (it reads U+FFFD instead).
      block->entries[k] = U_IS_SURROGATE(c) ? FoldEntry{} : make_entry(c, &block->expansions);
    }
    const Block* published = (owned_[index] = std::move(block)).get();
    blocks_[index].store(published, std::memory_order_release);
    return *published;
  }

  // Folds c exactly as normalize_for_matching folds it when it stands alone; that equals its fold
  // inside any text when c starts a normalization segment (ICU's hasBoundaryBefore). Code points
  // that fold to nothing never need the neighbours: the tashkeel compose with no letter.
  // Expansions go to `expansions`; without one (supplementary planes) they are left to ICU.
  static FoldEntry make_entry(UChar32 c, std::vector<UChar32>* expansions) {
    std::string alone;
    utf8::append(alone, c);
    const std::string folded = normalize_for_matching(alone);
    FoldEntry e;
    if (folded.empty()) {
      e.kind = CharKind::Ignorable;
      return e;
    }
    e.needs_icu = !normalizer().hasBoundaryBefore(c);
    std::size_t i = 0;
    const UChar32 first = utf8::next(folded, i);
    if (i == folded.size()) {
      e.kind = kind_of_folded(first);
      e.length = static_cast<std::uint8_t>(folded.size());
      std::memcpy(e.bytes.data(), folded.data(), folded.size());
      if (e.kind == CharKind::Letter) e.script = static_cast<std::uint8_t>(letter_script(first));
      return e;
    }
    e.kind = CharKind::Expansion;
    std::vector<UChar32> parts{first};
    while (i < folded.size()) parts.push_back(utf8::next(folded, i));
    if (expansions == nullptr || parts.size() > 0xff) {
      e.needs_icu = true;  // rare enough (supplementary planes) to leave to ICU
      e.length = 0;
      return e;
    }
    const auto offset = static_cast<std::uint32_t>(expansions->size());
    expansions->insert(expansions->end(), parts.begin(), parts.end());
    std::memcpy(e.bytes.data(), &offset, sizeof offset);
    e.length = static_cast<std::uint8_t>(parts.size());
    return e;
  }

  static const icu::Normalizer2& normalizer() {
    static const icu::Normalizer2* const instance = [] {
      UErrorCode status = U_ZERO_ERROR;
      const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
      if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold is unavailable");
      return n;
    }();
    return *instance;
  }

  static constexpr std::size_t kBlocks = 0x10000 >> kBlockBits;
  mutable std::array<std::atomic<const Block*>, kBlocks> blocks_{};
  mutable std::array<std::unique_ptr<Block>, kBlocks> owned_{};  // what blocks_ points to
  mutable std::mutex building_;
};

const FoldTable& fold_table() {
  static const FoldTable table;  // its blocks are built on demand (thread-safe)
  return table;
}

// ASCII needs no fold table: the common case in Latin text and in the digits and punctuation of
// every script.
struct AsciiFold {
  std::array<CharKind, 128> kind{};
  std::array<std::uint8_t, 128> lower{};
};

constexpr AsciiFold make_ascii_fold() {
  AsciiFold t{};
  for (int b = 0; b < 128; ++b) {
    const bool upper = b >= 'A' && b <= 'Z';
    t.lower[b] = static_cast<std::uint8_t>(upper ? b | 0x20 : b);
    if (upper || (b >= 'a' && b <= 'z')) {
      t.kind[b] = CharKind::Letter;
    } else if (b >= '0' && b <= '9') {
      t.kind[b] = CharKind::Digit;
    } else if (b == '\'' || b == '.') {
      t.kind[b] = CharKind::InfixLetterOrDigit;
    } else if (b == ',') {
      t.kind[b] = CharKind::InfixDigit;
    } else {
      t.kind[b] = CharKind::Separator;
    }
  }
  return t;
}

constexpr AsciiFold kAscii = make_ascii_fold();

bool is_ascii_word_byte(std::uint8_t b) {
  return b < 0x80 && (kAscii.kind[b] == CharKind::Letter || kAscii.kind[b] == CharKind::Digit);
}

// Builds words one folded code point at a time; an infix (' . ,) is held back until the next code
// point shows whether it joins two letters or two digits. The word lives in a plain buffer: this
// runs once per byte of every document.
template <typename Emit>
class WordBuilder {
 public:
  WordBuilder(std::string& buffer, Emit& emit) : buffer_(buffer), emit_(emit) {
    if (buffer_.size() < 256) buffer_.resize(256);
  }

  // The common case, kept small enough to inline: a letter inside a word or starting one.
  [[gnu::always_inline]] void add_letter(const std::uint8_t* bytes, std::size_t length) {
    if (held_infix_ != 0 || in_ideograph_ || length_ + 4 + kWordHashPadding > buffer_.size()) {
      add(CharKind::Letter, bytes, length);
      return;
    }
    std::memcpy(buffer_.data() + length_, bytes, 4);  // a whole entry: the buffer has room
    length_ += length;
    last_kind_ = CharKind::Letter;
  }

  void add(CharKind kind, const std::uint8_t* bytes, std::size_t length) {
    // An ideograph is a word by itself, with the marks that follow it (Thai vowel signs).
    if (in_ideograph_ && kind != CharKind::Mark && kind != CharKind::Ignorable) end_word();
    switch (kind) {
      case CharKind::Letter:
      case CharKind::Digit:
        if (held_infix_ != 0) resolve_infix(kind);
        append(bytes, length);
        last_kind_ = kind;
        break;
      case CharKind::Mark:
        if (held_infix_ != 0) end_word();
        append(bytes, length);
        break;
      case CharKind::InfixLetterOrDigit:
      case CharKind::InfixDigit:
        if (held_infix_ != 0 || length_ == 0) {
          end_word();
        } else {
          held_infix_ = static_cast<char>(bytes[0]);
          held_kind_ = kind;
        }
        break;
      case CharKind::Ideograph:
        end_word();
        append(bytes, length);
        in_ideograph_ = true;
        break;
      case CharKind::Ignorable:
        break;
      case CharKind::Separator:
      case CharKind::Expansion:  // expanded by the caller
        end_word();
        break;
    }
  }

  // A run of ASCII letters and digits [begin, end), lower-cased on the way in; counts its letters.
  [[gnu::always_inline]] void add_ascii_run(const std::uint8_t* begin, const std::uint8_t* end,
                                            std::uint64_t& letters) {
    if (in_ideograph_) end_word();
    if (held_infix_ != 0) resolve_infix(kAscii.kind[*begin]);
    reserve(static_cast<std::size_t>(end - begin));
    char* out = buffer_.data() + length_;
    for (const std::uint8_t* p = begin; p != end; ++p) {
      *out++ = static_cast<char>(kAscii.lower[*p]);
      letters += *p > '9';
    }
    length_ += static_cast<std::size_t>(end - begin);
    last_kind_ = kAscii.kind[end[-1]];
  }

  // A run of two-byte letters (Arabic, Cyrillic, Greek, Hebrew: the bulk of non-Latin news) in
  // one tight loop, words separated by single spaces included; stops before anything else (or a
  // letter that needs ICU, unless the text is normalized already) and leaves it to the general
  // path. Advances p past what it took.
  // `blocks` caches the table's blocks by lead byte (U+0000..U+07FF: 32 blocks of 64) for the
  // text being read: a plain array the loop can keep in registers, where the table's published
  // pointers are atomics (reading those for every letter made this loop 6% slower).
  void add_two_byte_letters(const std::uint8_t*& p, const std::uint8_t* end, const FoldTable& table,
                            const FoldTable::Block* (&blocks)[32], std::uint64_t* letters, bool normalized) {
    if (held_infix_ != 0 || in_ideograph_) return;
    const std::uint8_t* word_start = p;
    while (end - p >= 2) {
      if (p[0] == ' ' && p[1] >= 0xC2 && p[1] < 0xE0) {
        // A space between two words of this script ends the word here, as the per-byte reader
        // would, and the next word is read on in this loop (leaving it for every word cost the
        // dispatch of the space and of the next letter).
        end_word();
        word_start = ++p;
        continue;
      }
      if (!(p[0] >= 0xC2 && p[0] < 0xE0 && (p[1] & 0xC0) == 0x80)) break;
      const FoldTable::Block*& block = blocks[p[0] & 0x1F];
      if (block == nullptr) block = &table.block_of((p[0] & 0x1F) << 6);
      const FoldEntry& e = block->entries[p[1] & 0x3F];
      if (e.kind != CharKind::Letter || (e.needs_icu && !normalized)) break;
      reserve(4);
      std::memcpy(buffer_.data() + length_, e.bytes.data(), 4);  // a whole entry: reserve left room
      length_ += e.length;
      ++letters[e.script];
      p += 2;
    }
    if (p != word_start) last_kind_ = CharKind::Letter;
  }

  // No word in progress: what comes next starts a word of its own.
  bool is_clean() const { return length_ == 0 && !in_ideograph_; }

  [[gnu::always_inline]] void end_word() {
    if (length_ != 0) emit_(std::string_view(buffer_.data(), length_));
    length_ = 0;
    held_infix_ = 0;
    last_kind_ = CharKind::Separator;
    in_ideograph_ = false;
  }

 private:
  void resolve_infix(CharKind next) {
    const bool joins = next == last_kind_ && (next == CharKind::Digit || held_kind_ == CharKind::InfixLetterOrDigit);
    if (joins) {
      const auto infix = static_cast<std::uint8_t>(held_infix_);
      held_infix_ = 0;
      append(&infix, 1);
    } else {
      end_word();
    }
  }

  // Keeps kWordHashPadding bytes of slack past the word for word_hash_padded.
  void reserve(std::size_t extra) {
    if (length_ + extra + kWordHashPadding > buffer_.size()) buffer_.resize(2 * (length_ + extra + kWordHashPadding));
  }

  void append(const std::uint8_t* bytes, std::size_t length) {
    reserve(length);
    std::memcpy(buffer_.data() + length_, bytes, length);
    length_ += length;
  }

  std::string& buffer_;
  std::size_t length_ = 0;
  Emit& emit_;
  char held_infix_ = 0;
  CharKind held_kind_ = CharKind::Separator;
  CharKind last_kind_ = CharKind::Separator;  // of the last letter or digit in the word
  bool in_ideograph_ = false;
};

#if defined(PARALLAX_SSE2_WORDS)
// Plain ASCII prose, 64 bytes at a time: SSE2 masks of letters, digits and the bytes that need
// the per-byte reader (non-ASCII, and ' . , after a word byte where what follows is unknown);
// every run of word bytes that ends inside the block before such a byte is lower-cased and
// emitted as a word. Starts at a word with no word in progress and returns where the per-byte
// reader goes on (at p itself when it could take nothing). Reading the words of the 100k scale
// corpus (73% English by bytes) took 0.63 s through here against 0.87 s byte by byte.
struct AsciiBlockMasks {
  std::uint64_t word = 0, letters = 0, stop = 0;  // stop: the per-byte reader must take over
  std::uint64_t apostrophes = 0;  // where a U+2019 inside a word starts (E2 80 99, read as ')
  alignas(16) std::uint8_t lowered[64 + kWordHashPadding];
};

// Bytes of b in [lo, hi] as one unsigned comparison: b - lo <= hi - lo, in SSE2's signed compare
// by moving the range to the bottom of the signed bytes (two instructions, not three).
inline __m128i bytes_in_range(__m128i b, char lo, char hi) {
  return _mm_cmplt_epi8(_mm_add_epi8(b, _mm_set1_epi8(static_cast<char>(0x80 - lo))),
                        _mm_set1_epi8(static_cast<char>(0x80 + (hi - lo + 1))));
}

inline __m128i bytes_equal(__m128i b, unsigned char value) { return _mm_cmpeq_epi8(b, _mm_set1_epi8(static_cast<char>(value))); }

// The 16 bits of a 16-byte compare result, at its place among the block's 64.
inline std::uint64_t block_bits(__m128i v, int k) {
  return static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(v))) << (16 * k);
}

// Where the block's three-byte sequences E2 80 xx start that the block reader takes itself: the
// typographic quotes and dashes of English news (U+2013 U+2014 U+2018 U+201C U+201D: xx = 93, 94,
// 98, 9C, 9D) fold to themselves and separate words, as a space does; U+2019 (xx = 99), the
// apostrophe, folds to ' and is an infix like it. Looked for only in blocks with non-ASCII bytes.
inline void typographic_marks(const std::uint8_t* p, std::uint64_t& punctuation_start, std::uint64_t& apostrophe_start) {
  std::uint64_t lead = 0, second = 0, third = 0, apostrophe = 0;
  for (int k = 0; k < 4; ++k) {
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    lead |= block_bits(bytes_equal(b, 0xE2), k);
    second |= block_bits(bytes_equal(b, 0x80), k);
    third |= block_bits(_mm_or_si128(_mm_or_si128(bytes_in_range(b, '\x93', '\x94'), bytes_equal(b, 0x98)),
                                     bytes_in_range(b, '\x9C', '\x9D')),
                        k);
    apostrophe |= block_bits(bytes_equal(b, 0x99), k);
  }
  const std::uint64_t e2_80 = lead & (second >> 1);
  punctuation_start = e2_80 & (third >> 2);
  apostrophe_start = e2_80 & (apostrophe >> 2);
}

inline void ascii_block_masks(const std::uint8_t* p, AsciiBlockMasks& m) {
  // Each 16-byte compare goes to its bits at once: kept as vectors for the whole block, they
  // outnumbered SSE2's 16 registers.
  std::uint64_t letters = 0, digits = 0, letter_infixes = 0, commas = 0, high = 0;
  for (int k = 0; k < 4; ++k) {
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    // A letter of either case is in a-z once 0x20 is set: one range for both, and that bit
    // lower-cases it (no other byte changes).
    const __m128i case_bit = _mm_set1_epi8(0x20);
    const __m128i letter = bytes_in_range(_mm_or_si128(b, case_bit), 'a', 'z');
    letters |= block_bits(letter, k);
    digits |= block_bits(bytes_in_range(b, '0', '9'), k);
    letter_infixes |= block_bits(_mm_or_si128(bytes_equal(b, '.'), bytes_equal(b, '\'')), k);
    commas |= block_bits(bytes_equal(b, ','), k);
    high |= block_bits(b, k);  // the sign bit marks non-ASCII bytes
    _mm_store_si128(reinterpret_cast<__m128i*>(m.lowered + 16 * k), _mm_or_si128(b, _mm_and_si128(letter, case_bit)));
  }
  std::uint64_t punctuation_start = 0, apostrophe_start = 0;
  if (high != 0) typographic_marks(p, punctuation_start, apostrophe_start);
  const auto three_bytes = [](std::uint64_t starts) { return starts | (starts << 1) | (starts << 2); };
  const std::uint64_t non_ascii = high & ~three_bytes(punctuation_start | apostrophe_start);
  // An infix between two bytes of the same kind joins them into one word, as the per-byte reader
  // joins them: ' and . between two letters or two digits ("don't", "u.s", "3.5"), , between two
  // digits ("1,000"). Between other bytes it separates words, like a space; before a non-ASCII
  // byte (a letter such as the É of "l'Élysée", as the per-byte reader would join it) or at the
  // block's end it may join: that is left to the per-byte reader.
  const auto between = [](std::uint64_t kind) { return (kind << 1) & (kind >> 1); };
  const std::uint64_t joined = (letter_infixes & (between(letters) | between(digits))) | (commas & between(digits));
  // The same for U+2019, three bytes wide: the bytes before its first and after its last.
  const auto around_apostrophe = [](std::uint64_t kind) { return (kind << 1) & (kind >> 3); };
  m.apostrophes = apostrophe_start & (around_apostrophe(letters) | around_apostrophe(digits));
  m.letters = letters;
  m.word = letters | digits | joined | three_bytes(m.apostrophes);
  const std::uint64_t after_word = (letter_infixes | commas) & ((letters | digits) << 1);
  const std::uint64_t undecided = after_word & ((non_ascii >> 1) | (std::uint64_t{1} << 63));
  const std::uint64_t undecided_apostrophe =
      apostrophe_start & ((letters | digits) << 1) & ((non_ascii >> 3) | (std::uint64_t{1} << 61));
  m.stop = non_ascii | undecided | undecided_apostrophe;
}

// A run holding U+2019 apostrophes (m.apostrophes: where each starts, relative to the run) as the
// per-byte reader reads it, with ' for each; written to `out`, which keeps kWordHashPadding bytes
// of room past the word. Returns its length.
inline std::size_t with_ascii_apostrophes(const std::uint8_t* run, std::size_t length, std::uint64_t apostrophes,
                                          char* out) {
  std::size_t written = 0;
  for (std::size_t i = 0; i < length;) {
    if ((apostrophes >> i) & 1) {
      out[written++] = '\'';
      i += 3;
    } else {
      out[written++] = static_cast<char>(run[i++]);
    }
  }
  return written;
}

// The bits below bit n (0 <= n <= 64).
inline std::uint64_t low_bits(int n) { return n >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1; }

// Set bits of x, without the libgcc call that __builtin_popcountll becomes on baseline x86-64.
inline std::uint64_t bit_count(std::uint64_t x) {
  x -= (x >> 1) & 0x5555555555555555ull;
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
  return (x * 0x0101010101010101ull) >> 56;
}

template <typename Emit>
const std::uint8_t* read_ascii_blocks(const std::uint8_t* p, const std::uint8_t* end, Emit& emit,
                                      std::uint64_t& letters) {
  AsciiBlockMasks m;
  while (end - p >= 64) {
    ascii_block_masks(p, m);
    // Bytes before the first stop are the block's share; a run must end before it.
    const int limit = m.stop == 0 ? 64 : __builtin_ctzll(m.stop);
    // The first and the last byte of every run, as two masks taken in step: a run's start and
    // its end are each one bit scan, not a chain of scan, shift and scan per word.
    std::uint64_t starts = m.word & ~(m.word << 1) & low_bits(limit);
    std::uint64_t ends = m.word & ~(m.word >> 1);  // bit 63 ends a run that reaches the block's end
    int next = limit;  // where the next block (or the per-byte reader) starts
    while (starts != 0) {
      const int start = __builtin_ctzll(starts);
      const int last = __builtin_ctzll(ends);
      if (last + 1 >= limit) {  // the run may go on past the block's share
        next = start;
        break;
      }
      const auto length = static_cast<std::size_t>(last + 1 - start);
      if (const std::uint64_t apostrophes = (m.apostrophes >> start) & low_bits(last + 1 - start); apostrophes == 0) {
        emit(std::string_view(reinterpret_cast<const char*>(m.lowered + start), length));
      } else {
        char word[64 + kWordHashPadding];
        emit(std::string_view(word, with_ascii_apostrophes(m.lowered + start, length, apostrophes, word)));
      }
      starts &= starts - 1;
      ends &= ends - 1;
    }
    // Every run before `next` was emitted whole, and no letter before it lies outside one.
    letters += bit_count(m.letters & low_bits(next));
    p += next;
    if (next < 64 && (m.stop != 0 || next == 0)) break;  // a stop, or a run as long as the block
  }
  return p;
}
#endif

}  // namespace

template <typename Emit>
bool MatchWordReader::read_pass(std::string_view text, bool normalized, Emit& emit) {
  const FoldTable& table = fold_table();
  WordBuilder<Emit> builder(word_, emit);
  std::uint64_t letters[5] = {};  // by Script, None last
  const FoldTable::Block* two_byte_blocks[32] = {};
  FoldEntry scratch;
  const auto* data = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto* const end = data + text.size();
  const bool fastest = path_ == Path::Fastest;
  for (const std::uint8_t* p = data; p != end;) {
    if (*p < 0x80) {
      const CharKind kind = kAscii.kind[*p];
      if (kind == CharKind::Letter || kind == CharKind::Digit) {
#if defined(PARALLAX_SSE2_WORDS)
        if (fastest && builder.is_clean() && end - p >= 64) {
          const std::uint8_t* resumed = read_ascii_blocks(p, end, emit, letters[0]);
          if (resumed != p) {
            p = resumed;
            continue;
          }
        }
#endif
        const std::uint8_t* run_end = p + 1;
        while (run_end != end && is_ascii_word_byte(*run_end)) ++run_end;
        builder.add_ascii_run(p, run_end, letters[0]);
        p = run_end;
      } else if (kind == CharKind::Separator) {
        builder.end_word();
        ++p;
      } else {
        builder.add(kind, p, 1);
        ++p;
      }
      continue;
    }
    if (fastest && *p >= 0xC2 && *p < 0xE0) {
      const std::uint8_t* const before = p;
      builder.add_two_byte_letters(p, end, table, two_byte_blocks, letters, normalized);
      if (p != before) continue;
    }
    UChar32 c;
    if (*p >= 0xC2 && *p < 0xE0 && end - p >= 2 && (p[1] & 0xC0) == 0x80) {
      // Two-byte sequences (Arabic, Cyrillic, Greek, Hebrew, accented Latin) decoded inline.
      c = ((*p & 0x1F) << 6) | (p[1] & 0x3F);
      p += 2;
    } else {
      std::size_t i = static_cast<std::size_t>(p - data);
      c = utf8::next(text, i);
      p = data + i;
    }
    const FoldEntry& e = table.entry(c, scratch);
    if (e.needs_icu && !normalized) return false;
    if (e.kind == CharKind::Letter) {
      ++letters[e.script];
      builder.add_letter(e.bytes.data(), e.length);
    } else if (e.kind == CharKind::Expansion) {
      const UChar32* parts = table.expansion(c, e);
      for (std::size_t k = 0; k < e.length; ++k) {
        const FoldEntry& part = table.entry(parts[k], scratch);
        if (part.kind == CharKind::Letter) ++letters[part.script];
        builder.add(part.kind, part.bytes.data(), part.length);
      }
    } else {
      builder.add(e.kind, e.bytes.data(), e.length);
    }
  }
  builder.end_word();
  for (std::size_t s = 0; s < 4; ++s) letters_per_script_[s] += letters[s];
  return true;
}

template <typename Output, typename Emit>
void MatchWordReader::read(std::string_view text, Output& out, Emit&& emit) {
  const std::size_t before = out.size();
  if (read_pass(text, /*normalized=*/false, emit)) return;
  // A code point needs its neighbours to normalize: drop what the fast pass emitted, let ICU
  // normalize the whole text, and read that (now a fixed point of the table's folds).
  out.resize(before);
  const std::string normalized = normalize_for_matching(text);
  read_pass(normalized, /*normalized=*/true, emit);
}

void MatchWordReader::append_word_hashes(std::string_view text, std::vector<std::uint64_t>& hashes) {
  // Every emitted word has kWordHashPadding readable bytes from its start (the builder's buffer
  // and the ASCII block both keep that slack).
  read(text, hashes, [&](std::string_view w) { hashes.push_back(word_hash_padded(w.data(), w.size())); });
}

void MatchWordReader::append_words(std::string_view text, std::vector<std::string>& words) {
  read(text, words, [&](std::string_view w) { words.emplace_back(w); });
}

Script MatchWordReader::take_dominant_script() {
  const Script script = script_with_most_letters(letters_per_script_);
  letters_per_script_ = {};
  return script;
}

std::vector<std::string> match_words(std::string_view text) {
  MatchWordReader reader;
  std::vector<std::string> words;
  reader.append_words(text, words);
  return words;
}

}  // namespace parallax
