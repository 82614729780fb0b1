// Claim extraction and attribution: cue detection in Arabic, English and Russian, carry-over,
// aliases (built-in, learned in a document, from a file), and the White House / Kremlin split of
// seed 000.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "claims/aliases.hpp"
#include "claims/extract.hpp"
#include "seed_paths.hpp"

using namespace parallax;

namespace {

std::vector<Claim> claims_of(const std::string& text, const std::string& lang = "",
                             const std::string& alias_text = "") {
  static WordKeyer keyer;
  EntityAliases aliases = EntityAliases::defaults(keyer);
  if (!alias_text.empty()) aliases.add_text(alias_text, "<test>", keyer);
  ClaimExtractor extractor(aliases);
  Document doc;
  doc.id = "doc";
  doc.source = "Example Wire";
  doc.lang = lang;
  doc.text = text;
  return extractor.extract(doc, 0);
}

// The texts of the claims attributed to `speaker`, joined.
std::string said_by(const std::vector<Claim>& claims, const std::string& speaker) {
  std::string all;
  for (const Claim& c : claims) {
    if (c.speaker == speaker) all += c.text + "\n";
  }
  return all;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("English cues: verb after the speaker / 'according to' / quote first") {
  const auto claims = claims_of(
      "The Kremlin said the conversation was frank and business-like. "
      "According to the White House, Biden raised the case of Alexei Navalny. "
      "\"We will extend the treaty,\" said Jen Psaki. "
      "Oil prices rose sharply in March after the announcement.",
      "en");
  REQUIRE(claims.size() == 4);
  CHECK(claims[0].speaker == "Kremlin");
  CHECK(claims[0].attribution == AttributionKind::Explicit);
  CHECK(claims[0].cue.text == "said");
  CHECK(claims[0].cue.kind == "verb");
  CHECK(claims[1].speaker == "White House");
  CHECK(claims[1].cue.text == "According to");
  CHECK(claims[1].cue.kind == "source");
  CHECK(claims[2].speaker == "Jen Psaki");
  CHECK(claims[3].speaker == "Example Wire");  // no cue: the author (the source field)
  CHECK(claims[3].attribution == AttributionKind::Author);
  CHECK_FALSE(claims[3].has_cue);
}

TEST_CASE("English carry-over: 'He also said' continues the previous speaker") {
  const auto claims = claims_of(
      "Putin told Biden that normalizing relations was in both countries' interest. "
      "He also said the New START treaty should be extended quickly.",
      "en");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].speaker == "Kremlin");
  CHECK(claims[1].speaker == "Kremlin");
  CHECK(claims[1].attribution == AttributionKind::Carried);
}

TEST_CASE("Russian cues: 'заявил X' / 'по словам X' / carry-over with 'также'") {
  const auto claims = claims_of(
      "Разговор президентов был откровенным и деловым, заявил Песков журналистам. "
      "По словам Пескова, стороны обсудили продление договора о СНВ. "
      "Он также сообщил, что следующий разговор пока не планируется.",
      "ru");
  REQUIRE(claims.size() == 3);
  CHECK(claims[0].speaker == "Kremlin");
  CHECK(claims[0].cue.text == "заявил");
  CHECK(claims[1].speaker == "Kremlin");
  CHECK(claims[1].cue.kind == "source");
  CHECK(claims[2].speaker == "Kremlin");
  CHECK(claims[2].attribution == AttributionKind::Carried);
}

TEST_CASE("Arabic cues: verb with و prefix / feminine form / بحسب / and كما carry-over") {
  const auto claims = claims_of(
      "وقالت الرئاسة الروسية إن الاتصال تناول قضايا الأمن الأوروبي. "
      "كما ناقش الرئيسان برنامج إيران النووي والصراع في أوكرانيا. "
      "وبحسب البيت الأبيض، أثار بايدن قضية المعارض أليكسي نافالني. "
      "وارتفعت أسعار النفط في الأسواق العالمية بعد الإعلان.",
      "ar");
  REQUIRE(claims.size() == 4);
  CHECK(claims[0].speaker == "Kremlin");
  CHECK(claims[0].cue.text == "وقالت");
  CHECK(claims[1].speaker == "Kremlin");
  CHECK(claims[1].attribution == AttributionKind::Carried);
  CHECK(claims[2].speaker == "White House");
  CHECK(claims[2].cue.text == "وبحسب");
  CHECK(claims[3].attribution == AttributionKind::Author);
}

TEST_CASE("a name introduced with its role speaks for its institution in the rest of the document") {
  const auto claims = claims_of(
      "White House press secretary Jen Psaki said the call was planned last week. "
      "Psaki told reporters that the president raised the SolarWinds hack.",
      "en");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].speaker == "White House");
  CHECK(claims[1].speaker == "White House");
}

