#!/usr/bin/python3
"""Extract Arabic->English and Russian->English lexicons from Debian dictd dictionaries.

Run at build time (by CMake) on the user's machine, because the dictionaries are GPL and are
not committed to the repository:

    extract_debian.py OUTDIR [--dictd-dir /usr/share/dictd]

Writes OUTDIR/freedict.ar-en.tsv, OUTDIR/freedict-inv.ar-en.tsv and OUTDIR/mueller7.ru-en.tsv,
each line `word<TAB>lang<TAB>gloss<TAB>weight`. A missing dictionary gives a warning and a file
holding only its header comment, so the build never fails on it. Standard library only.
"""
import argparse
import gzip
import os
import re
import sys
import unicodedata

from lexicon_tsv import write_tsv

# --- dictd reading -------------------------------------------------------------------------

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
B64_VALUE = {c: i for i, c in enumerate(B64)}


def dictd_number(text):
    """Offsets and lengths in a dictd .index are base-64 numbers, most significant digit first."""
    value = 0
    for c in text:
        value = value * 64 + B64_VALUE[c]
    return value


def dictd_entries(dictd_dir, name):
    """[(headword, entry text)] of a dictd dictionary in index order; None when it is absent or
    unreadable.

    The .dict.dz is dictzip, which is gzip-compatible, so the whole file is simply gunzipped
    (a few MB): faster and simpler than random access through the dictzip chunk table.
    """
    index_path = os.path.join(dictd_dir, name + ".index")
    dict_path = os.path.join(dictd_dir, name + ".dict.dz")
    if not (os.path.isfile(index_path) and os.path.isfile(dict_path)):
        return None
    try:
        with gzip.open(dict_path, "rb") as f:
            data = f.read()
    except (OSError, EOFError):  # not gzip, truncated: a broken package must not stop the build
        return None
    entries = []
    with open(index_path, encoding="utf-8", errors="replace") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 3 or fields[0].startswith("00"):  # 00database* metadata entries
                continue
            try:
                start, length = dictd_number(fields[1]), dictd_number(fields[2])
                text = data[start:start + length].decode("utf-8")
            except (KeyError, UnicodeDecodeError):
                continue  # a damaged line: skip it rather than fail the build
            entries.append((fields[0], text))
    return entries


def dictd_short_name(dictd_dir, name):
    """The dictionary's own one-line description (00databaseshort), for the header comment."""
    index_path = os.path.join(dictd_dir, name + ".index")
    dict_path = os.path.join(dictd_dir, name + ".dict.dz")
    try:
        with open(index_path, encoding="utf-8") as f:
            for line in f:
                fields = line.rstrip("\n").split("\t")
                if fields[0] in ("00databaseshort", "00-database-short") and len(fields) >= 3:
                    with gzip.open(dict_path, "rb") as d:
                        d.seek(dictd_number(fields[1]))
                        text = d.read(dictd_number(fields[2])).decode("utf-8")
                    lines = [x.strip() for x in text.splitlines() if x.strip()]
                    # dictfmt repeats the key on the first line of some dictionaries
                    lines = [x for x in lines if not x.startswith("00")]
                    return lines[0] if lines else ""
    except (OSError, KeyError, UnicodeDecodeError, EOFError):
        pass
    return ""


# --- normalization -------------------------------------------------------------------------

ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")  # tashkeel, dagger alef, tatweel
ARABIC_WORD = re.compile("^[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+$")
RUSSIAN_WORD = re.compile("^[а-яё]+(?:-[а-яё]+)?$")
ENGLISH_GLOSS = re.compile("^[A-Za-z](?:[A-Za-z' -]*[A-Za-z])?$")
ENGLISH_HEAD = re.compile("^[a-z]+$")


