#pragma once
// Words that carry a claim's stance, in Arabic, English and Russian: negations ("لم", "not", "не"),
// denial verbs ("نفى", "denied", "опроверг"), words that signal refutation ("كاذب", "fake", "фейк")
// and words of reporting without endorsing ("يزعم", "reportedly", "якобы"). diff/claim_profile
// counts negations and denials; diff/stance_features counts refuting and hedging words.
//
// Every function takes a normalized word (normalize_for_matching, as in MatchToken::normalized).
#include <string_view>

namespace parallax {

// A negation word, also an Arabic one with "and" / "so" attached ("ولم", "فلا", "ولن").
bool is_negation_word(std::string_view normalized_word);

// A denial verb ("نفى", "denied", "опроверг"). Used on a claim's cue too: in "Moscow denied that
// ..." the denial is the attribution verb itself.
bool is_denial_word(std::string_view normalized_word);

// A word that signals refutation ("fake", "كاذب", "фейк").
bool is_refuting_word(std::string_view normalized_word);

// A word of reporting without endorsing ("reportedly", "يزعم", "якобы").
bool is_hedging_word(std::string_view normalized_word);

// A word for a talk or what it builds, the things a readout characterizes: "talks", "conversation",
// "meeting", "relations", "переговоры", "беседы", "المحادثات", "للقاء" (Arabic with its clitics).
bool is_talk_word(std::string_view normalized_word);

// The status a word gives an agreement or a decision: settled ("reached", "signed", "достигли",
// "توصلا") or tentative ("proposed", "draft", "предложил", "اقترح"). "Agreed" is neither: accounts
// use it for both. diff/judge calls a settled account against a tentative one a conflict.
enum class AgreementStatus { None, Settled, Tentative };
AgreementStatus agreement_status(std::string_view normalized_word);

// A confirming verb ("confirmed", "подтвердил", "اكد"): negated, it makes an account tentative
// ("has not confirmed").
bool is_confirming_word(std::string_view normalized_word);

}  // namespace parallax
