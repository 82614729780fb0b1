#include "lexicon/attribution_cues.hpp"

#include <functional>
#include <set>
#include <string>

#include "lexicon/sorted_words.hpp"

namespace parallax {

namespace {

using WordSet = std::set<std::string, std::less<>>;

// Perfect-tense speech verbs, masculine / feminine / dual / plural, after normalization (أ -> ا,
// ة -> ه, ى -> ي). Present-tense forms are left out on purpose: they mostly occur negated or in
// subordinate clauses ("لم يؤكد البيت الأبيض بعد" is not an attribution).
constexpr auto kArabicVerbs = sorted_words({
    "قال",   "قالت",  "قالوا",  "قالا",  "قالتا", "اكد",   "اكدت",  "اكدوا",  "اكدا",
    "اعلن",  "اعلنت", "اعلنوا", "اعلنا", "اشار",  "اشارت", "اشاروا", "اشارا", "ذكر",
    "ذكرت",  "ذكروا", "اعرب",   "اعربت", "اعربوا", "اعربا", "اضاف",  "اضافت", "اضافوا",
    "صرح",   "صرحت",  "صرحوا",  "اوضح",  "اوضحت", "اعتبر", "اعتبرت", "اعتبروا", "شدد",
    "شددت",  "تابع",  "تابعت",  "افاد",  "افادت", "نفي",   "نفت",   "نفوا",   "كشف",
    "كشفت",  "لفت",   "لفتت",   "ابلغ",  "ابلغت", "رحب",   "رحبت",  "رحبوا",  "دعا",
    "دعت",   "دعوا",  "وصف",    "وصفت",  "وصفوا", "حذر",   "حذرت",  "حذروا",  "نوه",
    "نوهت",  "ابدي",  "ابدت",   "اشاد",  "اشادت", "جدد",   "جددت",  "طالب",   "طالبت",
    "اتفق",  "اتفقا", "كرر",    "كررت",  "اردف",  "اردفت", "حث",    "حثت",   "شكر",   "شكرت"});
constexpr auto kArabicParticiples = sorted_words({"قايلا", "مضيفا", "مشيرا", "موضحا", "موكدا",
                                    "معتبرا", "مشددا", "لافتا", "معربا", "مبينا"});
constexpr auto kArabicSources = sorted_words({"حسب", "بحسب", "وحسب", "وبحسب", "فحسب", "بحسبه"});
constexpr auto kArabicRelayVerbs = sorted_words({"نقل", "نقلت", "نقلوا", "ونقل", "ونقلت", "ونقلوا"});
constexpr auto kArabicContinuations = sorted_words({"كما", "وكما", "ايضا", "كذلك", "وكذلك"});

constexpr auto kEnglishVerbs = sorted_words({
    "said",      "says",      "stated",     "told",      "tells",
    "added",     "adds",      "announced",  "noted",     "stressed", "confirmed", "denied",
    "denies",    "claimed",   "insisted",   "warned",    "emphasized", "emphasised",
    "explained", "declared",  "acknowledged", "asserted", "argued",  "reported", "wrote",
    "praised",   "lauded",    "described",  "thanked",   "urged",   "reiterated", "recalled",
    "welcomed",  "pledged",   "promised",   "vowed",     "assured", "conveyed",  "highlighted",
    "underlined", "accused",  "criticized", "criticised", "condemned", "demanded", "replied",
    "responded", "suggested", "proposed",   "evaluated", "expressed", "called",
    "posted",    "remarked",  "appealed",   "pointed",   "concluded", "related", "touted", "tweeted", "invited"});
constexpr auto kEnglishParticiples = sorted_words({"adding",      "saying",   "noting",    "stressing", "insisting",
                                     "warning",     "explaining", "complaining", "arguing", "claiming",
                                     "emphasizing", "emphasising", "asserting"});
constexpr auto kEnglishContinuations = sorted_words({"also", "additionally", "moreover", "furthermore"});

constexpr auto kRussianVerbs = sorted_words({
    "заявил",  "заявила",  "заявили",  "сообщил",  "сообщила",  "сообщили",  "сказал",
    "сказала", "сказали",  "отметил",  "отметила", "отметили",  "подчеркнул", "подчеркнула",
    "подчеркнули", "добавил", "добавила", "добавили", "заверил", "заверила", "пояснил",
    "пояснила", "уточнил", "уточнила", "указал",   "указала",  "говорится", "констатировал",
    "опроверг", "опровергла", "признал", "признала", "сообщает", "заявляет",
    "напомнил", "напомнила", "напомнили", "назвал", "назвала", "назвали", "выразил", "выразила",
    "выразили", "поблагодарил", "поблагодарила", "призвал", "призвала", "призвали", "предупредил",
    "предупредила", "ответил", "ответила", "ответили", "подтвердил", "подтвердила", "подтвердили",
    "рассказал", "рассказала", "рассказали", "объявил", "объявила", "объявили", "высказал",
    "высказала", "передал", "передала", "анонсировал", "анонсировала", "поздравил", "поздравила",
    "считает", "полагает", "пообещал", "пообещала", "обещал", "обещала", "потребовал", "потребовала",
    "заметил", "заметила", "заметили", "написал", "написала", "написали", "предложил", "предложила",
    "предложили", "заявлял", "заявляла", "заявляли", "отмечал", "отмечала", "отмечали", "называл", "называла",
    "осудил", "осудила", "осудили", "обратил", "обратила", "раскритиковал", "раскритиковала", "оценил",
    "оценила", "оценили", "оценивает", "выражал", "выражала", "выражали", "требует", "процитировал",
    "процитировала", "процитировали", "подтверждает", "отмечает", "утверждает", "говорит", "пишут", "пишет", "пригласил", "пригласила",
    "пригласили"});
constexpr auto kRussianParticiples = sorted_words({"добавив", "отметив", "подчеркнув", "заявив", "пояснив"});
constexpr auto kRussianContinuations = sorted_words({"также", "кроме", "помимо"});

constexpr auto kPronouns = sorted_words({"he", "she", "they", "it", "we", "он", "она", "они", "оно", "هو", "هي",
                           "هم", "هما"});
constexpr auto kAnaphoricNouns = sorted_words({
    "statement", "spokesman", "spokeswoman", "spokesperson", "official", "officials", "readout",
    "source", "president", "chancellor", "leader", "premier", "президент", "канцлер", "лидер",
    "заявлении", "заявление", "представитель", "источник", "государства", "الاعلان", "التصريح", "ذلك", "البيان", "بيان",
    "المتحدث", "المتحدثه", "الناطق", "الناطقه", "المسوول", "المصدر", "هذا", "نفسه"});
constexpr auto kFillers = sorted_words({"the", "a", "an", "also", "later", "further", "then", "and", "but", "however",
                          "однако", "но", "такие", "такой", "такая", "такое", "эти", "этот", "эта",
                          "сам", "сама", "сами", "помимо", "кроме", "этого", "того",
                          "had", "has", "have", "was", "were", "previously", "earlier", "ещё",
                          "еще", "также", "же", "и", "а", "و", "ايضا", "كذلك", "قد", "وقد", "كما",
                          "ان", "لقد", "بدوره", "بدورها", "من", "جهته", "جهتها", "جانبه",
                          "جانبها"});
constexpr auto kRoleWords = sorted_words({
    "المتحدث", "المتحدثه", "الناطق", "الناطقه", "باسم", "الرسمي", "الرسميه", "مستشار",
    "مستشاره", "وزير", "وزيره", "السكرتير", "السكرتيره", "الصحفي", "الصحفيه", "مدير", "مديره",
    "spokesman", "spokeswoman", "spokesperson", "press", "secretary", "adviser", "advisor",
    "minister", "director", "chief", "of", "staff", "пресс", "секретарь", "представитель",
    "советник", "министр", "официальный", "помощник", "глава", "вице", "премьер"});

// Words that end a speaker phrase that follows its verb: complementizers, prepositions, time words.
constexpr auto kArabicSourcesWithConjunction = sorted_words({"ووفقا", "ووفق", "وطبقا"});
constexpr auto kSpeakerStops = sorted_words({
    "ان", "انه", "انها", "انهم", "انهما", "بان", "بانه", "بانها", "في", "خلال", "يوم", "امس",
    "اليوم", "لدي", "عن", "الي", "علي", "على", "بعد", "قبل", "مع", "عبر", "حول", "امام", "ايضا",
    "كذلك", "قوله", "قولها", "لنظيره", "ل", "به", "بها", "ما", "that", "on", "in", "at", "to", "during", "after",
    "before", "with", "from", "by", "late", "earlier", "while", "when", "as", "что", "в", "во", "на",
    "по", "после", "о", "об", "с", "со", "к", "для", "от", "из", "при", "перед", "между", "журналистам", "reporters"});

std::string_view strip_arabic_conjunction(std::string_view word) {
  // و and ف are single two-byte letters in UTF-8.
  if (word.size() > 4 && (word.substr(0, 2) == "و" || word.substr(0, 2) == "ف")) {
    return word.substr(2);
  }
  return word;
}

// A word of `words` (a SortedWords list or a WordSet).
template <typename Words>
bool in(const Words& words, std::string_view word) {
  return words.count(word) > 0;
}

}  // namespace

bool is_both_sides_phrase(std::string_view words) {
  static const WordSet phrases = {
      "الجانبان", "الجانبين", "الطرفان", "الطرفين", "الرييسان", "الرييسين", "الزعيمان", "الزعيمين", "الوزيران",
      "الوزيرين", "الاطراف", "both sides", "the two sides", "both leaders", "the two leaders", "the two presidents",
      "the leaders", "both", "обе стороны", "стороны", "оба лидера", "лидеры", "президенты", "обе страны"};
  return phrases.count(words) > 0;
}

bool is_joint_verb(std::string_view word) {
  static const WordSet verbs = {"agreed", "agree", "agrees", "signed", "adopted", "issued", "discussed", "reaffirmed",
                                "договорились", "приняли", "подписали", "обсудили", "согласились", "условились",
                                "اتفق", "اتفقا", "اتفقوا", "يتفقان", "متفقين", "متفقان", "توصلا", "وقعا", "اكدا"};
  return verbs.count(word) > 0 || verbs.count(strip_arabic_conjunction(word)) > 0;
}

bool is_pronoun_source(std::string_view first, std::string_view second, std::string_view third) {
  if (first == "по" && third == "словам") return second == "его" || second == "ее" || second == "её" || second == "их";
  if (first == "according" && second == "to") return third == "him" || third == "her" || third == "them";
  return false;
}

// A Russian past tense in the neuter, the form institutions take ("министерство заявило",
// "ведомство сообщило"): the feminine form with -о for -а.
bool is_russian_neuter_speech_verb(std::string_view word) {
  constexpr std::string_view kNeuterEnding = "о", kFeminineEnding = "а";
  if (word.size() <= kNeuterEnding.size() || !word.ends_with(kNeuterEnding)) return false;
  std::string feminine(word.substr(0, word.size() - kNeuterEnding.size()));
  feminine += kFeminineEnding;
  return in(kRussianVerbs, feminine);
}

bool is_speech_verb(std::string_view word) {
  return in(kArabicVerbs, word) || in(kArabicVerbs, strip_arabic_conjunction(word)) || is_arabic_dual_speech_verb(word) ||
         in(kEnglishVerbs, word) || in(kRussianVerbs, word) || is_russian_neuter_speech_verb(word);
}

bool is_conjoined_arabic_speech_verb(std::string_view word) {
  return strip_arabic_conjunction(word) != word && in(kArabicVerbs, strip_arabic_conjunction(word));
}

bool is_reporting_participle(std::string_view word) {
  return in(kArabicParticiples, word) || in(kEnglishParticiples, word) ||
         in(kRussianParticiples, word);
}

std::size_t source_phrase_length(std::string_view word, std::optional<std::string_view> next_word) {
  if (in(kArabicSources, word)) return 1;
  const bool has_next = next_word.has_value();
  const std::string_view next = next_word.value_or(std::string_view());
  if ((word == "وفقا" || word == "طبقا" || word == "وفق" || in(kArabicSourcesWithConjunction, word)) && has_next)
    return next == "ل" ? 2 : 1;
  if ((word == "نقلا" || word == "ونقلا") && next == "عن") return 2;
  if (word == "according" && next == "to") return 2;
  if (word == "citing") return 1;  // "Reuters reported, citing Novak": the one cited speaks
  if (word == "по" && (next == "словам" || next == "данным" || next == "информации" || next == "оценке" ||
                       next == "мнению" || next == "сообщению" || next == "заявлению"))
    return 2;
  if (word == "ссылаясь" && next == "на") return 2;
  if (word == "согласно") return 1;
  return 0;
}

bool is_relay_verb(std::string_view word) { return in(kArabicRelayVerbs, word); }

bool is_news_medium(std::string_view word) {
  static const WordSet media = {
      "reuters", "afp", "ap", "interfax", "tass", "ria", "xinhua", "sputnik", "bloomberg", "dpa", "cnn", "bbc",
      "cgtn", "agency", "media", "тасс", "интерфакс", "риа", "синьхуа", "агентство", "агентства", "агентству",
      "сми", "канал", "channel", "news", "قناه", "وكاله", "لوكاله", "رويترز", "تاس", "سبوتنيك", "فرانس", "الاعلام", "وسايل"};
  return in(media, word) || in(media, strip_arabic_conjunction(word));
}

bool is_arabic_dual_speech_verb(std::string_view word) {
  static const WordSet duals = {"قالا", "اكدا", "اعلنا", "اشارا", "اعربا", "اتفقا", "صرحا", "اوضحا", "شددا",
                                "ذكرا", "اضافا", "رحبا", "جددا"};
  return in(duals, word) || in(duals, strip_arabic_conjunction(word));
}

bool is_continuation_marker(std::string_view word) {
  return in(kArabicContinuations, word) || in(kEnglishContinuations, word) ||
         in(kRussianContinuations, word);
}

bool is_subject_pronoun(std::string_view word) { return in(kPronouns, word); }

bool is_object_pronoun(std::string_view word) {
  static const WordSet pronouns = {"him", "her", "them", "его", "ее", "её", "их", "него", "нее", "неё", "них",
                                   "ему", "ей", "им", "нему", "ней", "ним"};
  return in(pronouns, word);
}

bool is_anaphoric_noun(std::string_view word) {
  return in(kAnaphoricNouns, word) || in(kAnaphoricNouns, strip_arabic_conjunction(word));
}

bool is_speaker_filler_word(std::string_view word) { return in(kFillers, word); }

bool is_speaker_role_word(std::string_view word) {
  return in(kRoleWords, word) || in(kRoleWords, strip_arabic_conjunction(word));
}

bool ends_speaker_phrase(std::string_view word) {
  return in(kSpeakerStops, word) || in(kSpeakerStops, strip_arabic_conjunction(word));
}

bool is_quoting_noun(std::string_view word) {
  return word == "قوله" || word == "قولها" || word == "قولهم";
}

bool is_negation(std::string_view word) {
  static const WordSet words = {"not", "no", "never", "nothing", "neither", "didn't", "didn’t", "doesn't", "doesn’t",
                                "hasn't", "hasn’t", "wasn't", "wasn’t", "won't", "won’t", "не", "ни", "нет",
                                "لم", "لا", "لن", "ليس", "ولم", "ولا", "ولن"};
  return in(words, word);
}

bool is_second_statement_marker(std::string_view word) {
  static const WordSet markers = {"while", "whereas", "and", "فيما", "بينما", "وفيما", "وبينما", "а", "ответ"};
  return in(markers, word);
}

bool is_statement_making(std::string_view verb, std::string_view noun) {
  static const WordSet verbs = {"made",     "makes",     "issued",     "published", "сделал", "сделала", "сделали",
                                "опубликовал", "опубликовала", "опубликовали", "распространил", "распространила"};
  static const WordSet nouns = {"statement", "statements", "remarks", "заявление", "заявления"};
  return in(verbs, verb) && in(nouns, noun);
}

bool is_arabic_passive_report(std::string_view auxiliary, std::string_view noun) {
  static const WordSet auxiliaries = {"تم", "جري", "وتم", "وجري"};
  static const WordSet nouns = {"التاكيد", "الاتفاق", "الاشاره", "التشديد", "التوافق", "الاعلان"};
  return in(auxiliaries, auxiliary) && in(nouns, noun);
}

}  // namespace parallax
