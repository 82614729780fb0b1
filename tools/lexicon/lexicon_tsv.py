"""The one writer of lexicon TSV files (word, lang, gloss, weight), shared by the scripts here."""


def write_tsv(path, header, lang, pairs, weight_format="g"):
    """Writes {(word, gloss): weight} sorted by word, best weight first, then gloss, so that reruns
    give identical bytes; header lines become '# ' comments. Returns the number of entries."""
    rows = sorted(pairs.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1]))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in header:
            f.write("# " + line + "\n")
        f.write("# word\tlang\tgloss\tweight\n")
        for (word, gloss), weight in rows:
            f.write(f"{word}\t{lang}\t{gloss}\t{weight:{weight_format}}\n")
    return len(rows)