def arabic_word(text, strip_article):
    """A single Arabic word without diacritics (and, optionally, without the article ال), or ''.

    NFKC folds the presentation-form ligatures (U+FExx) some FreeDict entries use into letters.
    The article is stripped only when two letters remain, so short words like الم stay whole.
    """
    word = ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", text))
    word = word.replace("\u200e", "").replace("\u200f", "").strip()
    if not ARABIC_WORD.match(word):
        return ""
    if strip_article and word.startswith("ال") and len(word) - 2 >= 2:
        word = word[2:]
    return word


def english_gloss(text):
    """An English word or short phrase (at most 3 words), or '' for numbers, symbols, '...'."""
    gloss = " ".join(text.split())
    if not ENGLISH_GLOSS.match(gloss) or len(gloss.split()) > 3:
        return ""
    return gloss


# --- FreeDict (Arabeyes) --------------------------------------------------------------------
# An entry is "HEAD /ipa/" followed by either one sense line or numbered lines "1. sense".


def freedict_senses(text):
    """The sense lines of a FreeDict entry, without the headword/pronunciation line or numbers."""
    lines = text.strip("\n").split("\n")[1:]
    senses = [re.sub(r"^\s*\d+\.\s*", "", line).strip() for line in lines]
    return [s for s in senses if s]


def freedict_headword(text):
    """The headword as the entry writes it (before ' /ipa/'), e.g. 'Book' for index key 'book'."""
    first = text.split("\n", 1)[0]
    return first.split(" /", 1)[0].strip()


def read_ara_eng(entries):
    """Arabic head -> first sense only (measured: expanding to more senses matched worse).

    Every homograph entry of a word contributes its own first sense at weight 1.
    """
    pairs = {}
    for head, text in entries:
        word = arabic_word(head, strip_article=True)
        senses = freedict_senses(text)
        if not word or not senses:
            continue
        # FreeDict capitalizes every sense ("Book"); lower-case it, as the concept table reads a
        # capitalized gloss as a proper name (names come from data/lexicon/names.*).
        gloss = english_gloss(senses[0]).lower()
        if gloss:
            pairs[(word, gloss)] = 1.0
    return pairs


def read_eng_ara_inverted(entries, weight):
    """English head -> first sense, inverted: each single Arabic word of it -> the English head.

    Only the first sense is used, for the same reason as above; a sense may list alternatives
    separated by commas, and explanatory phrases ("X - a plant") are dropped as multi-word.
    """
    pairs = {}
    for _key, text in entries:
        gloss = english_gloss(freedict_headword(text)).lower()  # capitalized as above
        senses = freedict_senses(text)
        if not gloss or not senses:
            continue
        for part in re.split("[,،]", senses[0].replace("::", "").replace("*", "")):
            word = arabic_word(part, strip_article=True)
            if word:
                pairs[(word, gloss)] = max(pairs.get((word, gloss), 0.0), weight)
    return pairs


# --- Mueller 7 (English -> Russian) ---------------------------------------------------------
# An entry is the headword line, then "[transcription]", abbreviations like "_n.", "_v.",
# "_муз.", parts of speech numbered "1. _n." and senses numbered "1)" (or "10)text" when the
# number has two digits); sense text wraps onto unnumbered continuation lines.

POS_LINE = re.compile(r"^\d+\.\s+(.*)$")
SENSE_LINE = re.compile(r"^\d+\)\s*(.*)$")


LABEL = re.compile(r"_\S+?\.")  # _n. _a. _v. _разг. _муз. ...


def has_translation(text):
    """Whether a piece of entry text holds Russian beyond labels, notes and transcription."""
    return bool(re.search("[а-яё]", LABEL.sub(" ", remove_parentheses(text)), re.IGNORECASE))


