#!/usr/bin/python3
"""Convert the OpenRussian.org dictionary export into data/lexicon/openrussian.ru-en.tsv.

    convert_openrussian.py [INDIR] [--out data/lexicon/openrussian.ru-en.tsv]

INDIR (default ../shared/data/xling/openrussian, relative to the repository root) holds the
Badestrand/russian-dictionary files: {nouns,verbs,adjectives,others}.csv-russian_to_en.json
(one English gloss per lemma) and others.csv (tab-separated; several glosses per function word).
Data licence: CC BY-SA 4.0, so the output file is CC BY-SA 4.0 too (share-alike).
"""
import argparse
import csv
import json
import os
import re

from lexicon_tsv import write_tsv

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Where a lemma is in several part-of-speech files, the earlier file here gives its main gloss:
# the noun file holds homograph slips at the top (тут "mulberry fruit", уж "grass snake",
# стать "figure") and substantivised adjectives at its end (голубой "gay", простой "stand-by").
FILES = ["others", "verbs", "adjectives", "nouns"]

RUSSIAN_WORD = re.compile("^[а-яё]+(?:-[а-яё]+)*$")
ENGLISH_GLOSS = re.compile("^[A-Za-z](?:[A-Za-z' -]*[A-Za-z])?$")
# Placeholders for a verb's objects: "to transport someone/something" means "transport".
FILLERS = re.compile(r"\b(?:someone|somebody|something|sb|sth|smb|smth|one's|oneself)\b")


def clean_gloss(text):
    """An English word or short phrase from one OpenRussian gloss, or ''.

    Drops (notes) and the infinitive "to"; glosses in other scripts ("Adjective of лето"),
    with digits or quotes are dropped whole.
    """
    text = re.sub(r"\([^()]*\)?|\)", " ", text)
    text = FILLERS.sub(" ", text)
    text = " ".join(text.split()).strip(" -'")
    text = re.sub(r"^to ", "", text)
    if not ENGLISH_GLOSS.match(text) or len(text.split()) > 4:
        return ""
    return text


def split_glosses(text, limit=2):
    """The first `limit` distinct clean glosses of a gloss list separated by ',' ';' or '/'.

    Parenthesised notes are removed first, as they may hold separators ("on (day/week)").
    """
    text = re.sub(r"\([^()]*\)", " ", text)
    glosses = []
    for piece in re.split("[,;/]", text):
        gloss = clean_gloss(piece)
        if gloss and gloss not in glosses:
            glosses.append(gloss)
        if len(glosses) == limit:
            break
    return glosses


def read_sources(indir):
    """(file name, {lemma: gloss text}) in FILES order; others.csv gives the fuller gloss lists
    of the function words, the JSON files one gloss per lemma."""
    sources = []
    for name in FILES:
        with open(os.path.join(indir, name + ".csv-russian_to_en.json"), encoding="utf-8") as f:
            glosses = json.load(f)
        if name == "others":
            with open(os.path.join(indir, "others.csv"), encoding="utf-8", newline="") as f:
                rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
                next(rows)  # bare, accented, translations_en, translations_de
                for row in rows:
                    if len(row) >= 3 and row[2].strip():
                        glosses[row[0]] = row[2]
        sources.append((name, glosses))
    return sources


def convert(indir):
    """{(word, gloss): weight}: 1 for a lemma's first gloss, 0.5 for its second and for the
    first gloss another part-of-speech file gives the same lemma."""
    pairs = {}
    seen = set()
    for _name, glosses in read_sources(indir):
        for lemma, text in glosses.items():
            word = lemma.strip().lower()
            if not RUSSIAN_WORD.match(word):
                continue  # phrases ("до свидания"), Latin-script keys
            candidates = split_glosses(text, limit=1 if word in seen else 2)
            for rank, gloss in enumerate(candidates):
                weight = 1.0 if rank == 0 and word not in seen else 0.5
                pairs[(word, gloss)] = max(pairs.get((word, gloss), 0.0), weight)
            if candidates:
                seen.add(word)
    return pairs


HEADER = [
    "OpenRussian.org dictionary (Russian -> English), https://en.openrussian.org,",
    "export from github.com/Badestrand/russian-dictionary commit 64259e4b50c565214c37eef9fd57fb5d4fb132cb",
    "(nouns/verbs/adjectives/others.csv-russian_to_en.json and others.csv).",
    "Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); this file is an",
    "adaptation and is shared under the same licence. Changes: glosses split and cleaned,",
    "notes in parentheses dropped, at most two glosses per lemma, weights added.",
    "Regenerate: /usr/bin/python3 tools/lexicon/convert_openrussian.py",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("indir", nargs="?",
                        default=os.path.join(REPO, "..", "shared", "data", "xling", "openrussian"))
    parser.add_argument("--out", default=os.path.join(REPO, "data", "lexicon",
                                                      "openrussian.ru-en.tsv"))
    args = parser.parse_args()
    count = write_tsv(args.out, HEADER, "ru", convert(args.indir))
    print(f"convert_openrussian: {args.out}: {count} entries")


if __name__ == "__main__":
    main()