TEST_CASE("an alias file maps a spokesperson to an institution") {
  const std::string text = "Psaki said the president raised the SolarWinds hack with Putin.";
  CHECK(claims_of(text, "en")[0].speaker == "Psaki");
  const auto claims = claims_of(text, "en", "# test\n[speakers]\nWhite House = Psaki | ساكي | جين ساكي\n");
  CHECK(claims[0].speaker == "White House");
  CHECK(claims[0].speaker_surface == "Psaki");
}

TEST_CASE("alias file parsing: sections / comments / errors name the file and line") {
  WordKeyer keyer;
  EntityAliases aliases;
  aliases.add_text("# comment\n\n[entities]\nNew START = البداية الجديدة | ستارت | СНВ\n", "a.txt", keyer);
  const auto tokens = keyer.tokenize("تمديد معاهدة ستارت لخمس سنوات");
  const auto match = aliases.find(AliasSection::Entities, tokens, 0, tokens.size());
  REQUIRE(match);
  CHECK(match->canonical == "New START");

  auto error_of = [&](const std::string& text) {
    try {
      EntityAliases a;
      a.add_text(text, "bad.txt", keyer);
    } catch (const AliasFileError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(error_of("[speakers]\nWhite House البيت الأبيض\n") ==
        "bad.txt:2: expected 'NAME = ALIAS | ALIAS ...'");
  CHECK(contains(error_of("[people]\n"), "bad.txt:1: unknown section"));
  CHECK(contains(error_of("Kremlin =  |  \n"), "bad.txt:1: no aliases"));
  CHECK(contains(error_of(" = Kremlin\n"), "bad.txt:1: empty name"));

  EntityAliases a;
  CHECK_THROWS_WITH_AS(a.add_file("/nonexistent/aliases.txt", keyer),
                       "/nonexistent/aliases.txt: cannot read alias file (no such file or directory)", AliasFileError);
}

TEST_CASE("claims keep their byte span / cue span and original text") {
  const std::string text = "Intro line without a cue here.\nوقال الكرملين إن المحادثة كانت صريحة.";
  const auto claims = claims_of(text, "");
  REQUIRE(claims.size() == 2);
  const Claim& c = claims[1];
  CHECK(text.substr(c.span.begin, c.span.end - c.span.begin) == c.text);
  CHECK(text.substr(c.cue.span.begin, c.cue.span.end - c.cue.span.begin) == "وقال");
  CHECK(c.sentence == 2);
  CHECK(c.lang == "ar");
  CHECK_FALSE(contains(c.content, "الكرملين"));  // the content leaves the attribution out
  CHECK(contains(c.content, "صريحة"));
}

TEST_CASE("seed 000: the White House and the Kremlin say what the article attributes to them") {
  const std::string text = test::read_file(test::seed_path(test::kSeed000));
  REQUIRE_FALSE(text.empty());
  const auto claims = claims_of(text, "ar");
  const std::string white_house = said_by(claims, "White House");
  const std::string kremlin = said_by(claims, "Kremlin");

  // White House: New START by 5 February, Ukraine's sovereignty, Navalny, SolarWinds, election
  // interference, the Afghanistan bounties.
  CHECK(contains(white_house, "بحلول الخامس من فبراير"));
  CHECK(contains(white_house, "الدعم القوي للسيادة الأوكرانية"));
  CHECK(contains(white_house, "نافالني"));
  CHECK(contains(white_house, "اختراق سولارويندز"));
  CHECK(contains(white_house, "بالتدخل في الانتخابات الرئاسية"));
  CHECK(contains(white_house, "لمقاتلي طالبان لقتل القوات الأمريكية في أفغانستان"));

  // Kremlin: congratulations, normalization in both countries' interest, Open Skies, Iran,
  // coronavirus.
  CHECK(contains(kremlin, "هنأ بوتين"));
  CHECK(contains(kremlin, "تطبيع العلاقات يصب في مصلحة البلدين"));
  CHECK(contains(kremlin, "اتفاقية الأجواء المفتوحة"));
  CHECK(contains(kremlin, "برنامج إيران النووي"));
  CHECK(contains(kremlin, "فيروس كورونا"));
  // The New START announcement and the relief at the exchange of notes, after Psaki's quotation
  // that never closes: a quotation ends with its paragraph.
  CHECK(contains(kremlin, "توصلتا إلى اتفاق لتمديد البداية الجديدة"));
  CHECK(contains(kremlin, "ارتياحهما"));
  CHECK_FALSE(contains(white_house, "توصلتا إلى اتفاق"));

  // And not the other way round.
  CHECK_FALSE(contains(kremlin, "سولارويندز"));
  CHECK_FALSE(contains(kremlin, "طالبان"));
  CHECK_FALSE(contains(white_house, "هنأ بوتين"));
  CHECK_FALSE(contains(white_house, "الأجواء المفتوحة"));

  // Boilerplate lines are not claims.
  for (const Claim& c : claims) {
    CHECK_FALSE(contains(c.text, "زر الذهاب إلى الأعلى"));
    CHECK_FALSE(contains(c.text, "المصدر :"));
  }
}

TEST_CASE("page furniture is not a claim: comment forms, subscriptions, bylines, photo credits, stamps, links") {
  const std::string text =
      "By Fahad Shabbir\n"
      "Published January 21, 2022 | 03:50 PM\n"
      "The Kremlin said the talks in Geneva were useful and frank.\n"
      "By contrast, the State Department said the talks had not produced any result.\n"
      "Your email address will not be published. Required fields are marked *\n"
      "https://www.example.com/news/2022/01/21/lavrov-blinken-geneva-talks-useful\n"
      "تابعونا على مواقع التواصل الاجتماعي.\n"
      "Читайте также: Путин и Байден провели первый телефонный разговор\n"
      "Фото: REUTERS/Alex Brandon Pool\n"
      "Photo: Kay Nietfeld / dpa picture alliance\n"
      "Also Read | PM Modi lands in Moscow: 5 things the prime minister said on India-Russia ties\n";
  const auto claims = claims_of(text, "en");
  std::vector<std::string> texts;
  for (const Claim& c : claims) texts.push_back(c.content);
  CAPTURE(texts);
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].content.find("useful and frank") != std::string::npos);
  CHECK(claims[1].content.find("not produced any result") != std::string::npos);
}

