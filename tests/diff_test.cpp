// Alignment and judging: the global matching, numbers and dates, the conflict rules, one-to-many
// coverage, bad input, and the alignment of the two seed articles.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "diff/assignment.hpp"
#include "diff/bag_of_words.hpp"
#include "diff/compare.hpp"
#include "diff/opposite_predicates.hpp"
#include "lexicon/antonyms.hpp"
#include "lexicon/concept_table.hpp"
#include "diff/quantities.hpp"
#include "diff/stance_model.hpp"
#include "seed_paths.hpp"

using namespace parallax;

namespace {

Document make_document(const std::string& id, const std::string& text, const std::string& lang = "") {
  Document d;
  d.id = id;
  d.text = text;
  d.lang = lang;
  d.origin = id + ".txt";
  return d;
}

CompareResult compare_texts(const std::vector<Document>& docs, CompareOptions options = {}) {
  static WordKeyer keyer;
  static const EntityAliases aliases = EntityAliases::defaults(keyer);
  return compare_documents(docs, aliases, options);
}

Quantities quantities_of(WordKeyer& keyer, std::string_view text) {
  return find_quantities(keyer.tokenize(text), text);
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// An alignment whose left claim contains every string of `left` and right claim every one of
// `right` (either orientation).
const Alignment* find_alignment(const CompareResult& r, const std::vector<std::string>& left,
                                const std::vector<std::string>& right) {
  auto all_in = [](const std::string& text, const std::vector<std::string>& needles) {
    for (const auto& n : needles) {
      if (!contains(text, n)) return false;
    }
    return true;
  };
  for (const Alignment& a : r.alignments) {
    const std::string& l = r.claims[a.left].text;
    const std::string& rt = r.claims[a.right].text;
    if ((all_in(l, left) && all_in(rt, right)) || (all_in(l, right) && all_in(rt, left))) return &a;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("the assignment is global / not greedy") {
  Eigen::MatrixXd w(2, 2);
  w << 0.9, 0.8,
       0.8, 0.1;
  // Greedy would take (0,0) and leave (1,1) = 1.0 in all; the best total is (0,1) + (1,0) = 1.6.
  const auto match = max_weight_assignment(w);
  CHECK(match[0] == 1);
  CHECK(match[1] == 0);

  Eigen::MatrixXd rect(3, 2);
  rect << 0.0, 0.5,
          0.7, 0.0,
          0.0, 0.0;
  const auto m = max_weight_assignment(rect);
  CHECK(m[0] == 1);
  CHECK(m[1] == 0);
  CHECK(m[2] == -1);  // weight 0 means below threshold: never matched
}

TEST_CASE("numbers and dates in Arabic / English and Russian") {
  WordKeyer keyer;
  auto q = quantities_of(keyer, "تمديد الاتفاقية بحلول الخامس من فبراير لمدة خمس سنوات");
  REQUIRE(q.dates.size() == 1);
  CHECK(q.dates[0] == "02-05");
  REQUIRE(q.numbers.size() == 1);
  CHECK(q.numbers[0].value == 5);
  q = quantities_of(keyer, "extended for five years on February 5, 2021");
  CHECK(q.dates == std::vector<std::string>{"02-05"});
  CHECK(q.years == std::vector<int>{2021});
  CHECK(q.numbers.size() == 1);
  q = quantities_of(keyer, "продлить договор на пять лет до 5 февраля");
  CHECK(q.dates == std::vector<std::string>{"02-05"});
  CHECK(q.numbers.size() == 1);
  q = quantities_of(keyer, "معاهدة ستارت لـ٥ سنوات");
  REQUIRE(q.numbers.size() == 1);
  CHECK(q.numbers[0].value == 5);
}

TEST_CASE("different numbers / a denial and different characterizations are conflicts") {
  const auto r = compare_texts({
      make_document("a", "The two presidents agreed to extend the New START treaty for five years. "
                         "The Kremlin described the conversation as frank and business-like. "
                         "Moscow confirmed that the diplomatic notes were exchanged on Tuesday.", "en"),
      make_document("b", "The two presidents agreed to extend the New START treaty for three years. "
                         "The White House described the conversation as constructive. "
                         "Moscow denied that the diplomatic notes were exchanged on Tuesday.", "en"),
  });
  const Alignment* years = find_alignment(r, {"five years"}, {"three years"});
  REQUIRE(years);
  CHECK(years->judgement.label == PairLabel::Conflict);
  CHECK(years->judgement.reasons.at(0) == "different numbers: five years vs three years");
  const Alignment* tone = find_alignment(r, {"frank"}, {"constructive"});
  REQUIRE(tone);
  CHECK(tone->judgement.label == PairLabel::Conflict);
  const Alignment* notes = find_alignment(r, {"confirmed"}, {"denied"});
  REQUIRE(notes);
  CHECK(notes->judgement.label == PairLabel::Conflict);
}

TEST_CASE("a characterization shared by both accounts is a partial account, not a conflict") {
  const auto r = compare_texts({
      make_document("a", "The Kremlin described the conversation with Biden as frank.", "en"),
      make_document("b", "The Kremlin described the conversation with Biden as frank and business-like.", "en"),
  });
  REQUIRE(r.alignments.size() == 1);
  CHECK(r.alignments[0].judgement.label != PairLabel::Conflict);
}

TEST_CASE("near-identical claims agree and a claim covering two claims aligns with both") {
  const auto r = compare_texts({
      make_document("a", "Putin congratulated Biden on his inauguration as president, and the two "
                         "leaders discussed the fight against the coronavirus pandemic in detail.", "en"),
      make_document("b", "Putin congratulated Biden on his inauguration as president of the country. "
                         "The leaders discussed the fight against the coronavirus pandemic at length.", "en"),
  });
  CHECK(find_alignment(r, {"congratulated"}, {"of the country"}));
  CHECK(find_alignment(r, {"congratulated"}, {"at length"}));
  CHECK(r.unaligned.empty());
}

TEST_CASE("claims found on one side only are reported") {
  const auto r = compare_texts({
      make_document("a", "The White House said the president raised the SolarWinds hack with Putin.", "en"),
      make_document("b", "Oil prices rose sharply in Asian markets on Wednesday morning.", "en"),
  });
  CHECK(r.alignments.empty());
  CHECK(r.unaligned.size() == 2);
}

TEST_CASE("bad input: fewer than two documents / an empty document / a single side") {
  CHECK_THROWS_WITH_AS(compare_texts({make_document("a", "One document is not a comparison at all.")}),
                       "compare --by document needs at least two documents; got 1 (--by speaker compares the "
                       "speakers inside one document)",
                       CompareError);
  CHECK_THROWS_WITH_AS(compare_texts({}), "compare needs at least one document", CompareError);
  CHECK_THROWS_WITH_AS(compare_texts({make_document("a", "The Kremlin said the talks were frank."),
                                      make_document("empty", "  \n ")}),
                       "empty.txt: document 'empty' is empty", CompareError);
  CompareOptions by_source;
  by_source.by = CompareBy::Source;
  Document a = make_document("a", "The Kremlin said the talks were frank and open.");
  Document b = make_document("b", "The White House said the talks were difficult.");
  a.source = b.source = "Same Outlet";
  CHECK_THROWS_WITH_AS(compare_texts({a, b}, by_source),
                       "compare needs at least two sides to compare; by source there is only 'Same Outlet'",
                       CompareError);
}

TEST_CASE("seeds 000 and 003: shared claims align / the characterization of the talk differs") {
  const auto r = compare_texts({
      make_document("000", test::read_file(test::seed_path(test::kSeed000)), "ar"),
      make_document("003", test::read_file(test::seed_path(test::kSeed003)), "ar"),
  });
  // The New START extension (003 gives its five years).
  CHECK(find_alignment(r, {"البداية الجديدة"}, {"ستارت", "5 سنوات"}));
  // Navalny.
  CHECK(find_alignment(r, {"نافالني"}, {"نافالني"}));
  // Putin's congratulations.
  CHECK(find_alignment(r, {"هنأ بوتين"}, {"بوتين هنأ بايدن"}));
  // Coronavirus.
  CHECK(find_alignment(r, {"فيروس كورونا"}, {"فيروس كورونا"}));
  // 'business-like' against 'frank'.
  const Alignment* tone = find_alignment(r, {"صديق للأعمال"}, {"صريحة"});
  REQUIRE(tone);
  CHECK(tone->judgement.label == PairLabel::Conflict);
  CHECK(contains(tone->judgement.reasons.at(0), "business-like"));
  CHECK(contains(tone->judgement.reasons.at(0), "frank"));
}

TEST_CASE("seeds by speaker: the White House and the Kremlin are sides of their own") {
  CompareOptions options;
  options.by = CompareBy::Speaker;
  const auto r = compare_texts({
      make_document("000", test::read_file(test::seed_path(test::kSeed000)), "ar"),
      make_document("003", test::read_file(test::seed_path(test::kSeed003)), "ar"),
  }, options);
  CHECK(std::find(r.sides.begin(), r.sides.end(), "White House") != r.sides.end());
  CHECK(std::find(r.sides.begin(), r.sides.end(), "Kremlin") != r.sides.end());
  for (const Alignment& a : r.alignments) CHECK(r.side_of_claim[a.left] != r.side_of_claim[a.right]);
}

TEST_CASE("stance model: trains deterministically / round-trips through its file format") {
  Eigen::MatrixXd x(6, 2);
  x << 0.9, 0, 0.8, 0, 0.1, 1, 0.2, 1, 0.85, 0, 0.15, 1;
  const std::vector<int> y = {0, 0, 1, 1, 0, 1};
  const auto m = StanceModel::train(x, y, {"agree", "disagree"}, {"cos", "neg"}, {});
  const auto p = m.predict({0.9, 0});
  CHECK(p[0] > 0.5);
  const auto again = StanceModel::from_json(m.to_json("test"));
  CHECK(again.predict({0.9, 0})[0] == doctest::Approx(p[0]));
  CHECK_THROWS_AS(StanceModel::from_json("{\"format\": \"other\"}"), StanceModelError);
  CHECK_THROWS_WITH_AS(StanceModel::load("/nonexistent/model.json"),
                       "/nonexistent/model.json: cannot read stance model (no such file or directory)", StanceModelError);
  // A folder opens for reading on Linux; its read fails, which is said, not taken for an empty model.
  const std::string folder = std::filesystem::temp_directory_path().string();
  CHECK_THROWS_WITH_AS(StanceModel::load(folder), (folder + ": cannot read stance model (is a directory)").c_str(),
                       StanceModelError);
}

TEST_CASE("stance model: a version number out of int's range is refused by comparison, not converted") {
  // Found by tests/fuzz/stance_model_fuzz.cpp (clang's UBSan): reading it as an int was undefined.
  Eigen::MatrixXd x(4, 2);
  x << 0.9, 0, 0.8, 0, 0.1, 1, 0.2, 1;
  const std::string model = StanceModel::train(x, {0, 0, 1, 1}, {"agree", "disagree"}, {"cos", "neg"}, {}).to_json("test");
  const auto with_version = [&](const std::string& version) {
    std::string text = model;
    const std::size_t at = text.find("\"version\": 1");
    REQUIRE(at != std::string::npos);
    return text.replace(at, std::string("\"version\": 1").size(), "\"version\": " + version);
  };
  CHECK_THROWS_WITH_AS(StanceModel::from_json(with_version("3.3e107")),
                       "not a parallax-stance-model file of version 1 or 2", StanceModelError);
  CHECK_THROWS_AS(StanceModel::from_json(with_version("\"1\"")), StanceModelError);
  CHECK_THROWS_AS(StanceModel::from_json(with_version("3")), StanceModelError);
  CHECK_NOTHROW(StanceModel::from_json(with_version("1.0")));
  CHECK_NOTHROW(StanceModel::from_json(with_version("2")));  // version 2 without words: a tanh perceptron
}

TEST_CASE("bag of words: words are read as scikit-learn's CountVectorizer reads them") {
  CHECK(bag_of_words_tokens("Don't STOP_me now, 2x: Путин Ä б") ==
        std::vector<std::string>{"don", "stop_me", "now", "2x", "путин"});
  CHECK(bag_of_words_tokens("").empty());
  const BagOfWords words({"hoax", "fake", "said"});
  std::vector<double> counts(3, 0.0);
  words.add_to("A hoax, a HOAX, and fake news", counts.data());
  // counts 2 and 1, L2-normalized; "news" is no vocabulary word.
  CHECK(counts[0] == doctest::Approx(2 / std::sqrt(5.0)));
  CHECK(counts[1] == doctest::Approx(1 / std::sqrt(5.0)));
  CHECK(counts[2] == 0.0);
  std::vector<double> none(3, 0.0);
  words.add_to("Nothing of the vocabulary", none.data());
  CHECK(none == std::vector<double>(3, 0.0));
  CHECK_THROWS_AS(BagOfWords({"hoax", "hoax"}), std::invalid_argument);
}

TEST_CASE("stance model: a version 2 model reads the words of the claim and of the evidence") {
  // One feature and the vocabulary {hoax}: one ReLU unit fires on "hoax" in the evidence, and
  // "disagree" follows it. The claim's "hoax" has no weight.
  const std::string model =
      R"({"format":"parallax-stance-model","version":2,"activation":"relu","classes":["agree","disagree"],)"
      R"("features":["f"],"mean":[0],"scale":[1],"bag_of_words":{"vocabulary":["hoax"]},)"
      R"("hidden":{"weights":[[0,0,5]],"bias":[0]},"weights":[[-1],[1]],"bias":[0.5,-0.5]})";
  const StanceModel m = StanceModel::from_json(model);
  CHECK(m.reads_words());
  const auto plain = m.predict({0.3}, "Officials called the story a hoax", "The ministry confirmed the report.");
  CHECK(plain[0] > plain[1]);
  const auto refuted = m.predict({0.3}, "The ministry confirmed the report", "Officials called the story a hoax.");
  CHECK(refuted[1] > refuted[0]);
  // The same through its own file format.
  CHECK(StanceModel::from_json(m.to_json("test")).predict({0.3}, "", "a hoax")[1] == doctest::Approx(m.predict({0.3}, "", "a hoax")[1]));
  // Words need a hidden layer; the hidden layer needs a column per feature and per word twice.
  std::string no_hidden = model;
  no_hidden.replace(no_hidden.find(R"("hidden")"), std::string(R"("hidden":{"weights":[[0,0,5]],"bias":[0]},)").size(), "");
  CHECK_THROWS_WITH_AS(StanceModel::from_json(no_hidden), "a model that reads words needs a hidden layer", StanceModelError);
  std::string narrow = model;
  narrow.replace(narrow.find("[[0,0,5]]"), 9, "[[0,5]]");
  CHECK_THROWS_AS(StanceModel::from_json(narrow), StanceModelError);
  std::string twice = model;
  twice.replace(twice.find(R"(["hoax"])"), 8, R"(["hoax","hoax"])");
  CHECK_THROWS_WITH_AS(StanceModel::from_json(twice), "the word 'hoax' is in the vocabulary twice", StanceModelError);
  std::string sigmoid = model;
  sigmoid.replace(sigmoid.find(R"("relu")"), 6, R"("sigmoid")");
  CHECK_THROWS_WITH_AS(StanceModel::from_json(sigmoid), "unknown activation 'sigmoid'", StanceModelError);
}

TEST_CASE("stance model: a model without features is refused") {
  // Found by tests/fuzz/stance_model_fuzz.cpp: weights of two classes over no feature made Eigen
  // index a null pointer.
  CHECK_THROWS_WITH_AS(StanceModel::from_json(R"({"format": "parallax-stance-model", "version": 1, "classes": ["a", "b"],
      "features": [], "mean": [], "scale": [], "weights": [[], []], "bias": [0, 0]})"),
                       "a stance model needs at least one feature", StanceModelError);
}

TEST_CASE("stance model: a hidden layer without units is refused, not loaded") {
  // Found by tests/fuzz/stance_model_fuzz.cpp: such a file loaded, and predict() then multiplied
  // the 3 features by a class matrix of 0 columns (undefined behaviour, garbage probabilities).
  const std::string model =
      R"({"format":"parallax-stance-model","version":1,"classes":["a","b"],"features":["f1","f2","f3"],)"
      R"("mean":[0,0,0],"scale":[1,1,1],"weights":[[],[]],"bias":[0,0],"hidden":{"weights":[],"bias":[]}})";
  CHECK_THROWS_AS(StanceModel::from_json(model), StanceModelError);
}

// ---- opposite predicates (lexicon/antonyms from WordNet, diff/opposite_predicates) ----

namespace {

const Antonyms& builtin_antonyms() {
  static const Antonyms antonyms = Antonyms::load(builtin_antonyms_path());
  return antonyms;
}

}  // namespace

TEST_CASE("antonyms: a file that cannot be read is an error naming why, never an empty table") {
  CHECK_THROWS_WITH_AS(Antonyms::load("/nonexistent/antonyms.tsv"),
                       "/nonexistent/antonyms.tsv: cannot read the antonyms file (no such file or directory)",
                       LexiconError);
  const std::string folder = std::filesystem::temp_directory_path().string();
  CHECK_THROWS_WITH_AS(Antonyms::load(folder), (folder + ": cannot read the antonyms file (is a directory)").c_str(),
                       LexiconError);
  CHECK(builtin_antonyms().opposites("rise") != nullptr);  // the built-in file still reads
}

TEST_CASE("opposite predicates: rose / fell, won / lost, confirmed / denied are conflicts, not agreement") {
  CompareOptions with_antonyms;
  with_antonyms.antonyms = &builtin_antonyms();
  const struct {
    const char* a;
    const char* b;
    const char* reason;
  } cases[] = {
      {"The company said profits rose sharply in the third quarter.",
       "The company said profits fell sharply in the third quarter.", "opposite predicates: rise / fall"},
      {"Officials said the ruling party won the vote in the capital.",
       "Officials said the ruling party lost the vote in the capital.", "opposite predicates: win / lose"},
      {"The ministry said oil exports increased in March.", "The ministry said oil exports decreased in March.",
       "opposite predicates: increase / decrease"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.a);
    const auto r = compare_texts({make_document("a", c.a, "en"), make_document("b", c.b, "en")}, with_antonyms);
    REQUIRE(r.alignments.size() == 1);
    CHECK(r.alignments[0].judgement.label == PairLabel::Conflict);
    CHECK(r.alignments[0].judgement.reasons == std::vector<std::string>{c.reason});
    // Without antonyms the two read as agreement: the words are nearly all shared.
    const auto before = compare_texts({make_document("a", c.a, "en"), make_document("b", c.b, "en")});
    CHECK(before.alignments.at(0).judgement.label == PairLabel::Agree);
  }
}

TEST_CASE("opposite predicates: a claim holding both, or names that happen to be antonyms, oppose nothing") {
  PredicateFinder finder(builtin_antonyms(), nullptr);
  const auto prices = finder.predicates("Prices rose in March.");
  REQUIRE(prices.size() == 1);
  CHECK(prices.begin()->first == "rise");
  CHECK(prices.begin()->second == std::set<std::string>{"price", "march"});  // what it is said of
  CHECK(finder.predicates("Rising prices worried the bank.").count("rise") == 1);  // a first word counts
  CHECK(finder.predicates("They agreed to extend New START for five years.").count("start") == 0);
  CHECK(finder.predicates("The Rise party met in Kyiv.").empty());
  const auto both = finder.predicates("Shares rose in the morning and fell in the afternoon.");
  CHECK(!opposite_predicates(both, finder.predicates("Shares fell in the afternoon."), builtin_antonyms()));
}

TEST_CASE("opposite predicates: only between claims that otherwise say the same thing") {
  CompareOptions with_antonyms;
  with_antonyms.antonyms = &builtin_antonyms();
  const auto r = compare_texts({make_document("a", "The ministry said oil exports to Asia increased in March.", "en"),
                                make_document("b", "Analysts said gas imports from Norway decreased last winter.", "en")},
                               with_antonyms);
  for (const Alignment& al : r.alignments) CHECK(al.judgement.label != PairLabel::Conflict);
}

TEST_CASE("numbers compare only like quantities: an age is not a duration, a currency not another") {
  // "11 years" of service and a "51-year-old" are different quantities.
  auto r = compare_texts({make_document("a", "The police said the suspect, a 51-year-old teacher, was detained in Moscow.", "en"),
                          make_document("b", "The police said the suspect, who had worked 11 years as a teacher, was detained in Moscow.", "en")});
  for (const Alignment& al : r.alignments)
    for (const std::string& reason : al.judgement.reasons) CHECK(!contains(reason, "different numbers"));
  // Two ages, or two sums in one currency, still conflict; sums in two currencies do not, nor do
  // they agree: a reader cannot check one against the other.
  r = compare_texts({make_document("a", "The police said the suspect, a 51-year-old teacher, was detained in Moscow.", "en"),
                     make_document("b", "The police said the suspect, a teacher aged 45, was detained in Moscow.", "en")});
  REQUIRE(r.alignments.size() == 1);
  CHECK(r.alignments[0].judgement.reasons == std::vector<std::string>{"different numbers: age 51 vs age 45"});
  r = compare_texts({make_document("a", "The ministry said the deal was worth $40 billion over ten years.", "en"),
                     make_document("b", "The ministry said the deal was worth $13 billion over ten years.", "en")});
  REQUIRE(r.alignments.size() == 1);
  CHECK(r.alignments[0].judgement.reasons ==
        std::vector<std::string>{"different numbers: $40 billion vs $13 billion"});
  r = compare_texts({make_document("a", "The ministry said the deal was worth $40B over ten years.", "en"),
                     make_document("b", "The ministry said the deal was worth £13B over ten years.", "en")});
  REQUIRE(r.alignments.size() == 1);
  CHECK(r.alignments[0].judgement.label == PairLabel::Related);
  CHECK(r.alignments[0].judgement.reasons == std::vector<std::string>{"amounts in different currencies: $40B vs £13B"});
  // An amount also given in a currency both name is compared in it.
  r = compare_texts({make_document("a", "The ministry said the deal was worth £30B ($40B) over ten years.", "en"),
                     make_document("b", "The ministry said the deal was worth $40B over ten years.", "en")});
  REQUIRE(r.alignments.size() == 1);
  CHECK(r.alignments[0].judgement.label == PairLabel::Agree);
  CHECK(r.alignments[0].judgement.reasons.empty());
}

TEST_CASE("ages in Russian and Arabic are ages, not years of something") {
  static WordKeyer keyer;
  const struct {
    const char* text;
    const char* unit;
  } cases[] = {
      {"Полиция сообщила, что задержан 51-летний учитель из Москвы.", "age"},
      {"Задержан учитель в возрасте 51 года.", "age"},
      {"Учитель проработал 11 лет в школе.", "лет"},
      {"اعتقلت الشرطة مدرسا يبلغ من العمر 51 عاما.", "age"},
      {"The suspect, aged 51, was detained.", "age"},
      {"He served 11 years in the army.", "year"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const Quantities q = quantities_of(keyer, c.text);
    REQUIRE(q.numbers.size() == 1);
    CHECK(q.numbers[0].unit == c.unit);
  }
}

TEST_CASE("lengths and masses compare in any language and unit: km and км, metres and kilometres") {
  static WordKeyer keyer;
  const struct {
    const char* text;
    const char* unit;
    double value;
  } cases[] = {
      {"The eruption began about 30 kilometres from Reykjavik.", "length:m", 30000},
      {"Извержение началось в 40 км от Рейкьявика.", "length:m", 40000},
      {"Лава вытекает из трещины длиной около 500 метров.", "length:m", 500},
      {"بدأ الثوران على بعد 30 كيلومترا من العاصمة.", "length:m", 30000},
      {"The lorry carried 12 tonnes of grain.", "mass:kg", 12000},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const Quantities q = quantities_of(keyer, c.text);
    REQUIRE(q.numbers.size() == 1);
    CHECK(q.numbers[0].unit == c.unit);
    CHECK(q.numbers[0].value == doctest::Approx(c.value));
  }
  // The same length in two units is no conflict; two lengths are.
  auto r = compare_texts({make_document("a", "Officials said the lava flowed 2 kilometres towards the coastal road.", "en"),
                          make_document("b", "Officials said the lava flowed 2000 metres towards the coastal road.", "en")});
  REQUIRE(r.alignments.size() == 1);
  CHECK(r.alignments[0].judgement.reasons.empty());
  r = compare_texts({make_document("a", "Officials said the lava flowed 2 kilometres towards the coastal road.", "en"),
                     make_document("b", "Officials said the lava flowed 5 kilometres towards the coastal road.", "en")});
  REQUIRE(r.alignments.size() == 1);
  CHECK(r.alignments[0].judgement.label == PairLabel::Conflict);
}

TEST_CASE("an agreement reached against one only proposed or not confirmed is a conflict of status") {
  const auto judge = [](const char* a, const char* b, const char* lang) {
    const auto r = compare_texts({make_document("a", a, lang), make_document("b", b, lang)});
    REQUIRE(r.alignments.size() == 1);
    return r.alignments[0].judgement;
  };
  auto j = judge("Officials said Russia and Ukraine reached an agreement on grain exports in Istanbul on Friday.",
                 "Officials said Russia and Ukraine proposed an agreement on grain exports in Istanbul on Friday.", "en");
  CHECK(j.label == PairLabel::Conflict);
  CHECK(j.reasons == std::vector<std::string>{"different status: reached vs proposed"});
  j = judge("Россия и Украина подписали соглашение об экспорте зерна в Стамбуле в пятницу.",
            "Россия и Украина обсудили проект соглашения об экспорте зерна в Стамбуле в пятницу.", "ru");
  CHECK(j.label == PairLabel::Conflict);
  CHECK(contains(j.reasons.at(0), "different status: подписали vs проект"));
  // An account that says neither is no conflict with either.
  j = judge("Officials said Russia and Ukraine reached an agreement on grain exports in Istanbul on Friday.",
            "Officials said Russia and Ukraine talked about an agreement on grain exports in Istanbul on Friday.", "en");
  for (const std::string& reason : j.reasons) CHECK(!contains(reason, "different status"));
}

TEST_CASE("swapped roles around the same predicate are a conflict, coordination and moved names are not") {
  const auto judge = [](const char* a, const char* b) {
    const auto r = compare_texts({make_document("a", a), make_document("b", b)});
    REQUIRE(r.alignments.size() == 1);
    return r.alignments[0].judgement;
  };
  auto j = judge("Chelsea beat Manchester City 1-0 in the final in Porto on Saturday.",
                 "Manchester City beat Chelsea 1-0 in the final in Porto on Saturday.");
  CHECK(j.label == PairLabel::Conflict);
  CHECK(j.reasons == std::vector<std::string>{"swapped roles: Chelsea ... Manchester City vs Manchester City ... Chelsea"});
  j = judge("Челси обыграл Манчестер Сити в финале в Порту в субботу.", "Манчестер Сити обыграл Челси в финале в Порту в субботу.");
  CHECK(j.label == PairLabel::Conflict);
  // "A and B" has no roles; a passive and a moved time word keep the meaning.
  CHECK(judge("Putin and Biden discussed the New START treaty on Tuesday.",
              "Biden and Putin discussed the New START treaty on Tuesday.").label == PairLabel::Agree);
  CHECK(judge("Chelsea beat Manchester City 1-0 in the final in Porto on Saturday.",
              "Manchester City were beaten by Chelsea 1-0 in the final in Porto on Saturday.").label != PairLabel::Conflict);
  CHECK(judge("On Tuesday, Russia shelled Kharkiv again, the governor said.",
              "Russia shelled Kharkiv again on Tuesday, the governor said.").label == PairLabel::Agree);
}

TEST_CASE("a negation conflicts only when what it negates is the aligned content") {
  const auto judge = [](const char* a, const char* b) {
    const auto r = compare_texts({make_document("a", a, "en"), make_document("b", b, "en")});
    REQUIRE(r.alignments.size() == 1);
    return r.alignments[0].judgement;
  };
  // The negated clause ("did not have any suspects") is beside what both accounts report.
  auto j = judge("Police said two people were killed in the attack on the central market, but they did not have any suspects.",
                 "Two people were killed in the attack on the central market, police said.");
  CHECK(j.label != PairLabel::Conflict);
  j = judge("The Kremlin said Putin did not discuss the sanctions with Biden during the call.",
            "The Kremlin said Putin discussed the sanctions with Biden during the call.");
  CHECK(j.label == PairLabel::Conflict);
  CHECK(j.reasons == std::vector<std::string>{"negation on one side only"});
}

TEST_CASE("topics: aligned claims grouped across sides, conflicts first, what one side alone says in none") {
  const auto r = compare_texts({
      make_document("a", "The two presidents agreed to extend the New START treaty for five years. "
                         "The Kremlin described the conversation as frank and business-like. "
                         "Oil prices rose in Asian markets on Wednesday morning after the talks.", "en"),
      make_document("b", "The two presidents agreed to extend the New START treaty for three years. "
                         "The Kremlin described the conversation as frank and business-like.", "en"),
  });
  REQUIRE(r.topics.size() == 2);
  CHECK(r.topics[0].conflicts == 1);  // five vs three years comes first
  CHECK(r.topics[1].agreements == 1);
  for (const ClaimTopic& t : r.topics) {
    CHECK(t.sides.size() == 2);
    CHECK(t.claims.size() == 2);
  }
  REQUIRE(r.unaligned.size() == 1);
  CHECK(contains(r.claims[r.unaligned[0]].text, "Oil prices"));
}

TEST_CASE("topics: a claim that mentions two subjects does not chain them into one topic") {
  // Two accounts of the treaty, two of Navalny, and a summary of both (e) that aligns with each:
  // the treaty and Navalny claims share almost nothing, so they stay two topics, where joining
  // along every alignment would make one.
  const auto r = compare_texts({
      make_document("a", "The two presidents agreed to extend the New START arms control treaty for five years.", "en"),
      make_document("b", "Both leaders agreed that the New START arms control treaty will be extended by five years.", "en"),
      make_document("c", "Biden raised the poisoning and jailing of the opposition leader Alexei Navalny with Putin.", "en"),
      make_document("d", "Putin was told of American concern over the poisoning and jailing of Alexei Navalny.", "en"),
      make_document("e", "The presidents discussed the New START arms control treaty and the jailing of Alexei Navalny.", "en"),
  });
  const auto topic_of = [&](std::size_t document) {
    for (std::size_t t = 0; t < r.topics.size(); ++t)
      for (std::size_t c : r.topics[t].claims)
        if (r.claims[c].document_index == document) return static_cast<int>(t);
    return -1;
  };
  REQUIRE(topic_of(0) >= 0);
  REQUIRE(topic_of(2) >= 0);
  CHECK(topic_of(0) == topic_of(1));
  CHECK(topic_of(2) == topic_of(3));
  CHECK(topic_of(0) != topic_of(2));
}

TEST_CASE("one person, one speaker: longer phrasings of a name fold into the shortest") {
  CompareOptions by_speaker;
  by_speaker.by = CompareBy::Speaker;
  const auto r = compare_texts(
      {make_document("a",
                     "President Donald Trump said the talks with Moscow were going very well. "
                     "Trump said a ceasefire could come within weeks. "
                     "Speaking on Truth Social, Trump on Truth Social said sanctions would stay. "
                     "Ukrainian officials said they had not been consulted about the plan.",
                     "en")},
      by_speaker);
  std::vector<std::string> speakers;
  for (const auto& side : r.sides) speakers.push_back(side);
  CAPTURE(speakers);
  CHECK(std::count(speakers.begin(), speakers.end(), "Trump") == 1);
  CHECK(std::find(speakers.begin(), speakers.end(), "President Donald Trump") == speakers.end());
  CHECK(std::find(speakers.begin(), speakers.end(), "Trump on Truth Social") == speakers.end());
}

TEST_CASE("one institution, one speaker across languages: every word of its name has to match") {
  static const ConceptTable concepts = load_concept_table({});
  CompareOptions by_speaker;
  by_speaker.by = CompareBy::Speaker;
  by_speaker.concepts = &concepts;
  const auto sides_of = [&](const char* english, const char* russian) {
    return compare_texts({make_document("en", english, "en"), make_document("ru", russian, "ru")}, by_speaker).sides;
  };
  auto sides = sides_of("The Russian Defence Ministry said its air defences shot down twelve drones overnight.",
                        "Министерство обороны России заявило, что ночью силы ПВО сбили двенадцать беспилотников.");
  CAPTURE(sides);
  CHECK(sides == std::vector<std::string>{"Russian Defence Ministry"});
  // Two words of three in common: another ministry.
  sides = sides_of("The Russian Defence Ministry said its air defences shot down twelve drones overnight.",
                   "Министерство обороны Украины заявило, что ночью силы ПВО сбили двенадцать беспилотников.");
  CHECK(sides.size() == 2);
}

TEST_CASE("by speaker, an article that quotes one speaker is still compared (everything one side only)") {
  CompareOptions by_speaker;
  by_speaker.by = CompareBy::Speaker;
  const auto r = compare_texts({make_document("a", "The Kremlin said the talks were useful and frank. "
                                                   "The Kremlin said the next round would follow in May.", "en")},
                               by_speaker);
  REQUIRE(r.sides.size() == 1);
  CHECK(r.alignments.empty());
  CHECK(r.unaligned.size() == 2);
}

TEST_CASE("across languages, claims that share only names do not agree") {
  static const ConceptTable concepts = load_concept_table({});
  CompareOptions options;
  options.concepts = &concepts;
  const auto r = compare_texts({make_document("en", "Putin and Biden will meet in Geneva in June, the Kremlin said.", "en"),
                                make_document("ru", "Байден поблагодарил Путина за поздравления, сообщили в Белом доме.", "ru")},
                               options);
  for (const Alignment& a : r.alignments) CHECK(a.judgement.label != PairLabel::Agree);
  // The same statement in two languages still agrees.
  const auto same = compare_texts({make_document("en", "The Kremlin described the conversation as frank and business-like.", "en"),
                                   make_document("ru", "В Кремле назвали разговор деловым и откровенным.", "ru")},
                                  options);
  REQUIRE(same.alignments.size() == 1);
  CHECK(same.alignments[0].judgement.label == PairLabel::Agree);
}

TEST_CASE("in one language too, claims that share only names do not agree") {
  // The two leaders (speakers) and two topics (entities) of the built-in alias table in common,
  // nothing said of them alike.
  const auto names = compare_texts({make_document("a", "Putin and Biden discussed Ukraine and NATO.", "en"),
                                    make_document("b", "On Ukraine and NATO, Biden and Putin remain far apart.", "en")});
  REQUIRE(names.alignments.size() == 1);
  CHECK(names.alignments[0].judgement.label != PairLabel::Agree);
  const auto arabic = compare_texts({make_document("a", "ناقش بوتين وبايدن أوكرانيا والناتو.", "ar"),
                                     make_document("b", "بشأن أوكرانيا والناتو ، لا يزال بوتين وبايدن على خلاف.", "ar")});
  for (const Alignment& a : arabic.alignments) CHECK(a.judgement.label != PairLabel::Agree);
  // A word of meaning in common, and a pair alike agrees.
  const auto agreed = compare_texts({make_document("a", "Putin and Biden discussed Ukraine and NATO.", "en"),
                                     make_document("b", "Biden and Putin discussed NATO and Ukraine at length.", "en")});
  REQUIRE(agreed.alignments.size() == 1);
  CHECK(agreed.alignments[0].judgement.label == PairLabel::Agree);
}

TEST_CASE("countries are names too: two claims that share only them do not agree") {
  // Seed 000: the White House's New START agreement against the author's "this created tensions
  // between Russia and the United States" (agree 0.45 while the countries counted as meaning).
  const auto seed = compare_texts(
      {make_document("a", "وقال البيت الأبيض في بيان إن رئيسي الولايات المتحدة وروسيا ، جو بايدن وفلاديمير بوتين ، "
                          "اتفقا على أن يكمل فريقهما بسرعة تمديد اتفاقية “البداية الجديدة” للحد من التسلح بين البلدين.", "ar"),
       make_document("b", "خلق هذا توترات بين روسيا والولايات المتحدة.", "ar")});
  REQUIRE(seed.alignments.size() == 1);
  CHECK(seed.alignments[0].judgement.label != PairLabel::Agree);
  const auto english = compare_texts({make_document("a", "Russia and the United States agreed to extend the treaty.", "en"),
                                      make_document("b", "Tensions grew between Russia and the United States.", "en")});
  for (const Alignment& a : english.alignments) CHECK(a.judgement.label != PairLabel::Agree);
  // A place is no speaker: "Russia said" stays a phrase as written, not the alias table's name.
  const auto said = compare_texts({make_document("a", "Russia said the talks were useful.", "en"),
                                   make_document("b", "Germany said the talks were useful.", "en")});
  REQUIRE(said.alignments.size() == 1);
  CHECK(said.alignments[0].judgement.label == PairLabel::Agree);
}

// ---- what a number or a date counts, so that only one quantity is compared ----

TEST_CASE("counts compare only when their words say what is counted: a toll is not an arrest count") {
  // Two tolls of the same attack: a conflict a reader can check.
  auto r = compare_texts({make_document("a", "The ministry said at least 115 people were killed in the attack on the hall.", "en"),
                          make_document("b", "The ministry said 60 people were killed in the attack on the hall.", "en")});
  REQUIRE(r.alignments.size() == 1);
  CHECK(r.alignments[0].judgement.reasons == std::vector<std::string>{"different numbers: 115 people vs 60 people"});
  // People arrested against people killed: two quantities, no conflict.
  r = compare_texts({make_document("a", "The ministry said 11 people were arrested after the attack on the hall.", "en"),
                     make_document("b", "The ministry said 60 people were killed in the attack on the hall.", "en")});
  for (const Alignment& al : r.alignments) CHECK(al.judgement.reasons.empty());
}

TEST_CASE("codes, clock times and decimal commas are read as what they are") {
  static WordKeyer keyer;
  // A photo agency's code is no count of people.
  auto q = quantities_of(keyer, "epa11238438 People bring flowers to the concert hall.");
  CHECK(q.numbers.empty());
  q = quantities_of(keyer, "An A320 landed with 150 passengers.");
  REQUIRE(q.numbers.size() == 1);
  CHECK(q.numbers[0].value == 150);
  // A clock time is not two numbers (accounts give it in different time zones).
  q = quantities_of(keyer, "The probe touched down at 4:18 p.m. local time.");
  CHECK(q.numbers.empty());
  // "7,8" is a Russian decimal; "1,000" groups thousands.
  q = quantities_of(keyer, "Землетрясение магнитудой 7,8 произошло на глубине 24,1 км.");
  REQUIRE(q.numbers.size() == 2);
  CHECK(q.numbers[0].value == doctest::Approx(7.8));
  CHECK(q.numbers[1].value == doctest::Approx(24100));
  q = quantities_of(keyer, "More than 1,000 people were evacuated.");
  REQUIRE(q.numbers.size() == 1);
  CHECK(q.numbers[0].value == 1000);
  // "23-24 August" names both days.
  q = quantities_of(keyer, "The lander is due to touch down on 23-24 August.");
  CHECK(std::set<std::string>(q.dates.begin(), q.dates.end()) == std::set<std::string>{"08-23", "08-24"});
}

TEST_CASE("a distance given in two units, or a depth against a distance, is no conflict") {
  auto r = compare_texts({make_document("a", "The survey said the quake was centred about 33km (20 miles) from the city of Gaziantep.", "en"),
                          make_document("b", "The survey said the quake was centred about 33 kilometres from the city of Gaziantep.", "en")});
  REQUIRE(r.alignments.size() == 1);
  CHECK(r.alignments[0].judgement.reasons.empty());
  r = compare_texts({make_document("a", "The survey said the quake was centred 33 km from Gaziantep.", "en"),
                     make_document("b", "The survey said the quake struck at a depth of 18 km.", "en")});
  REQUIRE(r.alignments.size() == 1);
  CHECK(r.alignments[0].judgement.reasons.empty());
  // The same distance measured differently is still a conflict.
  r = compare_texts({make_document("a", "The survey said the quake was centred 33 km from the city of Gaziantep.", "en"),
                     make_document("b", "The survey said the quake was centred 26 km from the city of Gaziantep.", "en")});
  REQUIRE(r.alignments.size() == 1);
  CHECK(r.alignments[0].judgement.label == PairLabel::Conflict);
}

TEST_CASE("dates conflict only in claims that otherwise say the same thing, and a range shares its days") {
  // Two steps of one mission, each with its date: not a conflict.
  auto r = compare_texts({make_document("a", "The lander separated from the propulsion module on 17 August.", "en"),
                          make_document("b", "India's mission landed on the Moon's south pole on 23 August.", "en")});
  for (const Alignment& al : r.alignments) CHECK(al.judgement.reasons.empty());
  // One landing, dated by a range and by one of its days: not a conflict; by another day: one.
  r = compare_texts({make_document("a", "The agency said the lander would touch down on the Moon on 23-24 August.", "en"),
                     make_document("b", "The agency said the lander would touch down on the Moon on 23 August.", "en")});
  REQUIRE(r.alignments.size() == 1);
  CHECK(r.alignments[0].judgement.reasons.empty());
  r = compare_texts({make_document("a", "The agency said the lander would touch down on the Moon on 25 August.", "en"),
                     make_document("b", "The agency said the lander would touch down on the Moon on 23 August.", "en")});
  REQUIRE(r.alignments.size() == 1);
  CHECK(r.alignments[0].judgement.reasons == std::vector<std::string>{"different dates: 08-25 vs 08-23"});
}

TEST_CASE("opposite predicates are what a claim asserts: not nouns, not ordinals, not across languages") {
  CompareOptions with_antonyms;
  with_antonyms.antonyms = &builtin_antonyms();
  // "war" / "peace" are things (WordNet's noun antonyms); "first" / "last" a position.
  const auto labels = [&](const char* a, const char* b) {
    std::vector<PairLabel> out;
    for (const Alignment& al : compare_texts({make_document("a", a, "en"), make_document("b", b, "en")}, with_antonyms).alignments)
      out.push_back(al.judgement.label);
    return out;
  };
  CHECK(labels("Officials said both leaders want a lasting peace in the region.",
               "Officials said both leaders want to end the war in the region.") == std::vector<PairLabel>{PairLabel::Agree});
  CHECK(labels("Officials said the leaders held their first call since December 2022.",
               "Officials said the leaders held their last call in December 2022.") == std::vector<PairLabel>{PairLabel::Agree});
  // Across languages a word meets its opposite through one gloss: "غير رسمي" (informal) has the
  // gloss of "رسمي" (formal). Both accounts say the meeting was informal.
  static const ConceptTable concepts = load_concept_table({});
  with_antonyms.concepts = &concepts;
  const auto r = compare_texts({make_document("en", "Putin and Xi held an informal meeting in the Kremlin on Monday.", "en"),
                     make_document("ar", "عقد بوتين وشي اجتماعا غير رسمي في الكرملين يوم الاثنين.", "ar")},
                    with_antonyms);
  for (const Alignment& al : r.alignments)
    for (const std::string& reason : al.judgement.reasons) CHECK(!contains(reason, "opposite predicates"));
}

TEST_CASE("across languages, claims that share only a date say nothing alike: two datelines do not conflict") {
  static const ConceptTable concepts = load_concept_table({});
  CompareOptions options;
  options.concepts = &concepts;
  const auto r = compare_texts({make_document("en", "Muhammad Irfan Published April 07, 2023.", "en"),
                                make_document("ru", "6 апреля 2023 г.", "ru")},
                               options);
  for (const Alignment& a : r.alignments) CHECK(a.judgement.label != PairLabel::Conflict);
  // The same statement dated differently still conflicts.
  const auto dated = compare_texts({make_document("en", "The two presidents will meet in Geneva on 16 June, the Kremlin said.", "en"),
                                    make_document("ru", "Президенты встретятся в Женеве 17 июня, сообщили в Кремле.", "ru")},
                                   options);
  REQUIRE(dated.alignments.size() == 1);
  CHECK(dated.alignments[0].judgement.reasons == std::vector<std::string>{"different dates: 06-16 vs 06-17"});
}

TEST_CASE("two accounts that characterize the talks with a word in common agree, in any two languages") {
  static const ConceptTable concepts = load_concept_table({});
  CompareOptions options;
  options.concepts = &concepts;
  // Each says much else, so the pair scores under the cross-language agree threshold (0.08).
  const auto r = compare_texts(
      {make_document("en", "Blinken, who flew in from Berlin after meeting European allies and will brief NATO ministers in "
                           "Brussels on Monday, said the talks were frank and substantive.", "en"),
       make_document("ru", "Лавров назвал переговоры откровенными и полезными и добавил, что Россия ждёт письменного ответа "
                           "на свои предложения по гарантиям безопасности до конца месяца.", "ru")},
      options);
  REQUIRE(r.alignments.size() == 1);
  CHECK(r.alignments[0].similarity < options.thresholds.cross_language_agree);
  CHECK(r.alignments[0].judgement.label == PairLabel::Agree);
  CHECK(r.alignments[0].judgement.reasons.empty());
}

TEST_CASE("a characterization is the word itself, not another word of its stem") {
  WordKeyer keyer;
  const EntityAliases aliases = EntityAliases::defaults(keyer);
  ClaimProfiler profiler(aliases);
  const auto characterizations = [&](const char* text, const char* lang) {
    return profiler.profile(text, lang).characterizations;
  };
  // "position" and "positive" are both "posit", "used" and "useful" "use", "friend" and "friendly" "friend".
  CHECK(characterizations("Both sides now understand each other's position better.", "en").empty());
  CHECK(characterizations("He said nuclear weapons must not be used.", "en").empty());
  CHECK(characterizations("Xi welcomed his old friend to Beijing.", "en").empty());
  CHECK(characterizations("The talks were positive and useful.", "en") == std::set<std::string>{"positive", "useful"});
  CHECK(characterizations("The talks went frankly and friendly.", "en") == std::set<std::string>{"cordial", "frank"});
  // Inflected and prefixed forms still count.
  CHECK(characterizations("Переговоры были откровенными.", "ru") == std::set<std::string>{"frank"});
  CHECK(characterizations("ووصف الرئيس اللقاء بالودي.", "ar") == std::set<std::string>{"cordial"});
  const auto r = compare_texts({make_document("a", "The ministry said both sides now understand each other's position on the talks.", "en"),
                                make_document("b", "The ministry said the talks were frank.", "en")});
  for (const Alignment& al : r.alignments) CHECK(al.judgement.label != PairLabel::Conflict);
}

TEST_CASE("negations written into the verb or as neither count, and both accounts negated do not conflict") {
  const auto judge = [](const char* a, const char* b) {
    const auto r = compare_texts({make_document("a", a, "en"), make_document("b", b, "en")});
    REQUIRE(r.alignments.size() == 1);
    return r.alignments[0].judgement;
  };
  auto j = judge("The parliament didn't approve the gas deal with Ankara on Friday.",
                 "The parliament approved the gas deal with Ankara on Friday.");
  CHECK(j.label == PairLabel::Conflict);
  CHECK(j.reasons == std::vector<std::string>{"negation on one side only"});
  j = judge("Officials said a solution to the conflict can't be found on the battlefield.",
            "Officials said no solution to the conflict is possible on the battlefield.");
  CHECK(j.label == PairLabel::Agree);
  j = judge("Neither leader offered details of the plan after the meeting.",
            "The leader did not offer details of the plan after the meeting.");
  CHECK(j.label == PairLabel::Agree);
  j = judge("The agreement covers not only grain but also fertilizer exports from the ports.",
            "The agreement covers grain and fertilizer exports from the ports.");
  CHECK(j.label == PairLabel::Agree);
}

TEST_CASE("a negation conflicts only when the other account says what it negates") {
  const auto judge = [](const char* a, const char* b) {
    const auto r = compare_texts({make_document("a", a, "en"), make_document("b", b, "en")});
    REQUIRE(r.alignments.size() == 1);
    return r.alignments[0].judgement;
  };
  // What is negated ("reaching" a deal) is not what the other account says (they met for talks).
  auto j = judge("The two presidents met in Anchorage for talks on ending the war in Ukraine.",
                 "The two presidents met in Anchorage for talks but left without reaching a deal on ending the war in Ukraine.");
  CHECK(j.label != PairLabel::Conflict);
  j = judge("The two presidents reached a deal on ending the war in Ukraine in Anchorage.",
            "The two presidents left Anchorage without reaching a deal on ending the war in Ukraine.");
  CHECK(j.label == PairLabel::Conflict);
}

TEST_CASE("a denial conflicts only with a claim that otherwise says the same thing") {
  const auto labels = [](const char* a, const char* b) {
    std::vector<PairLabel> out;
    for (const Alignment& al : compare_texts({make_document("a", a, "en"), make_document("b", b, "en")}).alignments)
      out.push_back(al.judgement.label);
    return out;
  };
  CHECK(labels("Kyiv and its allies rejected the Chinese peace plan outright.",
               "Xi presented the Chinese peace plan to Putin over a long dinner in the Kremlin on Monday evening.") ==
        std::vector<PairLabel>{PairLabel::Related});
  CHECK(labels("The ministry denied that troops crossed the border near Kharkiv on Monday.",
               "Troops crossed the border near Kharkiv on Monday, the ministry said.") ==
        std::vector<PairLabel>{PairLabel::Conflict});
}

TEST_CASE("opposite predicates must be said of something in common") {
  PredicateFinder finder(builtin_antonyms(), nullptr);
  const auto opposed = [&](const char* a, const char* b) {
    return opposite_predicates(finder.predicates(a), finder.predicates(b), builtin_antonyms()).has_value();
  };
  CHECK(!opposed("Beijing agreed to keep rare earth exports flowing, and to cooperate on fentanyl.",
                 "Beijing agreed to step up soybean imports, and to cooperate on fentanyl."));
  CHECK(opposed("Soybean imports rose in March.", "Soybean exports rose in March."));
  CHECK(opposed("The company said profits rose sharply.", "The company said profits fell sharply."));
}

TEST_CASE("dates conflict only when they date the same thing, as the words around them tell") {
  WordKeyer keyer;
  const EntityAliases aliases = EntityAliases::defaults(keyer);
  ClaimProfiler profiler(aliases);
  const auto p = profiler.profile("The two presidents will meet in Geneva on 16 June, the Kremlin said.", "en");
  REQUIRE(p.date_contexts.size() == 1);
  CHECK(p.date_contexts[0].count("geneva") == 1);
  // Two steps of one visit, dated with nothing but time words around the dates.
  const auto r = compare_texts(
      {make_document("a", "Xi met Putin in the Kremlin on the afternoon of 20 March local time, the agency said.", "en"),
       make_document("b", "On the afternoon of 21 March local time, Xi held talks with Putin in the Kremlin, the agency said.", "en")});
  REQUIRE(r.alignments.size() == 1);
  for (const std::string& reason : r.alignments[0].judgement.reasons) CHECK(!contains(reason, "different dates"));
  // A date set off by commas says nothing of what it dates.
  const auto steps = compare_texts(
      {make_document("a", "On 17 August, the lander of the mission separated from the propulsion module near the Moon.", "en"),
       make_document("b", "On 23 August, the lander of the mission touched down near the Moon's south pole.", "en")});
  for (const Alignment& al : steps.alignments)
    for (const std::string& reason : al.judgement.reasons) CHECK(!contains(reason, "different dates"));
}

TEST_CASE("a characterization counts when it is said of a talk, not of an idea or a condition") {
  WordKeyer keyer;
  const EntityAliases aliases = EntityAliases::defaults(keyer);
  ClaimProfiler profiler(aliases);
  const auto characterizations = [&](const char* text, const char* lang) {
    return profiler.profile(text, lang).characterizations;
  };
  CHECK(characterizations("We considered your proposal to meet a useful idea that would help you prepare answers.", "en").empty());
  CHECK(characterizations("The two countries have been tempered in difficult conditions over many years.", "en").empty());
  CHECK(characterizations("He urged the capitals to accept these results constructively.", "en").empty());
  CHECK(characterizations("The Kremlin described the conversation as frank and business-like.", "en") ==
        std::set<std::string>{"business-like", "frank"});
  CHECK(characterizations("Разговор носил деловой и откровенный характер.", "ru") == std::set<std::string>{"business-like", "frank"});
  CHECK(characterizations("ووصف الجانبان المحادثات بأنها صريحة.", "ar") == std::set<std::string>{"frank"});
  const auto r = compare_texts({make_document("a", "The ministry said the countries were tempered in difficult conditions over decades.", "en"),
                                make_document("b", "The ministry said the talks between the countries were cordial.", "en")});
  for (const Alignment& al : r.alignments) CHECK(al.judgement.label != PairLabel::Conflict);
}

TEST_CASE("percentages are one unit however they are written") {
  WordKeyer keyer;
  for (const char* text : {"Tariffs were cut to 47% this year.", "Tariffs were cut to 47 per cent this year.",
                           "Tariffs were cut to 47 percent this year.", "Пошлины снижены до 47 процентов.",
                           "خفضت الرسوم إلى 47 بالمئة.", "خفضت الرسوم إلى 47 في المائة.", "خفضت الرسوم إلى 47٪."}) {
    CAPTURE(text);
    const auto q = quantities_of(keyer, text);
    REQUIRE(q.numbers.size() == 1);
    CHECK(q.numbers[0].unit == "percent");
    CHECK(q.numbers[0].value == 47);
  }
  CHECK(quantities_of(keyer, "Tariffs were cut to 47% this year.").numbers[0].text == "47%");
  CHECK(quantities_of(keyer, "Tariffs were cut to 47 per cent this year.").numbers[0].text == "47 per cent");
  // The same share written two ways agrees; two shares of the same thing conflict.
  auto r = compare_texts({make_document("a", "The ministry said tariffs on steel were cut to 47% on Monday.", "en"),
                          make_document("b", "The ministry said tariffs on steel were cut to 47 per cent on Monday.", "en")});
  REQUIRE(r.alignments.size() == 1);
  CHECK(r.alignments[0].judgement.label == PairLabel::Agree);
  r = compare_texts({make_document("a", "The ministry said tariffs on steel were cut to 47% on Monday.", "en"),
                     make_document("b", "The ministry said tariffs on steel were cut to 45 percent on Monday.", "en")});
  REQUIRE(r.alignments.size() == 1);
  CHECK(r.alignments[0].judgement.reasons == std::vector<std::string>{"different numbers: 47% vs 45 percent"});
}

TEST_CASE("an amount of change is not compared with a level") {
  WordKeyer keyer;
  CHECK(quantities_of(keyer, "Tariffs will be cut by 10% next year.").numbers.at(0).unit == "percent:change");
  CHECK(quantities_of(keyer, "США снизят пошлины на 10%.").numbers.at(0).unit == "percent:change");
  CHECK(quantities_of(keyer, "Путин приказал прекратить удары на 30 дней.").numbers.at(0).unit != "percent:change");
  auto r = compare_texts({make_document("a", "The ministry said tariffs on Chinese goods will be cut by 10% next year.", "en"),
                          make_document("b", "The ministry said tariffs on Chinese goods will be cut to 47% next year.", "en")});
  for (const Alignment& al : r.alignments)
    for (const std::string& reason : al.judgement.reasons) CHECK(!contains(reason, "different numbers"));
  r = compare_texts({make_document("a", "The ministry said tariffs on Chinese goods will be cut by 10% next year.", "en"),
                     make_document("b", "The ministry said tariffs on Chinese goods will be cut by 12% next year.", "en")});
  REQUIRE(r.alignments.size() == 1);
  CHECK(r.alignments[0].judgement.reasons == std::vector<std::string>{"different numbers: 10% vs 12%"});
}
