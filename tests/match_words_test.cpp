// Tests of the matching words behind near-duplicate shingles: the table-speed fold equals ICU's
// normalization on real multilingual news and on the code points where the two could part.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "example_corpus.hpp"
#include "features/minhash.hpp"
#include "seed_paths.hpp"
#include "text/match_words.hpp"
#include "text/normalize.hpp"

namespace {

using namespace parallax;
using Words = std::vector<std::string>;

}  // namespace

TEST_CASE("match words: the table fold equals ICU normalization on real ar/en/ru news") {
  std::vector<std::string> texts = {test::read_file(test::seed_path(test::kSeed000)),
                                    test::read_file(test::seed_path(test::kSeed003))};
  for (const Document& d : test::example_documents()) texts.push_back(d.title + "\n" + d.text);
  REQUIRE(texts.size() >= 10);
  for (const std::string& text : texts) {
    const Words words = match_words(text);
    CHECK(words.size() > 20);
    // Reading the ICU-normalized text gives the same words: the table is exact.
    CHECK(match_words(normalize_for_matching(text)) == words);
  }
}

TEST_CASE("match words: folding case, Arabic orthography, digits and compatibility forms") {
  CHECK(match_words("Putin’s CALL, Путин ПОЗВОНИЛ") == Words{"putin's", "call", "путин", "позвонил"});
  // Tashkeel and tatweel vanish inside the word; hamza seats, alef maqsura, teh marbuta fold.
  CHECK(match_words("مُحادَثـة أحمد إلى") == Words{"محادثه", "احمد", "الي"});
  CHECK(match_words("عام ٢٠٢١ و۱۴۰۰") == Words{"عام", "2021", "و1400"});
  // Presentation forms and ligatures expand (NFKC): ﻻ is lam-alef, ﬁ is "fi".
  CHECK(match_words("ﻻ ﬁnal ＡＢＣ") == Words{"لا", "final", "abc"});
  CHECK(match_words("Straße") == Words{"strasse"});
}

TEST_CASE("match words: combining sequences go through ICU and match their precomposed forms") {
  // "é" as e + U+0301 composes under NFKC: the reader must see "café", not "cafe" + a mark.
  CHECK(match_words("cafe\xCC\x81 bar") == match_words("café bar"));
  CHECK(match_words("cafe\xCC\x81 bar") == Words{"café", "bar"});
  // Alef + madda above (U+0653) composes to آ, which folds to ا.
  CHECK(match_words("\xD8\xA7\xD9\x93\xD9\x85\xD9\x86") == match_words("آمن"));
  CHECK(match_words("آمن") == Words{"امن"});
}

TEST_CASE("match words: infixes, numbers and scripts written without spaces") {
  CHECK(match_words("don't stop U.S. growth of 3.5% or 1,000 people, ok.") ==
        Words{"don't", "stop", "u.s", "growth", "of", "3.5", "or", "1,000", "people", "ok"});
  CHECK(match_words("a,b 1'2 x..y 7.x") == Words{"a", "b", "1'2", "x", "y", "7", "x"});
  // Han and Thai: one word per character, with the Thai vowel sign kept on its consonant.
  CHECK(match_words("普京说 hi") == Words{"普", "京", "说", "hi"});
  CHECK(match_words("กี") == Words{"กี"});
  CHECK(match_words("") == Words{});
  CHECK(match_words(" \n\t.,") == Words{});
}

TEST_CASE("match words: ill-formed UTF-8 separates words instead of failing") {
  CHECK(match_words("abc\xFF" "def") == Words{"abc", "def"});
  CHECK(match_words("\xD0") == Words{});
}

TEST_CASE("match words: the dominant script is counted over what was read") {
  MatchWordReader reader;
  std::vector<std::uint64_t> hashes;
  reader.append_word_hashes("Путин and Biden", hashes);
  reader.append_word_hashes("разговор по телефону", hashes);
  CHECK(hashes.size() == 6);
  CHECK(reader.take_dominant_script() == Script::Cyrillic);
  CHECK(reader.take_dominant_script() == Script::None);  // the count starts again
}

TEST_CASE("match words: signatures from word hashes equal signatures from the words") {
  const std::string text = test::read_file(test::seed_path(test::kSeed000));
  MatchWordReader reader;
  std::vector<std::uint64_t> hashes;
  reader.append_word_hashes(text, hashes);
  const Words words = match_words(text);
  REQUIRE(hashes.size() == words.size());
  const MinHasher hasher(MinHashParams{});
  CHECK(hasher.signature_of_words(hashes) == hasher.signature(words));
}