TEST_CASE("a quotation over several sentences belongs to the speaker named where it closes") {
  const auto claims = claims_of(
      "«Мы постепенно переходим на национальные валюты, и часть поставок будет оплачиваться в рублях. "
      "Это действительно новый этап», — сказал Путин.\n"
      "\"Thanks to your direct involvement, the problem of grain deliveries has been resolved. "
      "We are grateful for that,\" Putin told Erdogan.\n"
      "Prices of wheat fell in Chicago on Friday after the announcement.",
      "");
  REQUIRE(claims.size() == 5);
  for (std::size_t i : {0, 2}) {
    CAPTURE(i);
    CHECK(claims[i].speaker == "Kremlin");
    CHECK(claims[i].attribution == AttributionKind::Carried);
  }
  for (std::size_t i : {1, 3}) CHECK(claims[i].speaker == "Kremlin");
  CHECK(claims[4].attribution == AttributionKind::Author);
}

TEST_CASE("what a quotation reports of others is its speaker's, and mixed quotation marks close it") {
  // blinken-lavrov-geneva-2022-01-21-3 (TASS): "as the US side told us" inside Lavrov's quotation
  // made "the US side" speak the sentence and the one after it.
  auto claims = claims_of(
      "\"We have heard the first reaction of the United States. And the reaction, as the US side told us when "
      "asking to organize this meeting, was preliminary. We have been warned about that, as Antony Blinken told me "
      "over the phone. This is what happened today,\" Lavrov said.",
      "en");
  REQUIRE(claims.size() == 4);
  for (const Claim& c : claims) CHECK(c.speaker == "Lavrov");
  // A straight quote opened and a curly one closed is one quotation: the sentences after it are no
  // part of it (they were Putin's until the next straight quote).
  claims = claims_of(
      "Putin said that Russia could return to the deal \"within the nearest days.” "
      "Since Putin withdrew from the grain initiative, Erdogan has repeatedly pledged to renew the arrangements.",
      "en");
  REQUIRE(claims.size() == 2);
  CHECK(contains(claims[1].speaker, "Erdogan"));
  // A straight quote after a space that no word follows closes ("за стол переговоров \", -").
  claims = claims_of(
      "\"Знаю, что могу на вас рассчитывать, чтобы усадить всех за стол переговоров \", - процитировало агентство "
      "обращение Макрона к Си. В свою очередь, лидер Китая подчеркнул, что ядерное оружие \"не может быть "
      "использовано\".",
      "ru");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].speaker_surface == "лидер Китая");
}

TEST_CASE("по его словам and according to him continue the previous speaker and an object is not a speaker") {
  auto claims = claims_of(
      "Госсекретарь Блинкен заявил, что США настроены решать проблемы мирным путем. "
      "По его словам, американцы не ждут больших результатов от переговоров.",
      "ru");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].speaker == claims[0].speaker);
  CHECK(claims[1].attribution == AttributionKind::Carried);
  claims = claims_of(
      "The Kremlin said the talks were useful and frank. According to him, the next round will follow in May.", "en");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].speaker == "Kremlin");
  // "выразил надежду": the word after the verb is its object, not who spoke.
  claims = claims_of("Министр выразил надежду на скорое возобновление переговоров в Женеве.", "ru");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker != "надежду");
  CHECK(claims[0].attribution == AttributionKind::Author);
}

