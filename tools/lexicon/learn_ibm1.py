#!/usr/bin/python3
"""Learn Arabic->English and Russian->English word translations from the UN Parallel Corpus.

    learn_ibm1.py [UNDIR] [--out-dir data/lexicon] [--iterations 5] [--no-diagonal]

Reads only the official DEV set, UNDIR/UNv1.0.devset.{ar,en,ru} (4,000 aligned sentences; the
TEST set is held out for evaluation and never read). UNDIR defaults to ../shared/data/xling/un
relative to the repository root.

IBM Model 1 (p(e|f), English given foreign, with a NULL foreign word) trained by EM, with
fast_align's diagonal prior (Dyer, Chahuneau, Smith 2013) on the alignment: a word tends to be
translated near the same relative position of its sentence. The prior is fixed (no tension
optimisation), so the output depends only on the data and the iteration count.

Writes un-ibm1.ar-en.tsv and un-ibm1.ru-en.tsv: each foreign word seen at least twice, with up
to 3 English words of p(e|f) >= 0.1, weight p / max p. English function words are trained on
but never output. Pure Python, under a minute.
"""
import argparse
import math
import os
import re

from lexicon_tsv import write_tsv

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

MIN_COUNT = 2         # foreign words seen once give unreliable translations
MIN_PROB = 0.1        # p(e|f) below this is mostly alignment noise
MAX_GLOSSES = 3
P_NULL = 0.08         # fast_align default: probability of aligning to NULL,
TENSION = 2.0         # and sharpness of the diagonal prior (fast_align: 4; 2 kept the
                      # dictionary-confirmed pairs with fewer stray ones on this dev set)

# English function words carry no concept: never an output translation. They stay in the
# training text, though: there they absorb the foreign function words (и -> and, في -> in),
# which otherwise spread over content words and come out as noise (и -> women).
ENGLISH_STOP = set("""
a an the and or but nor if then than so as of to in on at by for from with without into onto
upon about over under between among through during before after above below up down out off
is are was were be been being am do does did done have has had having will would shall should
can could may might must it its itself this that these those there here which who whom whose
what when where why how all any both each few more most other some such no not only own same
too very just also i me my we us our you your he him his she her they them their one ones
per via thereof therein whereas hereby well
""".split())  # "well": nearly always "as well as" in UN text (также -> well)

ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")  # tashkeel, dagger alef, tatweel
ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
LETTERS = re.compile(r"[^\W\d_]+")
# An output foreign word must be in its language's script: Latin acronyms and names also occur
# in the Russian and Arabic text ("rights" -> human) and are left to the English side.
SCRIPT = {"ar": re.compile("^[\u0621-\u064a]+$"), "ru": re.compile("^[а-яё]+$")}


def tokenize(line, lang):
    """Lower-cased letter-only tokens; Arabic without diacritics and with alef, alef maqsura
    and teh marbuta folded, so spelling variants of one word count together."""
    line = line.lower()
    if lang == "ar":
        line = ARABIC_MARKS.sub("", line).translate(ARABIC_FOLD)
    return LETTERS.findall(line)


def is_target(english):
    """Whether an English word may be output as a translation: no function words, and no
    single letters (the "s" of "State's")."""
    return len(english) > 1 and english not in ENGLISH_STOP


def read_lines(path):
    """Lines split on '\n' only: str.splitlines would also split on U+2028 and the like, which
    would shift the sentence alignment."""
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip("\r") for line in lines]


class Vocabulary:
    """Word <-> integer id, ids in first-seen order (deterministic)."""

    def __init__(self):
        self.ids, self.words = {}, []

    def id(self, word):
        if word not in self.ids:
            self.ids[word] = len(self.words)
            self.words.append(word)
        return self.ids[word]


NULL = 0  # foreign id 0 is the NULL word


def load_corpus(un_dir, lang):
    """Sentence pairs as (foreign ids, English ids) and the two vocabularies."""
    foreign = read_lines(os.path.join(un_dir, f"UNv1.0.devset.{lang}"))
    english = read_lines(os.path.join(un_dir, "UNv1.0.devset.en"))
    if len(foreign) != len(english):
        raise SystemExit(f"learn_ibm1: {lang} and en dev sets differ in length")
    fvocab, evocab = Vocabulary(), Vocabulary()
    fvocab.id("<NULL>")
    pairs = []
    for f_line, e_line in zip(foreign, english):
        f_ids = [fvocab.id(t) for t in tokenize(f_line, lang)]
        e_ids = [evocab.id(t) for t in tokenize(e_line, "en")]
        if f_ids and e_ids:
            pairs.append((f_ids, e_ids))
    return pairs, fvocab, evocab