def mueller_senses(text):
    """The senses of a Mueller entry in order, as (part-of-speech block number, text) pairs.

    Continuation lines are joined. A part-of-speech block without numbered senses is itself one
    sense ("1. _n. суффикс"). A header without translations ("[ˈsʌfɪks] _грам.", "1. _n.")
    only carries labels: they are prefixed to the senses under it, so a colloquial or dated
    label on the header still marks them.
    """
    senses = []
    entry_labels, block_labels = "", ""
    current, is_header, block = [], True, 0

    def finish():
        nonlocal entry_labels, block_labels
        joined = " ".join(current)
        if is_header and not has_translation(joined):
            labels = " ".join(LABEL.findall(joined))
            if block == 0:
                entry_labels = labels
            else:
                block_labels = labels
        elif current:
            senses.append((block, " ".join([entry_labels, block_labels, joined]).strip()))

    for line in text.split("\n")[1:]:
        line = line.strip()
        if not line:
            continue
        sense = SENSE_LINE.match(line)
        pos = POS_LINE.match(line)
        if sense or pos:
            finish()
            if pos:
                block, block_labels = block + 1, ""
            current, is_header = [(sense or pos).group(1)], pos is not None
        else:
            current.append(line)
    finish()
    return senses


def remove_parentheses(text):
    """Drops (notes), {cross references} and [transcriptions], innermost first."""
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"\([^()]*\)|\{[^{}]*\}|\[[^\[\]]*\]", " ", text)
    return text


# Labels of colloquial, dated, poetic, dialect ... usage: such a sense is a weaker gloss.
REGISTER_LABELS = {
    "разг", "шутл", "уст", "жарг", "поэт", "редк", "диал", "груб", "пренебр", "презр", "ирон",
    "эвф", "книж", "сл", "арх", "стих", "ритор", "шотл", "австрал", "ирл",
}


def translation_part(sense):
    """The part of a sense before its usage examples, which start with English ("organs of
    government органы ..."), without (notes), {references} and sub-sense markers а) б)."""
    text = remove_parentheses(sense)
    text = re.sub(r"(?<!\S)[а-я]\)", " ", text)
    unlabelled = LABEL.sub(lambda m: " " * len(m.group()), text)  # same offsets as text
    latin = re.search(r"[A-Za-z]{2,}", unlabelled)
    if latin:  # cut at the start of the ,/; piece holding the first English word
        cut = max(text.rfind(",", 0, latin.start()), text.rfind(";", 0, latin.start()))
        text = text[:max(cut, 0)]
    return text


# A piece opening with a relative word is a description, not a translation:
# "год, когда не проводятся ... выборы" (offyear), "тот, кто ..." (one who).
DESCRIPTION_START = re.compile(r"^(?:когда|котор\w*|где|что|чтобы|кто|чей|чья|чьё|чьи)\b")
# A word followed by a participle phrase is the head of a description, not a translation:
# "лицо, помещающее объявление" (advertiser), "человек, всецело преданный ..." (devotee).
PARTICIPLE = re.compile(r"(?:ющ|ящ|ущ|ащ|вш|нн|т|м)(?:ий|ый|ая|ое|ее|ие|ые|ого|его|ому|ему|ой|ей"
                        r"|ую|юю|им|ым|их|ых)(?:ся)?$")


def mueller_translations(sense):
    """([(single Russian word, its piece number)] in order, has a register label).

    Translations are separated by ',' and ';'. Multi-word pieces are phrases; a sense made
    mostly of them is a description ("книга, пьеса или фильм, рассчитанные на то, ...") whose
    single words are not translations.
    """
    text = translation_part(sense)
    register = bool({label[1:-1] for label in LABEL.findall(text)} & REGISTER_LABELS)
    text = LABEL.sub(" ", text)
    pieces = [" ".join(x.split()).lower() for x in re.split("[,;]", text) if x.strip()]
    words, phrases = [], 0
    for number, piece in enumerate(pieces):
        if DESCRIPTION_START.match(piece):
            return [], register
        if not (RUSSIAN_WORD.match(piece) and len(piece) >= 2):
            phrases += 1
            continue
        following = pieces[number + 1].split() if number + 1 < len(pieces) else []
        if len(following) >= 2 and any(PARTICIPLE.search(w) for w in following[:2]):
            continue
        if piece not in (w for w, _ in words):
            words.append((piece, number))
    if phrases >= 2 and phrases > len(words):
        return [], register
    return words, register


