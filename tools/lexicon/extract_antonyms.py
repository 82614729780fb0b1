#!/usr/bin/python3
"""Extract English antonym pairs from Debian's WordNet (`wordnet-base`) for compare's judge.

Run at build time (by CMake):

    extract_antonyms.py OUTFILE [--wordnet-dir /usr/share/wordnet]

Writes OUTFILE (antonyms.tsv): lines `pair<TAB>lemma<TAB>lemma` for WordNet's direct antonyms
of verbs and adjectives (the `!` pointers; multi-word lemmas left out), then
`form<TAB>inflected<TAB>lemma` for the irregular forms WordNet's exception lists give for those
lemmas ("rose" -> "rise", "won" -> "win"): the engine stems regular forms itself. A few predicate
pairs that reports of statements turn on and WordNet does not link (confirm / deny, support /
oppose) are added from EXTRA_PAIRS. A missing WordNet gives a warning and a file with the extra
pairs only, so the build never fails on it. Standard library only. WordNet 3.0 licence: free to
use, copy and distribute with its copyright notice (docs/claims.md).
"""
import argparse
import os
import re
import sys

PARTS = {"verb": "v", "adj": "a", "noun": "n", "adv": "r"}
# Opposite predicates are what a claim asserts (rose / fell, accepted / rejected, possible /
# impossible). Noun antonyms name things, not assertions: "war" / "peace", "question" / "answer",
# "beginning" / "middle" (of "Middle East") opposed accounts that said nothing opposite.
PREDICATE_PARTS = ("v", "a")
# Ordinal adjectives give a position in a series, not an assertion: "the first call since 2022"
# and "the last call was in 2022" say the same thing.
ORDINALS = {"first", "second", "last", "former", "latter"}
# Opposite predicates of reported statements that WordNet has no antonym pointer for.
EXTRA_PAIRS = [("confirm", "deny"), ("support", "oppose"), ("condemn", "welcome"), ("condemn", "praise"),
               ("rise", "drop"), ("increase", "cut"), ("agree", "refuse"), ("accept", "refuse")]


def read_synsets(wordnet, part):
    """{offset: (lemmas, antonym pointers [(source word number, target pos, target offset, target word number)])}"""
    synsets = {}
    with open(os.path.join(wordnet, "data." + part), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue  # the licence header
            fields = line.split()
            count = int(fields[3], 16)
            lemmas = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]).lower() for i in range(count)]
            at = 4 + 2 * count
            pointers = []
            for k in range(int(fields[at])):
                symbol, offset, pos, numbers = fields[at + 1 + 4 * k: at + 5 + 4 * k]
                if symbol == "!":
                    pointers.append((int(numbers[:2], 16), "a" if pos == "s" else pos, offset, int(numbers[2:], 16)))
            synsets[fields[0]] = (lemmas, pointers)
    return synsets


def antonym_pairs(wordnet):
    by_pos = {pos: read_synsets(wordnet, part) for part, pos in PARTS.items()}
    pairs = set()
    for pos_of_synsets in PREDICATE_PARTS:
        for lemmas, pointers in by_pos[pos_of_synsets].values():
            for source, pos, offset, target in pointers:
                a, b = lemmas[source - 1], by_pos[pos][offset][0][target - 1]
                if "_" not in a and "_" not in b and a != b and not {a, b} & ORDINALS:
                    pairs.add(tuple(sorted((a, b))))
    return pairs


def irregular_forms(wordnet, lemmas):
    forms = set()
    for part, pos in PARTS.items():
        if pos not in PREDICATE_PARTS:
            continue
        path = os.path.join(wordnet, part + ".exc")
        if not os.path.exists(path):
            continue
        with open(path, encoding="latin-1") as f:
            for line in f:
                fields = line.split()
                if len(fields) >= 2 and "_" not in fields[0]:
                    forms.update((fields[0], lemma) for lemma in fields[1:] if lemma in lemmas and lemma != fields[0])
    return forms


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outfile")
    parser.add_argument("--wordnet-dir", default="/usr/share/wordnet")
    args = parser.parse_args()
    pairs = set(tuple(sorted(p)) for p in EXTRA_PAIRS)
    forms = set()
    if os.path.exists(os.path.join(args.wordnet_dir, "data.verb")):
        pairs |= antonym_pairs(args.wordnet_dir)
        forms = irregular_forms(args.wordnet_dir, {w for p in pairs for w in p})
    else:
        print(f"extract_antonyms: no WordNet in {args.wordnet_dir} (install wordnet-base); "
              "only the extra pairs are written", file=sys.stderr)
    os.makedirs(os.path.dirname(os.path.abspath(args.outfile)), exist_ok=True)
    with open(args.outfile, "w", encoding="utf-8") as out:
        out.write("# antonyms for parallax compare: WordNet 3.0 (Princeton University) direct antonyms, "
                  "extracted by tools/lexicon/extract_antonyms.py\n")
        for a, b in sorted(pairs):
            out.write(f"pair\t{a}\t{b}\n")
        for form, lemma in sorted(forms):
            out.write(f"form\t{form}\t{lemma}\n")


if __name__ == "__main__":
    main()
