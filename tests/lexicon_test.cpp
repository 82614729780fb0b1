// The concept table (engine/lexicon/concept_table): reading lexicon files, compiling and mapping
// the binary table, lookups by word key, and the built-in table the build makes.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "lexicon/concept_table.hpp"
#include "example_corpus.hpp"
#include "lexicon/concept_terms.hpp"
#include "text/analyzer.hpp"
#include "text/term_hash.hpp"

namespace fs = std::filesystem;
using namespace parallax;

namespace {

struct ScratchFile {
  fs::path path;
  explicit ScratchFile(const std::string& name, const std::string& content = "")
      : path(fs::temp_directory_path() / ("parallax_lexicon_" + std::to_string(::getpid()) + "_" + name)) {
    if (!content.empty()) std::ofstream(path, std::ios::binary) << content;
  }
  ~ScratchFile() { fs::remove(path); }
};

bool has_concept(const ConceptGlosses& glosses, std::string_view key) {
  return std::any_of(glosses.begin(), glosses.end(), [&](const ConceptGloss& g) { return g.key == key; });
}

std::string error_of(const std::string& path) {
  try {
    read_lexicon_tsv(path);
  } catch (const LexiconError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("lexicon: a TSV file is read with comments, a byte-order mark and optional weights") {
  ScratchFile file("good.tsv", "\xEF\xBB\xBF# word\tlang\tgloss\tweight\nкнига\tru\tbook\n\nكتاب\tAR\tbook\t0.5\r\n");
  const auto entries = read_lexicon_tsv(file.path.string());
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].word == "книга");
  CHECK(entries[0].weight == 1.0f);
  CHECK(entries[1].lang == "ar");
  CHECK(entries[1].weight == 0.5f);
}

TEST_CASE("lexicon: every bad line is named FILE:LINE") {
  const std::pair<const char*, const char*> cases[] = {
      {"книга\tru\n", "expected 3 or 4"},
      {"книга\tru\tbook\t1.5\n", "weight '1.5'"},
      {"книга\trussian\tbook\n", "not an ISO 639 code"},
      {"\tru\tbook\n", "empty word"},
      {"книга\tru\t \n", "empty gloss"},
      {"\xff\xfe\tru\tbook\n", "invalid UTF-8"},
  };
  for (const auto& [content, message] : cases) {
    ScratchFile file("bad.tsv", std::string("# header\n") + content);
    const std::string error = error_of(file.path.string());
    CAPTURE(error);
    CHECK(error.rfind(file.path.string() + ":2: ", 0) == 0);
    CHECK(error.find(message) != std::string::npos);
  }
  CHECK(error_of("/nonexistent/lexicon.tsv").find("cannot open") != std::string::npos);
  CHECK(error_of(fs::temp_directory_path().string()).find("is a directory") != std::string::npos);
}

TEST_CASE("lexicon: a compiled table finds every inflected form that stems alike") {
  ScratchFile table_file("table.plx");
  write_concept_table({{"книга", "ru", "book", 1.0f},
                       {"книга", "ru", "volume", 0.4f},
                       {"Путин", "ru", "Putin", 1.0f},
                       {"كتاب", "ar", "book", 1.0f},
                       {"глава государства", "ru", "head of state", 1.0f}},
                      table_file.path.string());
  const ConceptTable table = ConceptTable::open(table_file.path.string());
  const ConceptGlosses book = table.glosses("ru", word_key("ru", "книгами"));
  REQUIRE(book.count == 2);
  CHECK(book.items[0].key == "book");
  CHECK(book.items[0].weight == 1.0f);
  CHECK(book.items[1].key == "volum");  // English stems are the concept keys
  CHECK(book.items[1].display == "volume");
  CHECK(has_concept(table.glosses("ar", word_key("ar", "الكتاب")), "book"));
  const ConceptGlosses putin = table.glosses("ru", word_key("ru", "Путина"));
  REQUIRE(putin.count == 1);
  CHECK(putin.items[0].is_name);
  CHECK(putin.items[0].display == "Putin");
  CHECK(table.glosses("en", "book").empty());  // English is the concept language
  CHECK(table.glosses("", "книг").empty());     // a word of a script with no language
  CHECK(table.glosses("ru", word_key("ru", "собака")).empty());
  CHECK(table.covers("ru"));
  CHECK(table.covers("ar"));
  CHECK_FALSE(table.covers("de"));
  CHECK(table.is_common_english("book"));
  CHECK_FALSE(table.is_common_english("putin"));  // only a name's gloss
}

TEST_CASE("lexicon: a user's entries add to a table and come first") {
  ConceptTable table;
  table.add({{"Buch", "de", "book", 1.0f}});
  CHECK(table.covers("de"));
  CHECK(has_concept(table.glosses("de", word_key("de", "Bücher")), "book"));
}

TEST_CASE("lexicon: a file that is not a concept table is refused") {
  ScratchFile junk("junk.plx", std::string(200, 'x'));
  CHECK_THROWS_AS(ConceptTable::open(junk.path.string()), LexiconError);
  CHECK_THROWS_AS(ConceptTable::open("/nonexistent/concepts.plx"), LexiconError);
}

TEST_CASE("lexicon: the built-in table maps Arabic and Russian news words to English concepts") {
  const ConceptTable table = ConceptTable::open(builtin_concept_table_path());
  CHECK(table.size() > 50000);
  CHECK(table.covers("ar"));
  CHECK(table.covers("ru"));
  CHECK(has_concept(table.glosses("ru", word_key("ru", "президента")), "presid"));
  CHECK(has_concept(table.glosses("ru", word_key("ru", "Путина")), "putin"));
  CHECK(has_concept(table.glosses("ru", word_key("ru", "вулкан")), "volcano"));
  CHECK(has_concept(table.glosses("ar", word_key("ar", "الرئيس")), "presid"));
  CHECK(has_concept(table.glosses("ar", word_key("ar", "روسيا")), "russia"));
}

TEST_CASE("lexicon: concept terms of a word in each language") {
  ScratchFile table_file("terms.plx");
  write_concept_table({{"вулкан", "ru", "volcano", 1.0f}, {"Путин", "ru", "Putin", 1.0f}}, table_file.path.string());
  const ConceptTable table = ConceptTable::open(table_file.path.string());
  std::vector<ConceptTerm> terms;
  append_concept_terms(table, "ru", "вулкана", word_key("ru", "вулкана"), terms);
  REQUIRE(terms.size() == 1);
  CHECK(terms[0].term == "volcano");
  CHECK(terms[0].display == "volcano");
  terms.clear();
  append_concept_terms(table, "en", "volcano", "volcano", terms);
  REQUIRE(terms.size() == 1);  // a common English word: its stem only
  CHECK(terms[0].term == "volcano");
  terms.clear();
  append_concept_terms(table, "ru", "путин", word_key("ru", "путин"), terms);
  REQUIRE(terms.size() == 2);  // a name: its concept and its name key
  CHECK(terms[0].term == "putin");
  CHECK(terms[1].term.rfind(kNameKeyPrefix, 0) == 0);
  terms.clear();
  append_concept_terms(table, "ru", "собака", word_key("ru", "собака"), terms);
  REQUIRE(terms.size() == 2);  // unknown: its own stem and a name key
  CHECK(terms[0].term == word_key("ru", "собака"));
}

// The corpus engine's path (terms as hashes read from the analyzer's memo) against analyze(), on
// every document of the bundled corpus (ar, en, ru), each analyzed twice so that the second pass
// reads remembered words.
TEST_CASE("lexicon: analyze_terms gives the hashes of analyze()'s terms, in order") {
  const ConceptTable table = ConceptTable::open(builtin_concept_table_path());
  TextAnalyzer by_copy(&table), by_hash(&table);
  for (int pass = 0; pass < 2; ++pass) {
    for (const Document& doc : test::example_documents()) {
      CAPTURE(doc.id);
      const AnalyzedText expected = by_copy.analyze(doc.text, doc.lang);
      std::vector<HashedTerm> hashed;
      CHECK(by_hash.analyze_terms(doc.text, doc.lang, hashed) == expected.lang);
      REQUIRE(hashed.size() == expected.terms.size());
      for (std::size_t t = 0; t < hashed.size(); ++t) {
        CHECK(hashed[t].hash == term_hash(expected.terms[t]));
        CHECK(hashed[t].term->display == expected.term_displays[t]);
      }
    }
  }
  TextAnalyzer monolingual;
  std::vector<HashedTerm> none;
  CHECK_THROWS_AS(monolingual.analyze_terms("text", "en", none), std::logic_error);
}
