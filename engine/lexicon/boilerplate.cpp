#include "lexicon/boilerplate.hpp"

#include <array>
#include <string_view>

#include "text/normalize.hpp"

namespace parallax {
namespace {

// Word sequences that mark furniture wherever they occur in a short sentence.
constexpr std::array<std::array<std::string_view, 4>, 15> kPhrases = {{
    {"email", "address", "will", "not"},
    {"required", "fields", "are", "marked"},
    {"all", "rights", "reserved", ""},
    {"follow", "us", "on", ""},
    {"subscribe", "to", "our", ""},
    {"sign", "up", "for", ""},
    {"click", "here", "", ""},
    {"تابعونا", "على", "", ""},
    {"جميع", "الحقوق", "محفوظة", ""},
    {"اشترك", "في", "", ""},
    {"اترك", "تعليقا", "", ""},
    {"подписывайтесь", "на", "", ""},
    {"все", "права", "защищены", ""},
    {"оставьте", "комментарий", "", ""},
    {"подпишитесь", "на", "", ""},
}};

// Links to another story: furniture anywhere in a short sentence like the phrases above, and at a
// line's start whatever its length (opens_link_line).
constexpr std::array<std::array<std::string_view, 4>, 4> kLinkOpeners = {{
    {"also", "read", "", ""},
    {"read", "more", "", ""},
    {"اقرا", "ايضا", "", ""},
    {"читайте", "также", "", ""},
}};

// First words of a byline ("By Jane Doe") and of a publication stamp, which carries a date or time.
// A photo credit ("Фото: REUTERS/Alex Brandon", "Photo: AP") is a byline of the picture.
constexpr std::array<std::string_view, 8> kBylineOpeners = {"by", "بقلم", "автор", "photo", "image", "фото", "صورة",
                                                            "الصورة"};
constexpr std::array<std::string_view, 7> kStampOpeners = {"published", "updated", "posted", "نشر", "تحديث",
                                                           "опубликовано", "обновлено"};

constexpr std::size_t kMaxFurnitureWords = 16;  // a real sentence can quote a phrase above
constexpr std::size_t kMaxBylineWords = 6;
constexpr std::size_t kMaxStampWords = 12;

bool has_digit(const std::vector<std::string>& words) {
  for (const auto& w : words)
    for (char c : w)
      if (c >= '0' && c <= '9') return true;
  return false;
}

bool starts_with_one_of(const std::vector<std::string>& words, const std::vector<std::string>& openers) {
  for (const std::string& opener : openers)
    if (words[0] == opener) return true;
  return false;
}

using Phrase = std::vector<std::string>;

// A list as the words of a text are compared: normalized (ى -> ي, ة -> ه, case folded).
std::vector<Phrase> normalized_list(const auto& list) {
  std::vector<Phrase> out;
  for (const auto& phrase : list) {
    Phrase words;
    for (std::string_view w : phrase)
      if (!w.empty()) words.push_back(normalize_for_matching(w));
    out.push_back(std::move(words));
  }
  return out;
}

const std::vector<Phrase>& normalized_link_openers() {
  static const std::vector<Phrase> openers = normalized_list(kLinkOpeners);
  return openers;
}

const std::vector<Phrase>& normalized_phrases() {
  static const std::vector<Phrase> phrases = [] {
    std::vector<Phrase> out = normalized_list(kPhrases);
    out.insert(out.end(), normalized_link_openers().begin(), normalized_link_openers().end());
    return out;
  }();
  return phrases;
}

std::vector<std::string> normalized(const auto& words) {
  std::vector<std::string> out;
  for (std::string_view w : words) out.push_back(normalize_for_matching(w));
  return out;
}

bool has_phrase_at(const std::vector<std::string>& words, std::size_t at, const Phrase& phrase) {
  for (std::size_t k = 0; k < phrase.size(); ++k)
    if (at + k >= words.size() || words[at + k] != phrase[k]) return false;
  return true;
}

}  // namespace

bool opens_link_line(const std::vector<std::string>& words) {
  for (const Phrase& phrase : normalized_link_openers())
    if (has_phrase_at(words, 0, phrase)) return true;
  return false;
}

bool is_boilerplate(const std::vector<std::string>& words) {
  static const std::vector<std::string> byline_openers = normalized(kBylineOpeners);
  static const std::vector<std::string> stamp_openers = normalized(kStampOpeners);
  if (words.empty()) return false;
  if (words.size() <= kMaxBylineWords && starts_with_one_of(words, byline_openers)) return true;
  if (words.size() <= kMaxStampWords && starts_with_one_of(words, stamp_openers) && has_digit(words)) return true;
  if (words.size() > kMaxFurnitureWords) return false;
  for (std::size_t at = 0; at < words.size(); ++at) {
    if (words[at].rfind("http", 0) == 0 || words[at].rfind("www", 0) == 0) return true;  // a link line
    for (const Phrase& phrase : normalized_phrases())
      if (has_phrase_at(words, at, phrase)) return true;
  }
  return false;
}

}  // namespace parallax