def mueller_weight(rank, number, register):
    """1 for the first translation of the first sense, 0.7 for the rest of that sense, 0.5 for
    the second sense and for the first sense of a later part of speech (run: бег, then бежать);
    halved for colloquial/dated senses. Later translations are more often near-synonyms."""
    if rank == 0:
        weight = 1.0 if number == 0 else 0.7
    else:
        weight = 0.5
    return weight * (0.5 if register else 1.0)


def read_mueller(entries):
    """Russian word -> English head, from the first two senses of single-word heads and the
    first sense of each further part of speech."""
    pairs = {}
    for head, text in entries:
        if not ENGLISH_HEAD.match(head) or text.split("\n", 1)[0].strip() != head:
            continue  # phrases, and index keys pointing into another entry
        seen_blocks = set()
        for rank, (block, sense) in enumerate(mueller_senses(text)):
            first_of_block = block not in seen_blocks
            seen_blocks.add(block)
            if rank >= 2 and not first_of_block:
                continue
            words, register = mueller_translations(sense)
            for word, number in words:
                weight = mueller_weight(rank, number, register)
                pairs[(word, head)] = max(pairs.get((word, head), 0.0), weight)
    return pairs


# --- output ---------------------------------------------------------------------------------


SOURCES = {
    "freedict-ara-eng": "Debian package dict-freedict-ara-eng (FreeDict / Arabeyes.org)",
    "freedict-eng-ara": "Debian package dict-freedict-eng-ara (FreeDict / Arabeyes.org)",
    "mueller7": "Debian package mueller7-dict (V. K. Mueller, 7th ed.; S. Starostin, "
                "E. S. Cymbalyuk)",
}


def header_for(dictd_dir, name, how):
    return [
        f"Source: {SOURCES[name]}, {os.path.join(dictd_dir, name)}.{{index,dict.dz}}",
        f"Version: {dictd_short_name(dictd_dir, name) or 'unknown (dictionary missing)'}",
        "Licence: GPL-2.0-or-later (generated at build time from the installed package; "
        "not redistributed in the parallax sources).",
        f"Made by tools/lexicon/extract_debian.py: {how}",
    ]


def extract(dictd_dir, name, out_path, lang, how, reader):
    entries = dictd_entries(dictd_dir, name)
    if entries is None:
        print(f"extract_debian: warning: {name} missing or unreadable in {dictd_dir}; "
              f"writing an empty {os.path.basename(out_path)}", file=sys.stderr)
        pairs = {}
    else:
        pairs = reader(entries)
    count = write_tsv(out_path, header_for(dictd_dir, name, how), lang, pairs)
    print(f"extract_debian: {out_path}: {count} entries")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir")
    parser.add_argument("--dictd-dir", default="/usr/share/dictd")
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    out = lambda name: os.path.join(args.outdir, name)
    extract(args.dictd_dir, "freedict-ara-eng", out("freedict.ar-en.tsv"), "ar",
            "single-word Arabic heads (article and diacritics stripped) -> first sense.",
            read_ara_eng)
    extract(args.dictd_dir, "freedict-eng-ara", out("freedict-inv.ar-en.tsv"), "ar",
            "inverted: single Arabic words of the first sense -> English head, weight 0.5.",
            lambda entries: read_eng_ara_inverted(entries, 0.5))
    extract(args.dictd_dir, "mueller7", out("mueller7.ru-en.tsv"), "ru",
            "inverted: single Russian words of the first two senses (and the first sense of "
            "each further part of speech) -> single-word English head; weight 1 first "
            "translation, 0.7 rest of sense 1, 0.5 otherwise, halved for colloquial/dated senses.",
            read_mueller)


if __name__ == "__main__":
    main()
