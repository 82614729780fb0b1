#pragma once
// The words of attribution cues in Arabic, English and Russian: speech verbs ("قال", "said",
// "заявил"), participles that open a reported clause ("مشيراً", "adding", "добавив"), source
// phrases ("بحسب", "according to", "по словам"), relay verbs ("نقلت ... عن"), continuation markers
// ("كما", "also", "также") and the words around a speaker phrase (pronouns, anaphoric nouns,
// fillers, job titles, the words that end it). claims/cues reads sentences with them.
//
// Every function takes a normalized word (normalize_for_matching, as in MatchToken::normalized).
// Where noted, an Arabic word also matches with an attached "و" or "ف" ("وقال", "فالمتحدث").
#include <cstddef>
#include <optional>
#include <string_view>

namespace parallax {

// A speech verb of any of the three languages; Arabic ones also with "و" / "ف".
bool is_speech_verb(std::string_view word);

// An Arabic speech verb with an attached "و" / "ف" ("واعتبر"): a conjoined verb that opens a
// reported clause after a comma.
bool is_conjoined_arabic_speech_verb(std::string_view word);

// A participle that opens a reported clause ("مضيفا", "adding", "добавив").
bool is_reporting_participle(std::string_view word);

// The length in words (1 or 2) of the source phrase that starts with `word` ("بحسب", "وفقا ل",
// "according to", "по словам", "согласно"), given the word after it when there is one; 0 when no
// source phrase starts there.
std::size_t source_phrase_length(std::string_view word, std::optional<std::string_view> next);

// An Arabic relay verb ("نقلت"): "نقلت وكالات ... عن X", the speaker follows "عن".
bool is_relay_verb(std::string_view word);

// A news agency or "the media" ("Reuters", "Interfax", "агентства", "وكالة"): as the source of a
// clause that also has a speech verb with a subject, it relays that speaker ("Novak told reporters
// ..., according to Interfax"). Arabic ones also with "و" / "ف".
bool is_news_medium(std::string_view word);

// An Arabic dual speech verb ("صرحا", "اتفقا", "أكدا"): with no subject named, both parties spoke.
// Also with "و" / "ف".
bool is_arabic_dual_speech_verb(std::string_view word);

// A word that continues the previous speaker's account when it opens a clause ("كما", "also",
// "кроме").
bool is_continuation_marker(std::string_view word);

// "по его словам", "according to him": a source phrase whose speaker is a pronoun (the previous
// speaker), given its first three words.
bool is_pronoun_source(std::string_view first, std::string_view second, std::string_view third);

// The speaker "both sides": "الجانبان", "الرئيسان" (Arabic duals), "both sides", "the two leaders",
// "обе стороны", "стороны", given the normalized words of a speaker phrase (fillers removed).
bool is_both_sides_phrase(std::string_view words);

// A verb of what two parties did together ("agreed", "signed", "договорились", "приняли",
// "اتفقا", "توصلا"; Arabic ones also with "و" / "ف"): with "X and Y" or "the two leaders" as its
// subject, the claim is both sides'.
bool is_joint_verb(std::string_view word);

// A subject pronoun ("he", "она", "هو") that refers back to the previous speaker.
bool is_subject_pronoun(std::string_view word);

// An object pronoun ("him", "его"): "according to him", "по данным их" name the previous speaker.
bool is_object_pronoun(std::string_view word);

// A noun that refers back to an earlier speaker ("statement", "spokesman", "البيان", "источник");
// Arabic ones also with "و" / "ف".
bool is_anaphoric_noun(std::string_view word);

// A function word that never starts or forms a speaker (articles, adverbs such as "also").
bool is_speaker_filler_word(std::string_view word);

// A job title or "باسم" ("on behalf of") inside a speaker phrase; Arabic ones also with "و" / "ف".
bool is_speaker_role_word(std::string_view word);

// A word that ends a speaker phrase following its verb: complementizers, prepositions, time words;
// Arabic ones also with "و" / "ف".
bool ends_speaker_phrase(std::string_view word);

// "قوله" / "قولها" / "قولهم" ("his / her / their saying") closing a relay.
bool is_quoting_noun(std::string_view word);

// A negation ("not", "no", "не", "لم"): "He did not offer specifics" reports no statement.
bool is_negation(std::string_view word);

// A word after which a clause may report a second speaker's statement: "X warned ... and Y said",
// "قال X ... فيما أكد Y", "в ответ на что Y сказал".
bool is_second_statement_marker(std::string_view word);

// "made the statement", "сделал заявление": a verb and its object that together report speech,
// given the verb and the noun (articles skipped).
bool is_statement_making(std::string_view verb, std::string_view noun);

// "جرى التأكيد على" / "تم الاتفاق على" ("it was stressed / agreed"): an Arabic passive report
// whose speaker is the previous sentence's, given the auxiliary and the verbal noun.
bool is_arabic_passive_report(std::string_view auxiliary, std::string_view noun);

}  // namespace parallax
