#include "lexicon/stop_words.hpp"

#include <string_view>
#include <unordered_set>

namespace parallax {
namespace {

using WordSet = std::unordered_set<std::string_view>;

// Written in normalized form (alef variants as ا, ى as ي, ة as ه, ؤ as و, ئ as ي). Forms with an
// attached و or ف are listed because stop words are matched before stemming. هنا ("here") is
// left out on purpose: normalization merges it with هنأ ("congratulated"), a content word.
const WordSet& arabic() {
  static const WordSet words = {
      "في",    "من",   "الي",  "علي",   "عن",     "ان",     "انه",     "انها",   "انهم",  "ما",
      "لا",    "لم",   "لن",   "هذا",   "هذه",    "هذان",   "هاتان",   "ذلك",    "تلك",   "اوليك",
      "هولاء", "التي", "الذي", "الذين", "اللذان", "اللتان", "اللواتي", "اللاتي", "هو",    "هي",
      "هم",    "هما",  "هن",   "نحن",   "انا",    "انت",    "انتم",    "كان",    "كانت",  "كانوا",
      "يكون",  "تكون", "قد",   "لقد",   "او",     "ام",     "ثم",      "بل",     "حتي",   "مع",
      "بين",   "كل",   "بعض",  "غير",   "عند",    "منذ",    "خلال",    "بعد",    "قبل",   "حول",
      "ضد",    "دون",  "عبر",  "لدي",   "اي",     "ايضا",   "كما",     "لكن",    "لكنه",  "اذا",
      "اذ",    "حيث",  "كيف",  "متي",   "اين",    "هل",     "فقط",     "جدا",    "ذات",   "الا",
      "اما",   "هناك", "به",   "بها",   "بهم",    "له",     "لها",     "لهم",    "منه",   "منها",
      "منهم",  "فيه",  "فيها", "فيهم",  "عليه",   "عليها",  "عليهم",   "اليه",   "اليها", "عنه",
      "عنها",  "سوف",  "مثل",  "نحو",   "حين",    "بينما",  "ضمن",     "وفق",    "تم",    "يتم",
      "فيما",  "بان",  "لان",  "وقد",   "وكان",   "وكانت",  "وفي",     "ومن",    "وان",   "وهو",
      "وهي",   "وهم",  "ولا",  "ولم",   "ولن",    "وما",    "ومع",     "وعلي",   "والي",  "وعن",
      "ولكن",  "فان",  "فقد",  "ولقد",  "وبين",   "وكل",    "وذلك",    "وهذا",   "وهذه",  "والتي",
      "والذي",
  };
  return words;
}

const WordSet& english() {
  static const WordSet words = {
      "i",          "me",        "my",      "myself",  "we",       "our",        "ours",
      "ourselves",  "you",       "your",    "yours",   "yourself", "yourselves", "he",
      "him",        "his",       "himself", "she",     "her",      "hers",       "herself",
      "it",         "its",       "itself",  "they",    "them",     "their",      "theirs",
      "themselves", "what",      "which",   "who",     "whom",     "this",       "that",
      "these",      "those",     "am",      "is",      "are",      "was",        "were",
      "be",         "been",      "being",   "have",    "has",      "had",        "having",
      "do",         "does",      "did",     "doing",   "would",    "should",     "could",
      "ought",      "will",      "shall",   "can",     "may",      "might",      "must",
      "i'm",        "you're",    "he's",    "she's",   "it's",     "we're",      "they're",
      "i've",       "you've",    "we've",   "they've", "i'd",      "you'd",      "he'd",
      "she'd",      "we'd",      "they'd",  "i'll",    "you'll",   "he'll",      "she'll",
      "we'll",      "they'll",   "isn't",   "aren't",  "wasn't",   "weren't",    "hasn't",
      "haven't",    "hadn't",    "doesn't", "don't",   "didn't",   "won't",      "wouldn't",
      "shan't",     "shouldn't", "can't",   "cannot",  "couldn't", "mustn't",    "let's",
      "that's",     "who's",     "what's",  "here's",  "there's",  "when's",     "where's",
      "why's",      "how's",     "a",       "an",      "the",      "and",        "but",
      "if",         "or",        "because", "as",      "until",    "while",      "of",
      "at",         "by",        "for",     "with",    "about",    "against",    "between",
      "into",       "through",   "during",  "before",  "after",    "above",      "below",
      "to",         "from",      "up",      "down",    "in",       "out",        "on",
      "off",        "over",      "under",   "again",   "further",  "then",       "once",
      "here",       "there",     "when",    "where",   "why",      "how",        "all",
      "any",        "both",      "each",    "few",     "more",     "most",       "other",
      "some",       "such",      "no",      "nor",     "not",      "only",       "own",
      "same",       "so",        "than",    "too",     "very",     "also",       "just",
      "s",          "t",
  };
  return words;
}

// Both spellings of words with ё, which writers often replace by е.
const WordSet& russian() {
  static const WordSet words = {
      "и",       "в",       "во",      "не",      "что",     "он",      "на",       "я",
      "с",       "со",      "как",     "а",       "то",      "все",     "всё",      "она",
      "так",     "его",     "но",      "да",      "ты",      "к",       "у",        "же",
      "вы",      "за",      "бы",      "по",      "только",  "ее",      "её",       "мне",
      "было",    "вот",     "от",      "меня",    "еще",     "ещё",     "нет",      "о",
      "из",      "ему",     "теперь",  "когда",   "даже",    "ну",      "ли",       "если",
      "уже",     "или",     "ни",      "быть",    "был",     "него",    "до",       "вас",
      "нибудь",  "опять",   "уж",      "вам",     "ведь",    "там",     "потом",    "себя",
      "ничего",  "ей",      "может",   "они",     "тут",     "где",     "есть",     "надо",
      "ней",     "для",     "мы",      "тебя",    "их",      "чем",     "была",     "сам",
      "чтоб",    "без",     "будто",   "чего",    "раз",     "тоже",    "себе",     "под",
      "будет",   "ж",       "тогда",   "кто",     "этот",    "того",    "потому",   "этого",
      "какой",   "совсем",  "ним",     "здесь",   "этом",    "почти",   "мой",      "тем",
      "чтобы",   "нее",     "неё",     "сейчас",  "были",    "куда",    "зачем",    "всех",
      "никогда", "можно",   "при",     "наконец", "об",      "другой",  "хоть",     "после",
      "над",     "больше",  "тот",     "через",   "эти",     "нас",     "про",      "всего",
      "них",     "какая",   "много",   "разве",   "эту",     "моя",     "впрочем",  "свою",
      "этой",    "перед",   "иногда",  "чуть",    "том",     "нельзя",  "такой",    "им",
      "более",   "всегда",  "конечно", "всю",     "между",   "это",     "эта",      "этих",
      "также",   "который", "которая", "которое", "которые", "которых", "которого", "которой",
      "которым",
  };
  return words;
}

const WordSet& french() {
  static const WordSet words = {
      "au",     "aux",    "avec",   "ce",     "ces",     "dans",   "de",    "des",   "du",
      "elle",   "en",     "et",     "eux",    "il",      "ils",    "je",    "la",    "le",
      "les",    "leur",   "leurs",  "lui",    "ma",      "mais",   "me",    "même",  "mes",
      "moi",    "mon",    "ne",     "nos",    "notre",   "nous",   "on",    "ou",    "par",
      "pas",    "pour",   "qu",     "que",    "qui",     "sa",     "se",    "ses",   "son",
      "sur",    "ta",     "te",     "tes",    "toi",     "ton",    "tu",    "un",    "une",
      "vos",    "votre",  "vous",   "c",      "d",       "j",      "l",     "à",     "m",
      "n",      "s",      "t",      "y",      "été",     "étant",  "suis",  "es",    "est",
      "sommes", "êtes",   "sont",   "sera",   "seront",  "serait", "étais", "était", "étaient",
      "fut",    "soit",   "ayant",  "eu",     "ai",      "as",     "avons", "avez",  "ont",
      "aura",   "auront", "aurait", "avait",  "avaient", "ceci",   "cela",  "cet",   "cette",
      "ici",    "quel",   "quels",  "quelle", "quelles", "sans",   "soi",   "comme", "dont",
      "où",     "si",     "aussi",  "entre",  "plus",
  };
  return words;
}

// "dass" also covers "daß": case folding turns ß into ss.
const WordSet& german() {
  static const WordSet words = {
      "aber",   "alle",     "allem",  "allen",   "aller",   "alles",   "als",     "also",  "am",
      "an",     "ander",    "andere", "anderem", "anderen", "anderer", "anderes", "auch",  "auf",
      "aus",    "bei",      "bin",    "bis",     "bist",    "da",      "damit",   "dann",  "der",
      "den",    "des",      "dem",    "die",     "das",     "dass",    "du",      "durch", "ein",
      "eine",   "einem",    "einen",  "einer",   "eines",   "er",      "es",      "für",   "hat",
      "hatte",  "hatten",   "hier",   "ich",     "ihr",     "ihre",    "ihrem",   "ihren", "ihrer",
      "im",     "in",       "ist",    "ja",      "jede",    "jedem",   "jeden",   "jeder", "jedes",
      "kann",   "kein",     "keine",  "man",     "mein",    "meine",   "mit",     "muss",  "nach",
      "nicht",  "noch",     "nun",    "nur",     "ob",      "oder",    "ohne",    "sehr",  "sein",
      "seine",  "seinem",   "seinen", "seiner",  "sich",    "sie",     "sind",    "so",    "soll",
      "sollte", "über",     "um",     "und",     "uns",     "unser",   "unter",   "vom",   "von",
      "vor",    "war",      "waren",  "warum",   "was",     "weil",    "wenn",    "wer",   "werde",
      "werden", "wie",      "wieder", "will",    "wir",     "wird",    "wo",      "zu",    "zum",
      "zur",    "zwischen", "dies",   "diese",   "dieser",  "dieses",  "doch",    "dort",  "wurde",
      "wurden", "mich",     "mir",    "dich",    "dir",     "ihm",     "ihn",     "ihnen",
  };
  return words;
}

const WordSet& spanish() {
  static const WordSet words = {
      "de",       "la",     "que",    "el",    "en",     "y",       "a",     "los",     "del",
      "se",       "las",    "por",    "un",    "para",   "con",     "no",    "una",     "su",
      "al",       "lo",     "como",   "más",   "pero",   "sus",     "le",    "ya",      "o",
      "este",     "sí",     "porque", "esta",  "entre",  "cuando",  "muy",   "sin",     "sobre",
      "también",  "me",     "hasta",  "hay",   "donde",  "quien",   "desde", "todo",    "nos",
      "durante",  "todos",  "les",    "ni",    "contra", "otros",   "ese",   "eso",     "ante",
      "ellos",    "e",      "esto",   "mí",    "antes",  "algunos", "qué",   "unos",    "yo",
      "otro",     "otras",  "otra",   "él",    "tanto",  "esa",     "estos", "mucho",   "quienes",
      "nada",     "muchos", "cual",   "poco",  "ella",   "estar",   "estas", "algunas", "algo",
      "nosotros", "mi",     "mis",    "tú",    "te",     "ti",      "tu",    "tus",     "ellas",
      "os",       "esos",   "esas",   "estoy", "está",   "estamos", "están", "es",      "son",
      "fue",      "era",    "ser",    "ha",    "han",    "he",      "había", "sido",
  };
  return words;
}

const WordSet* stop_words_of(std::string_view lang) {
  if (lang == "ar") return &arabic();
  if (lang == "en") return &english();
  if (lang == "ru") return &russian();
  if (lang == "fr") return &french();
  if (lang == "de") return &german();
  if (lang == "es") return &spanish();
  return nullptr;
}

}  // namespace

bool is_stop_word(std::string_view lang, std::string_view normalized_word) {
  const WordSet* words = stop_words_of(lang);
  return words != nullptr && words->contains(normalized_word);
}

bool is_stop_word_in_ar_en_ru(std::string_view normalized_word) {
  return is_stop_word("ar", normalized_word) || is_stop_word("en", normalized_word) ||
         is_stop_word("ru", normalized_word);
}

}  // namespace parallax