TEST_CASE("the statement belongs to its owner, not to the last speaker") {
  const auto claims = claims_of(
      "The Kremlin said in a statement that the conversation was frank and business-like. "
      "White House press secretary Jen Psaki said Biden raised the SolarWinds hack with Putin. "
      "The statement added that the leaders agreed to keep in touch.",
      "en");
  REQUIRE(claims.size() == 3);
  CHECK(claims[0].speaker == "Kremlin");
  CHECK(claims[1].speaker == "White House");
  CHECK(claims[2].speaker == "Kremlin");
  CHECK(claims[2].attribution == AttributionKind::Carried);
}

TEST_CASE("posted and remarked are speech verbs and the president who added is the previous speaker") {
  const auto claims = claims_of(
      "\"Just completed my two hour call with President Vladimir Putin of Russia. I believe it went very well,\" "
      "Trump posted on Truth Social.\n"
      "Representatives of both countries will work out the issues for negotiation, the president added.",
      "en");
  REQUIRE(claims.size() == 3);
  for (const Claim& c : claims) {
    CAPTURE(c.text);
    CHECK(c.speaker == "Trump");
  }
}

TEST_CASE("сообщили в Кремле, a headline's speaker before a colon, and a list under a speaker's header") {
  auto claims = claims_of(
      "Президент России Владимир Путин провёл во вторник телефонный разговор с президентом США, сообщили в Кремле.\n"
      "Об этом говорится в заявлении Белого дома, опубликованном по итогам разговора.",
      "ru");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].speaker == "Kremlin");
  CHECK(claims[1].speaker == "White House");
  claims = claims_of(
      "Кремль: Россия и США создадут экспертные группы по урегулированию на Украине\n"
      "Заявления Владимира Путина:\n"
      "– Товарооборот России и Китая достиг исторического рекорда в прошлом году;\n"
      "– Объем поставок российского газа в Китай будет расти и дальше;\n"
      "Эксперты ожидают дальнейшего роста торговли между странами.",
      "ru");
  REQUIRE(claims.size() == 4);
  CHECK(claims[0].speaker == "Kremlin");
  CHECK(claims[1].speaker == "Kremlin");
  CHECK(claims[2].speaker == "Kremlin");
  CHECK(claims[3].attribution == AttributionKind::Author);
}

TEST_CASE("a claim of both sides has the speaker both sides, not the first name in it") {
  auto claims = claims_of("وقال الجانبان إنهما اتفقا على مواصلة الاتصالات بين البلدين.", "ar");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "both sides");
  claims = claims_of("أكد الرئيسان الروسي فلاديمير بوتين والتركي رجب طيب أردوغان أهمية التعاون في مجال الطاقة.", "ar");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "both sides");
  claims = claims_of("Putin and Erdogan agreed to boost cooperation in the transport and energy industries.", "en");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "both sides");
  claims = claims_of("Путин и Эрдоган договорились наращивать объемы торговли между странами.", "ru");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "both sides");
}

TEST_CASE("a Russian subject before its verb, a name that opens the clause and a speaker at the clause's end") {
  // The dative after the verb is the addressee, not the speaker.
  auto claims = claims_of("Макрон заявил Си Цзиньпину, что рассчитывает на скорое начало переговоров.", "ru");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "Макрон");
  // A name that opens the clause, with only commas before the verb.
  claims = claims_of(
      "Министр обороны Германии Борис Писториус, отвечая на вопросы журналистов, заявил, что поставки продолжатся.",
      "ru");
  REQUIRE(claims.size() == 1);
  CHECK(contains(claims[0].speaker_surface, "Писториус"));
  // The words after the verb are its object: the subject is the name earlier in the clause.
  claims = claims_of("Во время встречи Путин поддержал идею форума и выразил благодарность Трампу за помощь.", "ru");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "Kremlin");
  // After the quotation, the addressee and the time: the speaker ends the clause.
  claims = claims_of(
      "«Переговоры будут продолжены в следующем месяце», — сказал журналистам после встречи министр финансов "
      "Антон Силуанов.",
      "ru");
  REQUIRE(claims.size() == 1);
  CHECK(contains(claims[0].speaker_surface, "Силуанов"));
  // A verb after a comma with its subject after it.
  claims = claims_of("Лидеры обсудили торговлю и энергетику, сообщила пресс-служба Кремля.", "ru");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "Kremlin");
}

