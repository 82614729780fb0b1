#!/usr/bin/python3
"""Person names (Wikidata) and place names (GeoNames, CLDR) in Arabic and Russian -> English.

    names_from_wikidata.py [NAMESDIR] [--out-dir data/lexicon] [--population 100000]
                           [--budget-mb 6] [--min-count N]

NAMESDIR (default ../shared/data/xling/names, relative to the repository root) holds
  wd_translit/wd_{arabic,russian}_80  Wikidata name-token transliterations (CC0), lines
                                      "english<TAB>n a t i v e<TAB>count". Only the 80% split:
                                      the *_20 files are held out to measure the name key.
  geonames_cities_en_ar_ru.tsv        GeoNames cities (CC BY 4.0) with en/ar/ru names.
  icu72_cldr_names_en_ar_ru.tsv       CLDR 42 territory and time-zone city names (Unicode
                                      licence), as compiled into Debian's libicu72.
Writes names.{ar,ru}-en.tsv and places.{ar,ru}-en.tsv.

Size: data/lexicon is committed, so when all its files together would pass --budget-mb, names
seen only once are dropped first, then twice, and so on (--min-count fixes the cut instead).
Run this script last, after the other generators, since the cut looks at their sizes.
"""
import argparse
import csv
import os
import re
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")  # tashkeel, dagger alef, tatweel
NATIVE_WORD = {"ar": re.compile("^[\u0621-\u063a\u0641-\u064a]+$"),  # no Persian letters
               "ru": re.compile("^[а-яё]+$")}
MIN_LETTERS = 3       # shorter native forms collide with ordinary words and particles
MIN_SHARE = 0.05      # a spelling shared by names: keep those with >= 5% of the best count
WD_FILES = {"ar": "wd_arabic_80", "ru": "wd_russian_80"}


def native_word(text, lang):
    """The native form as one word: Arabic without diacritics, Russian lower-cased; or ''."""
    word = "".join(text.split())
    word = ARABIC_MARKS.sub("", word) if lang == "ar" else word.lower()
    return word if NATIVE_WORD[lang].match(word) else ""


def latin_word(text):
    """True for one word of Latin letters (diacritics allowed: Muñoz); digits, dots and
    apostrophes ("jr.", "6th", "d'anna") are noise or not one token."""
    return bool(re.match(r"^[^\W\d_]+$", text)) and all(
        "LATIN" in unicodedata.name(c, "") for c in text)


def capitalized(name):
    """wd_translit English tokens are lower case: "putin" -> "Putin"."""
    return name[:1].upper() + name[1:]


# --- person names (Wikidata) ----------------------------------------------------------------


def read_wikidata(path, lang):
    """{native word: {English name: count}} from a wd_translit file."""
    names = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 3 or not fields[2].isdigit():
                continue
            english, word = fields[0], native_word(fields[1], lang)
            if len(word) < MIN_LETTERS or not latin_word(english):
                continue
            glosses = names.setdefault(word, {})
            name = capitalized(english)
            glosses[name] = glosses.get(name, 0) + int(fields[2])
    return names


def name_pairs(names, min_count):
    """{(native, English): weight}: weight count / best count of that native spelling, e.g.
    جون -> John 1, Jon 0.04; names below min_count or MIN_SHARE of the best are dropped."""
    pairs = {}
    for word, glosses in names.items():
        best = max(glosses.values())
        for name, count in glosses.items():
            if count >= min_count and count >= MIN_SHARE * best:
                pairs[(word, name)] = count / best
    return pairs


# --- places (GeoNames, CLDR) ----------------------------------------------------------------


def single_token(text):
    """One word of letters on the English side (Latin, any diacritics) or native side."""
    return bool(re.match(r"^[^\W\d_]+$", text))


def read_geonames(path, population):
    """[(population, English, {lang: native})] of cities with at least `population` people."""
    cities = []
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows)
        col = {name: i for i, name in enumerate(header)}
        for row in rows:
            if len(row) != len(header) or not row[col["population"]].isdigit():
                continue
            people = int(row[col["population"]])
            if people >= population:
                cities.append((people, row[col["en"]],
                               {"ar": row[col["ar"]], "ru": row[col["ru"]]}))
    return cities


def read_cldr(path):
    """[(English, {lang: native})] of CLDR territory and exemplar city names."""
    places = []
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows)
        col = {name: i for i, name in enumerate(header)}
        for row in rows:
            if len(row) == len(header):
                places.append((row[col["en"]], {"ar": row[col["ar"]], "ru": row[col["ru"]]}))
    return places