TEST_CASE("match words: an infix before a non-ASCII letter joins wherever the phrase sits in the text") {
  // The 64-byte ASCII block reader used to end the word at ' or . before a non-ASCII letter, while
  // the per-byte reader joins them: the words (and so the shingles) depended on the phrase's place.
  const std::string filler = "the minister said on friday that the talks in paris went well and ";
  for (std::size_t pad = 0; pad < 70; ++pad) {
    CAPTURE(pad);
    const std::string text = std::string(pad, ' ') + filler + "l'Élysée et statement.الامريكي " + filler;
    const Words words = match_words(text);
    CHECK(std::find(words.begin(), words.end(), "l'élysée") != words.end());
    CHECK(std::find(words.begin(), words.end(), "l") == words.end());
  }
}

TEST_CASE("match words: infixes, apostrophes and typographic punctuation read inside the ASCII block as byte by byte") {
  // The block reader joins ' . , and U+2019 (which folds to ') between two bytes of one kind
  // itself and takes the quotes and dashes U+2013 U+2014 U+2018 U+201C U+201D as spaces. At every
  // place in the 64-byte blocks, the words are the reference reader's.
  const std::string phrase =
      "\xE2\x80\x9CQuotes\xE2\x80\x9D and \xE2\x80\x98single\xE2\x80\x99 ones \xE2\x80\x94 dashes \xE2\x80\x93 "
      "Nicaragua\xE2\x80\x99s don't U.S. 1,000 3.5 a.1 1.a a,b x.'y 1,,2 a'b'c 2.5.6 \xE2\x80\x9CU.S.\xE2\x80\x9D"
      "\xE2\x80\x94the end.\xE2\x80\x9D a\xE2\x80\x9C" "b\xE2\x80\x9D" "c\xE2\x80\x94" "d "
      "don\xE2\x80\x99t \xE2\x80\x99tis students\xE2\x80\x99 a\xE2\x80\x99" "1 a.\xE2\x80\x99" "b a\xE2\x80\x99.b "
      "1\xE2\x80\x99" "2 l\xE2\x80\x99\xC3\x89lys\xC3\xA9" "e a\xE2\x80\x99\xE2\x80\x99" "b x\xE2\x80\x99\xE2\x80\x9D ";
  MatchWordReader fastest(MatchWordReader::Path::Fastest);
  MatchWordReader reference(MatchWordReader::Path::PerCodePoint);
  for (std::size_t pad = 0; pad < 70; ++pad) {
    CAPTURE(pad);
    const std::string text = std::string(pad, ' ') + phrase + phrase;
    Words fast, slow;
    fastest.append_words(text, fast);
    reference.append_words(text, slow);
    CHECK(fast == slow);
    CHECK(std::find(fast.begin(), fast.end(), "nicaragua's") != fast.end());
    CHECK(std::find(fast.begin(), fast.end(), "1,000") != fast.end());
    CHECK(std::find(fast.begin(), fast.end(), "quotes") != fast.end());
    CHECK(std::find(fast.begin(), fast.end(), "don't") != fast.end());
    CHECK(std::find(fast.begin(), fast.end(), "l'\xC3\xA9lys\xC3\xA9" "e") != fast.end());
  }
}

TEST_CASE("match words: supplementary-plane code points (musical and mathematical symbols, emoji) read safely") {
  // fuzz_word_reader_diff's input: a supplementary code point whose fold was left to ICU was looked
  // up in the per-block table past its end (UBSan: index 1861 out of bounds for 1024 blocks).
  const std::string fuzzed = "\xf0\xdd\x85\xb6\xa1\xf0\x9d\x85\xf0\x9d\x85\xb6\xa1\x85\xf0\x9d";
  Words fast, reference;
  MatchWordReader(MatchWordReader::Path::Fastest).append_words(fuzzed, fast);
  MatchWordReader(MatchWordReader::Path::PerCodePoint).append_words(fuzzed, reference);
  CHECK(fast == reference);
  const std::string news = "The \xF0\x9D\x90\x8D\xF0\x9D\x90\x9E\xF0\x9D\x90\xB0\xF0\x9D\x90\xAC desk \xF0\x9F\x8E\xB5 played "
                           "\xF0\x9D\x85\x9E\xF0\x9D\x85\xA0 at the summit";  // math bold "News", a note emoji, notes
  const Words words = match_words(news);
  CHECK(words == match_words(normalize_for_matching(news)));
  CHECK(std::find(words.begin(), words.end(), "news") != words.end());
}