TEST_CASE("English speaker phrases: fillers, time words, passive agents, news agencies, 'citing' and participles") {
  auto claims = claims_of(
      "The German chancellor also said the aid would continue next year. "
      "Kremlin spokesman Dmitry Peskov on Tuesday said the meeting was useful. "
      "A separate readout issued from Moscow said the talks were frank. "
      "The new tariffs were announced by the Finance Ministry in a short note.",
      "en");
  REQUIRE(claims.size() == 4);
  CHECK(claims[0].speaker_surface == "German chancellor");
  CHECK(claims[1].speaker == "Kremlin");
  CHECK(claims[2].speaker == "Kremlin");
  CHECK(contains(claims[3].speaker_surface, "Finance Ministry"));
  claims = claims_of(
      "Finance Minister Jane Roe told reporters that the budget was balanced, according to Interfax. "
      "The wheat deal will resume in May, the newspaper reported, citing Deputy Minister John Doe. "
      "Biden spoke warmly about the Russian president at the summit, saying the talks were useful.",
      "en");
  REQUIRE(claims.size() == 4);  // ", saying" opens a clause of its own
  CHECK(contains(claims[0].speaker_surface, "Jane Roe"));
  CHECK(contains(claims[1].speaker_surface, "John Doe"));
  CHECK(claims[3].speaker == "White House");
  claims = claims_of("AFP cited Putin as saying that the talks would go on in May.", "en");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "Kremlin");
}

TEST_CASE("a source phrase names its speaker in lower case too, and 'according to him' refers back") {
  auto claims = claims_of("По данным учёных, температура воды в озере выросла на два градуса.", "ru");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].attribution == AttributionKind::Explicit);
  CHECK(claims[0].speaker == "учёных");
  claims = claims_of(
      "The Kremlin said the call was long. The call, according to him, lasted two hours, according to AFP.", "en");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].speaker == "Kremlin");
  // "وفق بيان للكرملين": وفق is a source word like وفقا.
  claims = claims_of("اتفق الرئيسان على تعزيز التعاون في مجال الطاقة، وفق بيان للكرملين.", "ar");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "Kremlin");
}

TEST_CASE("both sides: titled coordinated subjects, two leaders who agree, joint statements, Arabic duals") {
  auto claims = claims_of(
      "Президент России Владимир Путин и президент Турции Реджеп Тайип Эрдоган договорились расширить торговлю.",
      "ru");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "both sides");
  claims = claims_of(
      "The two leaders also agreed to meet again in the autumn. The two leaders toured the old city after lunch. "
      "In a joint statement, the governments pledged to double their trade.",
      "en");
  REQUIRE(claims.size() == 3);
  CHECK(claims[0].speaker == "both sides");
  CHECK(claims[1].attribution == AttributionKind::Author);  // an action, not a statement
  CHECK(claims[2].speaker == "both sides");
  claims = claims_of(
      "أجرى الرئيسان مباحثات مطولة في القصر وتوصلا إلى اتفاق بشأن الطاقة. "
      "تصافح الزعيمان أمام القصر قبل بدء المباحثات الرسمية. "
      "بحثت القمة ملفات التجارة والطيران، وفق ما صرحا به في المؤتمر الصحفي.",
      "ar");
  REQUIRE(claims.size() == 3);
  CHECK(claims[0].speaker == "both sides");
  CHECK(claims[1].attribution == AttributionKind::Author);
  CHECK(claims[2].speaker == "both sides");
  // What the two did together is not an antecedent for "he".
  claims = claims_of(
      "Putin said the talks were useful. The two leaders agreed to meet again. He added that trade was growing.", "en");
  REQUIRE(claims.size() == 3);
  CHECK(claims[2].speaker == "Kremlin");
}

TEST_CASE("narration is not a statement: a negated predicate after 'he', a verb form after a determiner") {
  auto claims = claims_of(
      "The Kremlin said the talks had been useful. He did not give a date for the next round. "
      "Putin did not describe the revised plan in detail.",
      "en");
  REQUIRE(claims.size() == 3);
  CHECK(claims[0].speaker == "Kremlin");
  CHECK(claims[1].attribution == AttributionKind::Author);
  CHECK(claims[2].attribution == AttributionKind::Author);  // "the revised" is no cue; "did not" either
  claims = claims_of("Putin ended the visit early. Experts studied the stated aims of the treaty for months.", "en");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].attribution == AttributionKind::Author);
  // Inside a quotation left open, a negated "he" sentence is still the author's.
  claims = claims_of(
      "Putin said the partners were \"close to an understanding on grain. He also made no mention of the fleet.", "en");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].attribution == AttributionKind::Author);
  claims = claims_of("Кремль заявил, что встреча прошла успешно. Он не назвал дату нового раунда переговоров.", "ru");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].attribution == AttributionKind::Author);
  // "We" inside a quotation is what was said, negated or not.
  claims = claims_of("\u201cWe had a long meeting,\u201d Putin said. \u201cWe didn\u2019t agree on everything, but we will.\u201d", "en");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].speaker == "Kremlin");
  // The dot of "U.S." ends no phrase: "The U.S. president" names someone, it does not refer back.
  claims = claims_of("Putin said the talks were useful. The U.S. president said progress had been made.", "en");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].speaker != "Kremlin");
  CHECK(claims[1].attribution == AttributionKind::Explicit);
  // "Однако он" refers back like "он".
  claims = claims_of("Песков заявил, что звонок был долгим. Однако он также признал, что договорённостей нет.", "ru");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].speaker == "Kremlin");
}