def folded(name):
    """Lower case without diacritics: Bogotá and Bogota compare equal."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def place_pairs(cities, cldr, lang):
    """{(native, English): weight}, single tokens on both sides.

    CLDR names and the most populous city of a native spelling get weight 1. Another English
    name for the same spelling gets 0.5 when it is a variant of the first (same first three
    letters: Algeria/Algiers, Bogota/Bogotá); otherwise it is a translation slip in the source
    (موسكو for Mesquite, Texas; калькутта for Kozhikode) and is dropped.
    """
    ranked = [(float("inf"), english, native) for english, native in cldr]
    ranked += sorted(cities, key=lambda c: (-c[0], c[1]))
    pairs, best = {}, {}
    for _people, english, natives in ranked:
        word = native_word(natives[lang], lang) if single_token(natives[lang]) else ""
        if not word or not single_token(english) or not latin_word(english):
            continue
        first = best.setdefault(word, english)
        if first == english:
            pairs[(word, english)] = 1.0
        elif folded(first)[:3] == folded(english)[:3]:
            pairs.setdefault((word, english), 0.5)
    return pairs


# --- output ---------------------------------------------------------------------------------


def tsv_text(header, lang, pairs):
    """The file's text, sorted by word, best weight first, then gloss: reruns are identical."""
    rows = sorted(pairs.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1]))
    lines = ["# " + line for line in header] + ["# word\tlang\tgloss\tweight"]
    lines += [f"{word}\t{lang}\t{gloss}\t{weight:.3g}" for (word, gloss), weight in rows]
    return "\n".join(lines) + "\n", len(rows)


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def other_files_size(out_dir, own):
    """Bytes of the committed files under out_dir that this script does not write."""
    total = 0
    for root, _dirs, files in os.walk(out_dir):
        for name in files:
            if name not in own:
                total += os.path.getsize(os.path.join(root, name))
    return total


NAME_HEADER = [
    "Person-name tokens from Wikidata, as mined by Merhav & Ash, \"Design Challenges in Named "
    "Entity Transliteration\", COLING 2018",
    "(github.com/steveash/NETransliteration-COLING2018 commit 5d5f59e561ecea45a6d3602121e1049b"
    "aa7a76c3, data/{file}; the 80% split only).",
    "Licence: CC0 1.0 (Wikidata; data/LICENSE of that repository).",
    "Native spelling (>= 3 letters) -> English name; weight = count / best count of the "
    "spelling; minimum count {min_count}.",
    "Regenerate: /usr/bin/python3 tools/lexicon/names_from_wikidata.py",
]

PLACE_HEADER = [
    "Place names, single words on both sides:",
    "cities of >= {population} people from GeoNames (geonames.org, CC BY 4.0; via Debian "
    "libgeonames-common 0.3.0-1),",
    "territories and time-zone cities from Unicode CLDR 42 (Unicode licence; via Debian "
    "libicu72 72.1-3+deb12u1).",
    "Regenerate: /usr/bin/python3 tools/lexicon/names_from_wikidata.py",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names_dir", nargs="?",
                        default=os.path.join(REPO, "..", "shared", "data", "xling", "names"))
    parser.add_argument("--out-dir", default=os.path.join(REPO, "data", "lexicon"))
    parser.add_argument("--population", type=int, default=100000)
    parser.add_argument("--budget-mb", type=float, default=6.0)
    parser.add_argument("--min-count", type=int, default=0, help="0: smallest that fits")
    args = parser.parse_args()

    cities = read_geonames(os.path.join(args.names_dir, "geonames_cities_en_ar_ru.tsv"),
                           args.population)
    cldr = read_cldr(os.path.join(args.names_dir, "icu72_cldr_names_en_ar_ru.tsv"))
    names = {lang: read_wikidata(os.path.join(args.names_dir, "wd_translit", file), lang)
             for lang, file in WD_FILES.items()}

    outputs = {}
    for lang in ("ar", "ru"):
        header = [x.format(population=args.population) for x in PLACE_HEADER]
        outputs[f"places.{lang}-en.tsv"] = tsv_text(header, lang,
                                                   place_pairs(cities, cldr, lang))
    budget = args.budget_mb * 1e6 - other_files_size(
        args.out_dir, {f"{kind}.{lang}-en.tsv" for kind in ("names", "places")
                       for lang in ("ar", "ru")})
    budget -= sum(len(text.encode()) for text, _ in outputs.values())
    min_count = {lang: max(args.min_count, 1) for lang in WD_FILES}
    while True:
        texts = {}
        for lang, file in WD_FILES.items():
            header = [x.format(file=file, min_count=min_count[lang]) for x in NAME_HEADER]
            texts[lang] = tsv_text(header, lang, name_pairs(names[lang], min_count[lang]))
        sizes = {lang: len(text.encode()) for lang, (text, _) in texts.items()}
        if args.min_count or sum(sizes.values()) <= budget:
            break
        # Rare names go first, from the bigger list: Russian has 2.5x the Arabic names.
        biggest = max(sizes, key=lambda lang: (sizes[lang], lang))
        min_count[biggest] += 1
    outputs.update({f"names.{lang}-en.tsv": texts[lang] for lang in texts})
    for name, (text, count) in sorted(outputs.items()):
        path = os.path.join(args.out_dir, name)
        write(path, text)
        print(f"names_from_wikidata: {path}: {count} entries")
    for lang in WD_FILES:
        print(f"names_from_wikidata: {lang} names kept from count {min_count[lang]}")


if __name__ == "__main__":
    main()