def diagonal_prior(m, n, diagonal):
    """prior[j][i]: probability that English position j (of n) aligns to foreign position i (of
    m); index 0 is NULL. fast_align: exp(-tension * |i/m - j/n|), normalised, times 1 - p_null."""
    rows = []
    for j in range(n):
        if not diagonal:
            rows.append([1.0 / (m + 1)] * (m + 1))
            continue
        weights = [math.exp(-TENSION * abs((i + 0.5) / m - (j + 0.5) / n)) for i in range(m)]
        scale = (1.0 - P_NULL) / sum(weights)
        rows.append([P_NULL] + [w * scale for w in weights])
    return rows


def train(pairs, iterations, diagonal):
    """EM for t(e|f) over co-occurring pairs only: t[f][e]. Starts uniform."""
    priors = [diagonal_prior(len(f), len(e), diagonal) for f, e in pairs]
    t = {}
    for f_ids, e_ids in pairs:
        for f in [NULL] + f_ids:
            row = t.setdefault(f, {})
            for e in e_ids:
                row[e] = 1.0
    for _ in range(iterations):
        counts = {f: dict.fromkeys(row, 0.0) for f, row in t.items()}
        for (f_ids, e_ids), prior in zip(pairs, priors):
            sources = [NULL] + f_ids
            rows = [t[f] for f in sources]
            count_rows = [counts[f] for f in sources]
            for e, p_row in zip(e_ids, prior):
                scores = [p * row[e] for p, row in zip(p_row, rows)]
                total = sum(scores)
                for score, c_row in zip(scores, count_rows):
                    c_row[e] += score / total
        t = {}
        for f, row in counts.items():
            total = sum(row.values())
            t[f] = {e: c / total for e, c in row.items() if c > 0.0}
    return t


def translations(t, pairs, fvocab, evocab, lang):
    """{(foreign word, English word): weight} for foreign words seen MIN_COUNT+ times."""
    seen = {}
    for f_ids, _ in pairs:
        for f in f_ids:
            seen[f] = seen.get(f, 0) + 1
    out = {}
    for f, count in seen.items():
        if count < MIN_COUNT or not SCRIPT[lang].match(fvocab.words[f]):
            continue
        candidates = ((p, evocab.words[e]) for e, p in t[f].items() if p >= MIN_PROB)
        best = sorted(((p, e) for p, e in candidates if is_target(e)),
                      key=lambda pe: (-pe[0], pe[1]))[:MAX_GLOSSES]
        for p, word in best:
            out[(fvocab.words[f], word)] = p / best[0][0]
    return out


def header(lang, iterations, diagonal):
    model = (f"IBM Model 1 + fast_align diagonal prior (tension {TENSION:g}, p_null {P_NULL:g})"
             if diagonal else "IBM Model 1")
    return [
        f"Learned from the United Nations Parallel Corpus v1.0, official DEV set only "
        f"(UNv1.0.devset.{lang} / .en, 4,000 sentences).",
        "Source: the United Nations. Ziemski, M., Junczys-Dowmunt, M., and Pouliquen, B. (2016) "
        "The United Nations Parallel Corpus, LREC'16.",
        "Terms: UN Corpus DISCLAIMER (free use; acknowledge the UN as source; no warranty).",
        f"Model: {model}, {iterations} EM iterations, p(e|f) >= {MIN_PROB}, foreign count >= "
        f"{MIN_COUNT}, at most {MAX_GLOSSES} glosses, weight = p / max p; English function "
        "words are trained on but never output.",
        "Words are normalised for counting: lower case; Arabic without diacritics, "
        "alef variants -> ا, ى -> ي, ة -> ه.",
        "Regenerate: /usr/bin/python3 tools/lexicon/learn_ibm1.py",
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("un_dir", nargs="?",
                        default=os.path.join(REPO, "..", "shared", "data", "xling", "un"))
    parser.add_argument("--out-dir", default=os.path.join(REPO, "data", "lexicon"))
    parser.add_argument("--iterations", type=int, default=5)
    parser.add_argument("--no-diagonal", dest="diagonal", action="store_false")
    args = parser.parse_args()
    for lang in ("ar", "ru"):
        pairs, fvocab, evocab = load_corpus(args.un_dir, lang)
        t = train(pairs, args.iterations, args.diagonal)
        path = os.path.join(args.out_dir, f"un-ibm1.{lang}-en.tsv")
        count = write_tsv(path, header(lang, args.iterations, args.diagonal), lang,
                          translations(t, pairs, fvocab, evocab, lang), weight_format=".3g")
        print(f"learn_ibm1: {path}: {count} entries ({len(pairs)} sentence pairs)")


if __name__ == "__main__":
    main()