TEST_CASE("'he' refers to the subject of the sentence before, a relative clause's verb is no cue") {
  auto claims = claims_of(
      "Putin said the summit had been frank. Macron, for his part, kept his remarks short. "
      "He declared that Europe would stay united.",
      "en");
  REQUIRE(claims.size() == 3);
  CHECK(claims[2].speaker == "Macron");
  claims = claims_of(
      "Macron said the meeting had been long. Putin, who spoke after the meeting concluded, praised the new "
      "trade route. He said the route would open in spring.",
      "en");
  REQUIRE(claims.size() == 3);
  CHECK(claims[1].speaker == "Kremlin");
  CHECK(claims[2].speaker == "Kremlin");
}

TEST_CASE("Arabic addressees, headlines that quote someone, media that report a speaker") {
  // "لبوتين" (to Putin) is the addressee, not part of the speaker.
  auto claims = claims_of("وقال ماكرون لبوتين باللغة الفرنسية إن الحرب يجب أن تنتهي قريبا.", "ar");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker_surface == "ماكرون");
  // A short headline without closing punctuation is a claim when it quotes someone.
  claims = claims_of("ماكرون لبوتين: على الحرب أن تنتهي الآن\nوقال ماكرون إن الحرب يجب أن تنتهي.", "ar");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].speaker == "ماكرون");
  claims = claims_of("Ferry strike ends after five days\nThe port reopened on Monday morning after the strike.", "en");
  REQUIRE(claims.size() == 1);
  // A news medium reports what the speaker after "that" said.
  claims = claims_of(
      "CBS News reported that Putin also spoke with reporters after the call. "
      "\"We agreed to work on a memorandum,\" he said.",
      "en");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].speaker == "Kremlin");
  CHECK(claims[1].speaker == "Kremlin");
}

TEST_CASE("a clause with a statement of each side is both sides'") {
  auto claims = claims_of(
      "In Paris, Macron warned of new sanctions and Russian Foreign Minister Sergei Lavrov said Moscow "
      "expected a written reply.",
      "en");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "both sides");
  claims = claims_of("وقال الرئيس الروسي إن بلاده مستعدة للحوار، فيما أكد ماكرون أن أوروبا موحدة.", "ar");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "both sides");
  claims = claims_of("Макрон выразил надежду на новую встречу, в ответ на что Путин сказал: «Приезжайте в Москву».",
                     "ru");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "both sides");
  // The same speaker twice, or "he", is one side.
  claims = claims_of("Putin said trade was growing and Putin said the talks went well.", "en");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "Kremlin");
  claims = claims_of("Putin thanked the hosts and said Moscow was ready for more talks.", "en");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "Kremlin");
}

TEST_CASE("more speech acts: complaining, made the statement, сделал заявление, осудил, and the words around a subject") {
  auto claims = claims_of(
      "Moscow suspended the grain corridor in July, complaining that its exports were blocked. "
      "It said the insurers had refused its ships.",
      "en");
  REQUIRE(claims.size() == 3);  // the participle opens a clause of its own
  CHECK(claims[1].speaker == "Kremlin");
  CHECK(claims[2].speaker == "Kremlin");
  claims = claims_of("Putin made the statement after a long dinner with the visiting prime minister.", "en");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "Kremlin");
  claims = claims_of(
      "Президент России Владимир Путин после встречи сделал заявление для прессы. "
      "Председатель КНР осудил удары по мирным городам.",
      "ru");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].speaker == "Kremlin");
  CHECK(claims[1].speaker_surface == "Председатель КНР");
  // A preposition splits the phrase before the verb; the adverb after the name is not the subject.
  claims = claims_of("О переговорах с российским президентом Макрон неоднократно заявлял в последние дни.", "ru");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker_surface == "Макрон");
  // The addressee between the name and a preposition is no part of the speaker.
  claims = claims_of("Лавров ему на это ответил, что прорывов Россия тоже не ждет.", "ru");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker_surface == "Лавров");
  // An English adverb between the name and the verb is no part of the name.
  claims = claims_of("Since Putin withdrew from the grain initiative, Erdogan has repeatedly pledged to renew it.", "en");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker_surface == "Erdogan");
  // A hyphenated title counts as one word of the six a phrase after the verb may hold.
  claims = claims_of("Разговор продлился почти полтора часа, сообщил пресс-секретарь президента РФ Дмитрий Песков.", "ru");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "Kremlin");
  // "Сам" (himself) and a continuation ("Помимо этого") open no name.
  claims = claims_of("Помимо этого президент США сообщил, что Китай согласился продолжить поставки металлов.", "ru");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker_surface == "президент США");
  claims = claims_of("Сам председатель КНР отметил в начале переговоров, что развитие страны не противоречит целям.", "ru");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker_surface == "председатель КНР");
  // A press conference is no job title: the speaker is the president named before it.
  claims = claims_of(
      "В свою очередь президент России Владимир Путин в своем выступлении на пресс-конференции несколько раз "
      "сказал, что стороны пришли к соглашению.",
      "ru");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "Kremlin");
  // A pronoun right before the verb is its subject: no speaker is made of the words before it.
  claims = claims_of(
      "Lavrov said the talks were useful. So I heard one of your last statements during your European tour when you "
      "said that you did not expect a breakthrough.",
      "en");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].speaker == "Lavrov");
  claims = claims_of("23 марта глава Белого дома отмечал, что переговоры затянулись.", "ru");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "White House");
  // An Arabic object with "ب" after a complete subject is not part of it.
  claims = claims_of("ورحب بوتين بجهود الوساطة الفرنسية لحل الأزمة.", "ar");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker_surface == "بوتين");
  // Seed 003: a place after a definite word is the object ("called on Russia"), not the subject's
  // genitive; without the article the place belongs to the phrase ("Russia's foreign ministry").
  claims = claims_of("كما دعت الخارجية الأمريكية روسيا إلى إطلاق سراح جميع الموقوفين بالمظاهرات الأخيرة فوراً.", "ar");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker_surface == "الخارجية الأمريكية");
  claims = claims_of("وقالت خارجية روسيا إن المحادثات كانت مفيدة للجانبين.", "ar");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker_surface == "خارجية روسيا");
}

