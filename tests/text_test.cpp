// Tests of the text module: normalization, segmentation, script and language detection,
// stemming, stop words and the analyzer, on hand-made strings and on the Arabic seed articles.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "lexicon/stop_words.hpp"
#include "text/analyzer.hpp"
#include "text/word_memo.hpp"
#include "text/language.hpp"
#include "text/normalize.hpp"
#include "text/segment.hpp"
#include "text/stem.hpp"

namespace {

using namespace parallax;

constexpr const char* kSeed000 =
    "000_9274d6cb67e41f49.txt";  // Arabic, paragraphs between blank lines
constexpr const char* kSeed003 = "003_ad5a4faa5cc51cb6.txt";  // Arabic, one paragraph per line

std::string read_seed(const std::string& name) {
  for (const char* dir :
       {PARALLAX_SOURCE_DIR "/../shared/seeds/", PARALLAX_SOURCE_DIR "/examples/seeds/"}) {
    std::ifstream in(dir + name, std::ios::binary);
    if (in) {
      std::ostringstream text;
      text << in.rdbuf();
      return text.str();
    }
  }
  FAIL("seed not found: " << name);
  return {};
}

std::vector<std::string> sentences(std::string_view text) {
  std::vector<std::string> result;
  for (const TextSpan& span : sentence_spans(text)) {
    result.emplace_back(text.substr(span.begin, span.end - span.begin));
  }
  return result;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> result;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) result.push_back(line);
  return result;
}

bool contains(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::string ar_stem(std::string_view word) {
  return light_stem_arabic(normalize_for_matching(word));
}

}  // namespace

