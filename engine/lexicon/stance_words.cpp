#include "lexicon/stance_words.hpp"

#include <functional>
#include <set>
#include <string>

#include "lexicon/sorted_words.hpp"
#include "text/language.hpp"

namespace parallax {

namespace {

using WordSet = std::set<std::string, std::less<>>;

// Normalized negation words. Arabic "غير" and "دون" also build compounds ("غير المشروط"), which is
// still a negation of the word they govern.
constexpr auto kNegations = sorted_words({"لا",  "لم",    "لن",    "ليس",  "ليست", "غير",  "عدم", "دون",
                            "بدون", "not",  "no",    "never", "none", "without", "nor",
                            "cannot", "не",  "нет",   "ни",   "никогда", "без",
                            "neither", "non"});
constexpr auto kDenials = sorted_words({"نفي",  "نفت",  "ينفي",  "تنفي",  "نفوا",  "ونفي", "ونفت", "deny",
                          "denied", "denies", "denying", "dismissed", "rejected", "refuted",
                          "опроверг", "опровергла", "опровергли", "отрицает", "отрицают",
                          "опроверг", "отверг", "отвергла"});

// Words that signal refutation (after the FNC-1 baseline's list, with Arabic and Russian).
constexpr auto kRefuting = sorted_words({
    "fake", "fraud", "hoax", "false", "deny", "denies", "denied", "not", "despite", "nope",
    "doubt", "doubts", "bogus", "debunk", "debunked", "pranks", "retract", "retracted", "untrue",
    "misleading", "rumor", "rumour", "كاذب", "كاذبه", "مزيف", "مزيفه", "شائعه", "شايعه", "نفي",
    "نفت", "ينفي", "تنفي", "غير", "عار", "صحه", "фейк", "ложь", "ложная", "опроверг", "опровергла",
    "слухи", "неправда"});
// Words of reporting without endorsing.
constexpr auto kHedging = sorted_words({
    "reportedly", "allegedly", "alleged", "claims", "claimed", "according", "reports", "report",
    "purportedly", "apparently", "unconfirmed", "suggests", "may", "might", "could", "possibly",
    "rumored", "speculation", "يزعم", "مزاعم", "ادعاءات", "ادعي", "حسب", "بحسب", "وفقا", "ربما",
    "قد", "يبدو", "якобы", "предположительно", "возможно", "сообщается", "по", "данным"});

// An agreement's status. Arabic as normalized for matching (alef forms as ا, ى as ي, ة as ه).
constexpr auto kSettled = sorted_words({"reached", "signed", "sealed", "concluded", "finalized", "finalised", "clinched",
                          "достигли", "достигнуто", "достигнута", "достигнут", "подписали", "подписал",
                          "подписала", "подписано", "подписан", "заключили", "заключено", "заключен",
                          "توصل", "توصلا", "توصلوا", "توصلت", "وقع", "وقعا", "وقعوا", "وقعت", "ابرم",
                          "ابرما", "ابرمت", "ابرموا"});
constexpr auto kTentative = sorted_words({"proposed", "proposes", "proposal", "proposals", "offered", "suggested", "draft",
                            "tentative", "unconfirmed", "considering", "mulling", "предложил", "предложила",
                            "предложили", "предложение", "предлагает", "предлагают", "проект", "рассматривает",
                            "рассматривают", "اقترح", "اقترحت", "اقتراح", "مقترح", "يقترح", "تقترح", "مسوده",
                            "يدرس", "تدرس"});
constexpr auto kConfirming = sorted_words({"confirmed", "confirm", "confirms", "подтвердил", "подтвердила", "подтвердили",
                             "подтверждает", "подтверждено", "اكد", "اكدت", "اكدوا", "يؤكد", "تؤكد"});

// "ولم", "فلا", "ولن": Arabic attaches "and" / "so" to the negation particle.
bool is_negation_with_conjunction(std::string_view word) {
  for (std::string_view conjunction : {"و", "ف"}) {
    if (word.size() > conjunction.size() && word.substr(0, conjunction.size()) == conjunction &&
        word_script(word) == Script::Arabic && kNegations.count(word.substr(conjunction.size()))) {
      return true;
    }
  }
  return false;
}

// "didn't", "can't", "won’t": English writes "not" into the auxiliary.
bool is_english_contraction_of_not(std::string_view word) {
  for (std::string_view suffix : {"n't", "n’t"})
    if (word.size() > suffix.size() && word.substr(word.size() - suffix.size()) == suffix) return true;
  return false;
}

}  // namespace

bool is_negation_word(std::string_view normalized_word) {
  return kNegations.count(normalized_word) || is_negation_with_conjunction(normalized_word) ||
         is_english_contraction_of_not(normalized_word);
}

bool is_denial_word(std::string_view normalized_word) {
  return kDenials.count(normalized_word) > 0;
}

bool is_talk_word(std::string_view word) {
  static const WordSet english = {"talk", "talks", "conversation", "conversations", "discussion", "discussions", "meeting",
                                  "meetings", "negotiation", "negotiations", "call", "exchange", "dialogue", "dialog",
                                  "summit", "visit", "relations", "relationship", "atmosphere", "consultations"};
  if (english.count(word)) return true;
  // Russian and Arabic by stem, whatever the ending ("переговорах", "اجتماعا", "المحادثتين").
  static const std::string_view stems[] = {
      "разговор", "переговор", "бесед", "дискусс", "встреч", "обмен", "диалог", "саммит", "визит", "отношени",
      "атмосфер", "консультац", "محادث", "مباحث", "مكالم", "اتصال", "لقاء", "اجتماع", "حوار", "نقاش", "مناقش",
      "قمه", "زياره", "علاقات", "اجواء", "مشاورات"};
  const auto starts_with_stem = [&](std::string_view w) {
    for (std::string_view stem : stems)
      if (w.substr(0, stem.size()) == stem) return true;
    return false;
  };
  if (starts_with_stem(word)) return true;
  if (word_script(word) != Script::Arabic) return false;
  // Arabic clitics before the noun: a conjunction, a preposition, the article.
  for (std::string_view prefix : {"وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل"})
    if (word.size() > prefix.size() && word.substr(0, prefix.size()) == prefix && starts_with_stem(word.substr(prefix.size())))
      return true;
  return false;
}

bool is_refuting_word(std::string_view normalized_word) {
  return kRefuting.count(normalized_word) > 0;
}

bool is_hedging_word(std::string_view normalized_word) {
  return kHedging.count(normalized_word) > 0;
}

AgreementStatus agreement_status(std::string_view normalized_word) {
  if (kSettled.count(normalized_word)) return AgreementStatus::Settled;
  if (kTentative.count(normalized_word)) return AgreementStatus::Tentative;
  return AgreementStatus::None;
}

bool is_confirming_word(std::string_view normalized_word) { return kConfirming.count(normalized_word) > 0; }

}  // namespace parallax