TEST_CASE("appositions, closing attributions, quotations on their own and Arabic subjects before the verb") {
  auto claims = claims_of(
      "Deputy Prime Minister Alexander Novak, Moscow's top energy official, told reporters that gas would be paid "
      "in rubles, according to Interfax.",
      "en");
  REQUIRE(claims.size() == 1);
  CHECK(contains(claims[0].speaker_surface, "Novak"));
  // The attribution that closes the sentence names its speaker, unless a medium reports it.
  claims = claims_of(
      "Putin agreed to work with his U.S. counterpart Donald Trump and expressed readiness to talk, the Kremlin "
      "confirmed. Putin thanked the Turkish leader for his help with the grain corridor, AFP reported.",
      "en");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].speaker == "Kremlin");
  CHECK(claims[1].speaker == "Kremlin");
  claims = claims_of("Peskov said the talks would also cover China's so-called peace plan for Ukraine.", "en");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "Kremlin");
  // A quotation on its own continues the speaker of the sentence right before it, not the author's text.
  claims = claims_of(
      "Putin said he was pleased with the visit. \u201cI believe our ties will keep growing.\u201d "
      "The talks lasted three hours in the end. \u201cA long day for everyone at the palace.\u201d",
      "en");
  REQUIRE(claims.size() == 4);
  CHECK(claims[1].speaker == "Kremlin");
  CHECK(claims[3].attribution == AttributionKind::Author);
  // Arabic SVO: nothing after the verb names anyone, the subject stands before it.
  claims = claims_of("ماكرون بدوره أعلن أنه سيزور الصين في الربيع المقبل.", "ar");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker_surface == "ماكرون");
}

TEST_CASE("Arabic reports after a conjunction, objects after prepositions and بأنه, what came and what was not done") {
  auto claims = claims_of("انتهت القمة دون اتفاق نهائي، كما قال ماكرون في المؤتمر الصحفي.", "ar");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker_surface == "ماكرون");
  claims = claims_of("ناقشت القمة ملفات التجارة، فيما قال البيت الأبيض إن اللقاء كان مثمرا.", "ar");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "White House");
  // "بالتقدم" (with the progress) is no subject: "كما" goes on with the previous speaker.
  claims = claims_of("وقال ماكرون إن المحادثات كانت مفيدة. كما أشاد بالتقدم المحقق في ملف التجارة.", "ar");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].speaker == claims[0].speaker);
  claims = claims_of("وقال ماكرون إن المحادثات كانت مفيدة. جاء ذلك في منشور على حسابه بعد الاتصال.", "ar");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].speaker == claims[0].speaker);
  // A clause that opens with a negation says what someone did not do, even inside a quotation.
  claims = claims_of("وقال بوتين إن الاتفاق \"جيد جدا. ولم يقدم الرئيس الروسي أي تفاصيل عن بنوده.", "ar");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].attribution == AttributionKind::Author);
  // After the first clause, the words between the verb and "بأنه" are the object.
  claims = claims_of("قال ماكرون إن الزيارة كانت ناجحة، ووصف المحادثات مع نظيره الصيني بأنها صريحة.", "ar");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].speaker == claims[0].speaker);
  // A heading is a claim when it is attributed.
  claims = claims_of("بوتين وماكرون يتفقان على تعزيز التعاون\nوقال بوتين إن التعاون سيستمر.", "ar");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].speaker == "both sides");
}