TEST_SUITE("text") {
  TEST_CASE("text: normalize_arabic drops tashkeel, U+0670 and tatweel") {
    for (char32_t mark = 0x064B; mark <= 0x0652; ++mark) {
      std::string word = "ب";
      word += static_cast<char>(0xD9);
      word += static_cast<char>(0x80 | (mark - 0x0640));
      CAPTURE(word);
      CHECK(normalize_arabic(word) == "ب");
    }
    CHECK(normalize_arabic("رحمٰن") == "رحمن");   // superscript alef U+0670
    CHECK(normalize_arabic("مـــصر") == "مصر");  // tatweel
    CHECK(normalize_arabic("مُحَمَّدٌ") == "محمد");
  }

  TEST_CASE("text: normalize_arabic unifies alef, yeh, teh marbuta and hamza seats") {
    CHECK(normalize_arabic("أحمد") == "احمد");
    CHECK(normalize_arabic("إيران") == "ايران");
    CHECK(normalize_arabic("آخر") == "اخر");
    CHECK(normalize_arabic("ٱلله") == "الله");
    CHECK(normalize_arabic("إلى") == "الي");
    CHECK(normalize_arabic("مدرسة") == "مدرسه");
    CHECK(normalize_arabic("مسؤول") == "مسوول");
    CHECK(normalize_arabic("رئيس") == "رييس");
  }

  TEST_CASE("text: normalize_arabic leaves other text, case and digits alone") {
    CHECK(normalize_arabic("Hello, Мир! ABC") == "Hello, Мир! ABC");
    CHECK(normalize_arabic("٢٠٢٠") == "٢٠٢٠");
    CHECK(normalize_arabic("") == "");
  }

  TEST_CASE("text: normalize_for_matching applies NFKC and case folding") {
    CHECK(normalize_for_matching("ＡＢＣ") == "abc");
    CHECK(normalize_for_matching("Straße") == "strasse");
    CHECK(normalize_for_matching("ПУТИН Путин") == "путин путин");
    CHECK(normalize_for_matching("ﬁnal") == "final");
    CHECK(normalize_for_matching("ﻻ") == "لا");  // presentation form of lam-alef
    CHECK(normalize_for_matching("ﷲ") == "الله");
  }

  TEST_CASE("text: normalize_for_matching then normalizes Arabic, digits and apostrophes") {
    CHECK(normalize_for_matching("إِلى") == "الي");
    CHECK(normalize_for_matching("الرئيسُ الأمريكيّ") == "الرييس الامريكي");
    CHECK(normalize_for_matching("عام ٢٠٢٠ و۱۹") == "عام 2020 و19");
    CHECK(normalize_for_matching("Putin’s") == "putin's");
  }

  TEST_CASE("text: normalize_for_matching replaces invalid UTF-8 with U+FFFD") {
    CHECK(normalize_for_matching("a\xFF"
                                 "b") ==
          "a\xEF\xBF\xBD"
          "b");
    CHECK(normalize_for_matching("\xD8") == "\xEF\xBF\xBD");  // truncated sequence
  }

  TEST_CASE("text: normalize_for_matching is idempotent on the seeds") {
    for (const char* seed : {kSeed000, kSeed003}) {
      const std::string once = normalize_for_matching(read_seed(seed));
      CHECK(normalize_for_matching(once) == once);
    }
  }

  TEST_CASE("text: word_spans keep letters and numbers of mixed scripts as byte spans") {
    const std::string text = "Путин, Biden و بوتين: 2020 ٢٠٢٠ 3.5% don't!";
    const std::vector<std::string> expected = {"Путин", "Biden", "و",   "بوتين",
                                               "2020",  "٢٠٢٠",  "3.5", "don't"};
    CHECK(words(text) == expected);
    for (const TextSpan& span : word_spans(text)) {
      CHECK(span.begin < span.end);
      CHECK(span.end <= text.size());
    }
    CHECK(word_spans("").empty());
    CHECK(word_spans(" ,.! ").empty());
  }

  TEST_CASE("text: word_spans map offsets past four-byte characters and invalid bytes") {
    const std::string text = "😀 word \xFF\xFE next 𝐀";
    const auto spans = word_spans(text);
    REQUIRE(spans.size() == 3);
    CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) == "word");
    CHECK(text.substr(spans[1].begin, spans[1].end - spans[1].begin) == "next");
    CHECK(text.substr(spans[2].begin, spans[2].end - spans[2].begin) == "𝐀");
  }

  TEST_CASE("text: sentence_spans split seed 003 into its lines") {
    const std::string text = read_seed(kSeed003);
    const std::vector<std::string> expected = lines(text);
    const std::vector<std::string> found = sentences(text);
    REQUIRE(expected.size() == 18);
    CHECK(found == expected);
    CHECK(found[0].find("،") != std::string::npos);  // the Arabic comma does not split
    CHECK(found[4] == "نافالني وأوكرانيا");          // a heading without a period
  }

  TEST_CASE("text: sentence_spans on seed 000") {
    const std::vector<std::string> found = sentences(read_seed(kSeed000));
    CHECK(found.size() == 44);
    CHECK(found[0] == "عالمي");
    CHECK(found[1] == "أول محادثة هاتفية بين بايدن وبوتين");
    CHECK(contains(found, "“تحياتي كثيرا!”"));
    CHECK(contains(found, "قال الرئيس الأمريكي لدى مغادرته المؤتمر الصحفي “عنك”."));
    CHECK(!contains(found, "."));  // a line with only a period is no sentence
    for (const std::string& sentence : found) {
      CHECK(sentence.find('\n') == std::string::npos);
      CHECK(sentence.front() != ' ');
      CHECK(sentence.back() != ' ');
    }
  }

  TEST_CASE("text: sentence_spans split on ؟ and ! but not on ، or ؛") {
    const std::vector<std::string> expected = {"هل انتهى الاجتماع؟", "نعم!",
                                               "انتهى، تماما؛ وغادر الوفد."};
    CHECK(sentences("هل انتهى الاجتماع؟ نعم! انتهى، تماما؛ وغادر الوفد.") == expected);
  }

  TEST_CASE("text: sentence_spans do not split after abbreviations and initials") {
    CHECK(sentences("قال د. محمد إن الوضع جيد. ثم غادر.") ==
          std::vector<std::string>{"قال د. محمد إن الوضع جيد.", "ثم غادر."});
    CHECK(sentences("Mr. Smith met Dr. Jones at a U.S. Army base. They talked.") ==
          std::vector<std::string>{"Mr. Smith met Dr. Jones at a U.S. Army base.", "They talked."});
    CHECK(sentences("В. В. Путин заявил об этом. Песков согласился.") ==
          std::vector<std::string>{"В. В. Путин заявил об этом.", "Песков согласился."});
    // A lowercase abbreviation may end a sentence, so ICU's split stands.
    CHECK(sentences("Это было в 2020 г. Потом всё изменилось.").size() == 2);
  }

  TEST_CASE("text: sentence_spans split where scraped text lost the space after a full stop") {
    CHECK(sentences("It serves the interest of the Indian people.Putin said the talks were useful.") ==
          std::vector<std::string>{"It serves the interest of the Indian people.", "Putin said the talks were useful."});
    CHECK(sentences("They met after dinner.PM Modi spoke first.") ==
          std::vector<std::string>{"They met after dinner.", "PM Modi spoke first."});
    CHECK(sentences("Переговоры завершились.Песков сообщил об этом.").size() == 2);
    // Abbreviations and domain names keep together: no two lower-case letters before, or no capital after.
    CHECK(sentences("He served in the U.S.Army for years.").size() == 1);
    CHECK(sentences("See e.g.The report on p.dw.com for details.").size() == 1);
  }

  TEST_CASE("text: sentence_spans end sentences at newlines, trim, and drop empty ones") {
    CHECK(sentences("Headline without a period\nFirst sentence. Second one") ==
          std::vector<std::string>{"Headline without a period", "First sentence.", "Second one"});
    CHECK(sentences("Call Mr.\nNext line") == std::vector<std::string>{"Call Mr.", "Next line"});
    CHECK(sentences("  \n . \n\n").empty());
    CHECK(sentences("").empty());
    const std::string text = "  \u200FPadded sentence.  ";
    const auto spans = sentence_spans(text);
    REQUIRE(spans.size() == 1);
    CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) == "Padded sentence.");
  }

  TEST_CASE("text: segmentation is thread-safe") {
    const std::string text = read_seed(kSeed000) + read_seed(kSeed003);
    const auto expected_words = word_spans(text);
    const auto expected_sentences = sentence_spans(text);
    std::vector<int> agreed(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        bool same = true;
        for (int round = 0; round < 20; ++round) {
          const auto w = word_spans(text);
          const auto s = sentence_spans(text);
          same = same && w.size() == expected_words.size() &&
                 s.size() == expected_sentences.size() &&
                 std::equal(w.begin(), w.end(), expected_words.begin(), [](TextSpan a, TextSpan b) {
                   return a.begin == b.begin && a.end == b.end;
                 });
        }
        agreed[t] = same;
      });
    }
    for (std::thread& thread : threads) thread.join();
    CHECK(agreed == std::vector<int>(4, 1));
  }

  TEST_CASE("text: word_script and dominant_script") {
    CHECK(word_script("بوتين") == Script::Arabic);
    CHECK(word_script("Путин") == Script::Cyrillic);
    CHECK(word_script("Biden") == Script::Latin);
    CHECK(word_script("Ελλάδα") == Script::Other);
    CHECK(word_script("2020") == Script::None);
    CHECK(word_script("2020год") == Script::Cyrillic);
    CHECK(word_script("") == Script::None);
    CHECK(dominant_script(read_seed(kSeed003)) == Script::Arabic);
    CHECK(dominant_script("Biden и Путин встретились") == Script::Cyrillic);
    CHECK(dominant_script("12 345 !") == Script::None);
  }

  TEST_CASE("text: detect_language on the seeds and on sentences") {
    CHECK(detect_language(read_seed(kSeed000)) == "ar");
    CHECK(detect_language(read_seed(kSeed003)) == "ar");
    CHECK(detect_language("Vladimir Putin and Joe Biden spoke by phone on Tuesday for the first "
                          "time since Biden took office, the White House said.") == "en");
    CHECK(detect_language("Владимир Путин и Джо Байден впервые поговорили по телефону во вторник, "
                          "сообщили в Кремле.") == "ru");
    CHECK(detect_language("Les deux présidents se sont entretenus par téléphone mardi pour la "
                          "première fois depuis l'investiture.") == "fr");
  }

  TEST_CASE("text: detect_language falls back to the script on short strings") {
    CHECK(detect_language("بوتين بايدن") == "ar");
    CHECK(detect_language("Путин Байден") == "ru");
    CHECK(detect_language("Joe Biden") == "en");
    CHECK(detect_language("2020") == "und");
    CHECK(detect_language("") == "und");
  }

  TEST_CASE("text: Snowball stemming of English, Russian and French") {
    Stemmer english("en");
    CHECK(english.stem("running") == "run");
    CHECK(english.stem("talks") == "talk");
    CHECK(english.stem("putin's") == "putin");
    CHECK(english.stem("running") == "run");  // again, from the cache
    Stemmer russian("ru");
    CHECK(russian.stem("президента") == "президент");
    CHECK(russian.stem("путина") == "путин");
    Stemmer french("fr");
    CHECK(french.stem("présidents") == "président");
    CHECK(!english.is_identity());
  }

  TEST_CASE("text: Arabic light stemming strips the article, conjunctions and suffixes") {
    Stemmer arabic("ar");
    CHECK(!arabic.is_identity());
    CHECK(arabic.stem(normalize_for_matching("والرئيس")) == normalize_for_matching("رئيس"));
    CHECK(ar_stem("والرئيس") == "رييس");
    CHECK(ar_stem("للرئيس") == "رييس");
    CHECK(ar_stem("الرئيسان") == "رييس");
    CHECK(ar_stem("الرئيسين") == "رييس");
    CHECK(ar_stem("البيان") == "بيان");
    CHECK(ar_stem("بالاتفاق") == "اتفاق");
    CHECK(ar_stem("وقال") == "قال");
    CHECK(ar_stem("الروسية") == ar_stem("الروسي"));
    CHECK(ar_stem("الأمريكيين") == ar_stem("الأمريكي"));
    CHECK(ar_stem("اتفاقياتها") == ar_stem("اتفاقية"));
    CHECK(ar_stem("ارتياحهما") == "ارتياح");
  }

  TEST_CASE("text: Arabic light stemming keeps names and short words whole") {
    CHECK(ar_stem("بوتين") == "بوتين");  // Snowball's Arabic stemmer gives وتين
    CHECK(ar_stem("وبوتين") == "بوتين");
    CHECK(ar_stem("بايدن") == "بايدن");
    CHECK(ar_stem("واشنطن") == "واشنطن");
    CHECK(ar_stem("وواشنطن") == "واشنطن");
    CHECK(ar_stem("الولايات") == "ولايات");
    CHECK(ar_stem("إيران") == "ايران");
    CHECK(ar_stem("الكرملين") == "كرملين");
    CHECK(ar_stem("الله") == "الله");
    CHECK(ar_stem("من") == "من");
    CHECK(ar_stem("وزير") == ar_stem("والوزير"));
  }

  TEST_CASE("text: stemmer languages and the identity stemmer") {
    const std::vector<std::string> languages = stemmer_languages();
    for (const char* code : {"ar", "en", "ru", "fr", "de", "es"}) {
      CAPTURE(code);
      CHECK(contains(languages, code));
      CHECK(!Stemmer(code).is_identity());
    }
    CHECK(!contains(languages, "zh"));
    Stemmer unknown("zh");
    CHECK(unknown.is_identity());
    CHECK(unknown.stem("running") == "running");
    Stemmer source("en");
    Stemmer moved = std::move(source);
    CHECK(moved.stem("running") == "run");
  }

  TEST_CASE("text: stop words match normalized words") {
    CHECK(is_stop_word("en", "the"));
    CHECK(is_stop_word("en", "don't"));
    CHECK(!is_stop_word("en", "putin"));
    CHECK(is_stop_word("ru", "и"));
    CHECK(is_stop_word("ru", "её"));
    CHECK(is_stop_word("ru", "ее"));
    CHECK(!is_stop_word("ru", "путин"));
    for (const char* word :
         {"في", "من", "إلى", "على", "أن", "إن", "حتى", "هؤلاء", "أولئك", "وفي"}) {
      CAPTURE(word);
      CHECK(is_stop_word("ar", normalize_for_matching(word)));
    }
    CHECK(!is_stop_word("ar", "بوتين"));
    CHECK(!is_stop_word("ar", normalize_for_matching("هنأ")));  // normalized like هنا ("here")
    CHECK(is_stop_word("fr", "les"));
    CHECK(is_stop_word("de", "und"));
    CHECK(is_stop_word("de", normalize_for_matching("daß")));
    CHECK(is_stop_word("es", "los"));
    CHECK(!is_stop_word("zz", "the"));
    CHECK(!is_stop_word("", "the"));
  }

  TEST_CASE("text: analyzer on English: stems, stop words and numbers") {
    TextAnalyzer analyzer;
    const AnalyzedText result = analyzer.analyze(
        "Vladimir Putin’s spokesman said the talks were running well in 2021.", "en-US");
    CHECK(result.lang == "en");
    CHECK(result.terms == std::vector<std::string>{"vladimir", "putin", "spokesman", "said", "talk",
                                                   "run", "well", "2021"});
    CHECK(result.tokens == std::vector<std::string>{"vladimir", "putin", "spokesman", "said", "the",
                                                    "talk", "were", "run", "well", "in", "2021"});
  }

  TEST_CASE("text: analyzer drops single letters from terms but keeps digits") {
    TextAnalyzer analyzer;
    const AnalyzedText result = analyzer.analyze("x 5 y", "EN");
    CHECK(result.lang == "en");
    CHECK(result.terms == std::vector<std::string>{"5"});
    CHECK(result.tokens == std::vector<std::string>{"x", "5", "y"});
  }

  TEST_CASE("text: analyzer on Arabic with Latin and Cyrillic words") {
    TextAnalyzer analyzer;
    const AnalyzedText result =
        analyzer.analyze("وقال الرئيس بوتين في بيان لشبكة CNN إن Путина running ٢٠٢١", "");
    CHECK(result.lang == "ar");
    CHECK(contains(result.terms, "قال"));
    CHECK(contains(result.terms, "رييس"));
    CHECK(contains(result.terms, "بوتين"));
    CHECK(contains(result.terms, "cnn"));
    CHECK(contains(result.terms, "путин"));  // Cyrillic words use the Russian stemmer
    CHECK(contains(result.terms, "run"));    // Latin words use English in an Arabic document
    CHECK(contains(result.terms, "2021"));
    CHECK(!contains(result.terms, "في"));
    CHECK(contains(result.tokens, "في"));
  }

  TEST_CASE("text: analyzer uses the document's Latin-script language") {
    TextAnalyzer analyzer;
    const AnalyzedText french = analyzer.analyze("Les présidents ont parlé", "fr");
    CHECK(french.terms == std::vector<std::string>{"président", "parl"});
    const AnalyzedText russian = analyzer.analyze("Путин встретился с Biden, running", "ru");
    CHECK(contains(russian.terms, "run"));
    CHECK(!contains(russian.terms, "с"));
  }

  TEST_CASE("text: analyzer on the seeds") {
    TextAnalyzer analyzer;
    for (const char* seed : {kSeed000, kSeed003}) {
      const AnalyzedText result = analyzer.analyze(read_seed(seed), "");
      CHECK(result.lang == "ar");
      CHECK(result.terms.size() > 300);
      CHECK(result.terms.size() < result.tokens.size());
      CHECK(contains(result.terms, "بوتين"));
      CHECK(contains(result.terms, "بايدن"));
      CHECK(contains(result.terms, "كرملين"));
      CHECK(!contains(result.terms, "في"));
    }
  }
}

TEST_CASE("word memo: finds every word it was given, grows past its first size, forgets on clear") {
  WordMemo<int> memo;
  CHECK(memo.find("ar\x1fبوتين") == nullptr);
  for (int i = 0; i < 5000; ++i) memo.insert("en\x1fword" + std::to_string(i), i);
  CHECK(memo.size() == 5000);
  for (int i = 0; i < 5000; ++i) {
    const int* value = memo.find("en\x1fword" + std::to_string(i));
    REQUIRE(value != nullptr);
    CHECK(*value == i);
  }
  CHECK(memo.find("ru\x1fword1") == nullptr);  // the language is part of the key
  memo.clear();
  CHECK(memo.size() == 0);
  CHECK(memo.find("en\x1fword1") == nullptr);
  memo.insert("en\x1fword1", 7);
  CHECK(*memo.find("en\x1fword1") == 7);
}