TEST_CASE("Russian: помимо without этого, a title after и, глава государства, a subject shared by verbs joined with и") {
  auto claims = claims_of(
      "Песков заявил, что переговоры прошли успешно. Помимо президентов, в переговорах участвовали министры.", "ru");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].attribution == AttributionKind::Author);
  claims = claims_of("Такие же сроки называл и российский министр иностранных дел.", "ru");
  REQUIRE(claims.size() == 1);
  CHECK(contains(claims[0].speaker_surface, "министр"));
  claims = claims_of("Путин заявил, что переговоры были полезными. «Мы готовы к диалогу», — заявил глава государства.", "ru");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].speaker == "Kremlin");
  claims = claims_of("Американский лидер уделял большое внимание конфликту на Украине и выражал желание помочь.", "ru");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker_surface == "Американский лидер");
  claims = claims_of("Беседа была долгой и полезной, и Путин её оценивает высоко.", "ru");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "Kremlin");
  // A heading with a cue is a claim.
  claims = claims_of("Белый дом опубликовал заявление о переговорах\nПереговоры продлились два часа.", "ru");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].speaker == "White House");
}

TEST_CASE("Arabic: the subject after an opening verb is the next verb's, passive reports, joint statements, ووفقا") {
  // "وجلس بوتين مع ..." then "وقال إن": the verb's pronoun means the subject just named.
  auto claims = claims_of(
      "وقال ماكرون إن الزيارة مهمة. وجلس بوتين مع ماكرون لبحث ملفات التجارة. وقال إن التجارة زادت العام الماضي.",
      "ar");
  REQUIRE(claims.size() == 3);
  CHECK(claims[2].speaker == "Kremlin");
  // "جرى التأكيد على" reports what the sentence before did, both sides included.
  claims = claims_of(
      "أعلن الكرملين أن المكالمة استمرت ساعة. وخلال المكالمة، جرى التأكيد على وقف الهجمات. "
      "واتفق الرئيسان على تشكيل لجان خبراء. وفي سياق متصل، تم التأكيد على ضرورة السلام.",
      "ar");
  REQUIRE(claims.size() == 4);
  CHECK(claims[1].speaker == "Kremlin");
  CHECK(claims[3].speaker == "both sides");
  // A continuation that reports a joint statement is both sides'.
  claims = claims_of("وقال بوتين إن الزيارة ناجحة. كما وقعوا وأصدروا البيان المشترك بشأن الشراكة.", "ar");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].speaker == "both sides");
  claims = claims_of("ووفقا للكرملين، بحث الرئيسان ملفات الطاقة والتجارة.", "ar");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "Kremlin");
}

TEST_CASE("Russian present-tense reports: подтверждает, пишут") {
  auto claims = claims_of(
      "Кроме того, по сообщению СМИ, администрация правительства Франции подтверждает информацию о визите.", "ru");
  REQUIRE(claims.size() == 1);
  CHECK(contains(claims[0].speaker_surface, "Франции"));
  claims = claims_of("Как пишут СМИ, на встрече обсудят вопросы торговли.", "ru");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "СМИ");
}

TEST_CASE("Russian: 'А' + a verb continues the previous speaker, пригласил and invited are speech acts") {
  auto claims = claims_of(
      "Лавров ответил, что прорывов Россия не ждет. А ждет конкретных ответов на свои предложения.", "ru");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].speaker == claims[0].speaker);
  CHECK(claims[1].attribution == AttributionKind::Carried);
  claims = claims_of("Песков заявил, что звонок был долгим. А переговоры продолжатся в мае в Женеве.", "ru");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].attribution == AttributionKind::Author);  // "А" + a noun: a new subject
  claims = claims_of("Российский лидер Владимир Путин пригласил президента Франции в Москву.", "ru");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "Kremlin");
  claims = claims_of("Putin invited the French president to visit Moscow in the spring.", "en");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].speaker == "Kremlin");
}

TEST_CASE("Russian 'Об этом сообщил X' and 'О разговоре сообщил X' give X to the sentence before") {
  auto claims = claims_of("Путин провел переговоры с президентом Франции. Об этом сообщил Песков.", "ru");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].speaker == "Kremlin");
  CHECK(claims[0].attribution == AttributionKind::Carried);
  claims = claims_of(
      "Путин провел переговоры с президентом Франции. О телефонном разговоре двух лидеров сообщил Песков.", "ru");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].speaker == "Kremlin");
  // A sentence with a speaker of its own keeps it; one that is not about "this" gives nothing back.
  claims = claims_of("Макрон заявил, что визит был полезным. Об этом сообщил Песков.", "ru");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].speaker == "Макрон");
  claims = claims_of("Путин провел переговоры с президентом Франции. Песков сообщил, что звонок был долгим.", "ru");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].attribution == AttributionKind::Author);
}
