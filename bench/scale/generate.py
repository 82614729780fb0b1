#!/usr/bin/env -S /usr/bin/python3
"""Scale corpora: N documents (1k .. 1M) derived from real news, with gold labels.

Every document comes from a real article of ../shared/data (English: FNC-1, ECB+, NewsWCL50,
SemEval-2022 task 8 en-en; Arabic: SemEval ar-ar, ANS headlines as replacement headlines and
vocabulary; Russian: SemEval ru-ru). One article per gold story of its source is kept, so two
base articles never describe the same real event.

A *story* (gold event) is a variant of one base article on one date:
  variant 0 is the article itself; variant v >= 1 substitutes 35% of its words with words of the
  same language and moves one paragraph (3-shingle Jaccard with the article about 0.15: not a
  near-duplicate). Variants of one article lie at least MIN_VARIANT_SPACING_DAYS apart, far past
  parallax's 7-day event window: the same actors in a later story are another event.
Inside a story:
  the story text                 gold event E, near-duplicate group G
  0-3 near-duplicate copies      edit rate 0.02 / 0.05 / 0.10 / 0.20 (bench/edits.py kinds:
                                 insert, delete, substitute, reorder, headline): event E, group G
  0-3 same-event rewrites        edit rate 0.40, a moved paragraph or a new headline: event E,
                                 a group of their own (not near-duplicates)
Copies are dated 0-2 days after the story. Output (bench/out/scale/ unless --out):
  corpus-<N>.jsonl   id, text, lang, date, source (no gold fields: the tools never see them)
  gold-<N>.tsv       id, event, dup_group, lang, edit_kind, edit_rate
Generation is deterministic (seed), streamed in story order, and parallel (--jobs).
"""
import argparse
import datetime
import hashlib
import json
import multiprocessing
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import edits  # noqa: E402  (bench/edits.py: the edit operations, shared with the accuracy bench)
import paths  # noqa: E402
import sources  # noqa: E402

SEED = 20261123
LANGUAGE_SHARE = (("en", 0.70), ("ar", 0.15), ("ru", 0.15))
VARIANT_SUBSTITUTION_RATE = 0.35
NEAR_DUPLICATE_RATES = (0.02, 0.05, 0.10, 0.20)
REWRITE_RATE = 0.40
COPIES_WEIGHTS = (0.30, 0.30, 0.25, 0.15)  # P(0, 1, 2, 3 copies) for near-duplicates and rewrites
MIN_VARIANT_SPACING_DAYS = 20
MIN_SPAN_DAYS = 3650
FIRST_DAY = datetime.date(2012, 1, 1)
MIN_WORDS = 40
OUTLETS = 40


def _first_per_label(docs, label):
    seen, out = set(), []
    for d in docs:
        key = label(d)
        if key in seen:
            continue
        seen.add(key)
        out.append(d)
    return out


def _semeval_first_of_pair(lang):
    """SemEval texts come in pairs about related stories: keep the first text of each pair."""
    seen, out = set(), []
    for split in ("train", "test"):
        for row in sources._semeval_rows(split):  # noqa: SLF001 (the bench's reader of the CSV)
            article_id, text = row["pair_id"].split("_")[0], row["text1"].strip()
            if row["lang1"] != lang or row["lang2"] != lang or article_id in seen or not text:
                continue
            seen.add(article_id)
            first_line = text.split("\n", 1)[0]
            out.append(sources.SourceDocument(
                id=f"semeval-{lang}-{article_id}", text=text, lang=lang, source="semeval2022",
                headline=first_line if len(first_line) < 200 else ""))
    return out


def _newswcl50():
    out = []
    with open(paths.data_dir() / "newswcl50" / "newswcl50_docs.jsonl", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            out.append(sources.SourceDocument(id=f"wcl-{rec['doc']}", text=rec["text"], lang="en",
                                              source="newswcl50", gold=f"wcl-{rec['event']}"))
    return out


def _ans_headlines():
    import csv
    out = []
    for split in ("train", "dev", "test"):
        with open(paths.data_dir() / "ans" / "claim" / f"{split}.csv", encoding="utf-8", newline="") as f:
            out += [r["claim_s"].strip() for r in csv.DictReader(f) if r["claim_s"].strip()]
    return out


def _with_headline(doc):
    if doc.headline and doc.headline not in doc.text:
        return sources.SourceDocument(doc.id, doc.headline + "\n" + doc.text, doc.lang, doc.source,
                                      doc.gold, doc.headline)
    return doc


def base_pools():
    """{lang: [SourceDocument]}: one article per gold story, at least MIN_WORDS words."""
    fnc = sources.fnc1_bodies("train") + sources.fnc1_bodies("test")
    ecb = sources.ecbplus_docs({"train", "dev", "test"})
    english = (_first_per_label(fnc, lambda d: d.gold) + _first_per_label(ecb, lambda d: d.gold)
               + _first_per_label(_newswcl50(), lambda d: d.gold) + _semeval_first_of_pair("en"))
    pools = {"en": english, "ar": _semeval_first_of_pair("ar"), "ru": _semeval_first_of_pair("ru")}
    return {lang: [_with_headline(d) for d in docs if len(d.text.split()) >= MIN_WORDS]
            for lang, docs in pools.items()}


class Material:
    """What every worker needs: the pools, a vocabulary and replacement headlines per language."""

    def __init__(self):
        self.pools = base_pools()
        self.vocabulary = {lang: [w for d in docs for w in d.text.split()] for lang, docs in self.pools.items()}
        self.headlines = {lang: [d.headline for d in docs if d.headline] for lang, docs in self.pools.items()}
        ans = _ans_headlines()
        self.headlines["ar"] += ans
        self.vocabulary["ar"] += [w for h in ans for w in h.split()]


_MATERIAL = None


def _material():
    global _MATERIAL
    if _MATERIAL is None:
        _MATERIAL = Material()
    return _MATERIAL


def _rng(*parts):
    return random.Random("|".join(str(p) for p in (SEED,) + parts))


def plan_stories(total_docs, pool_sizes):
    """[(story, lang, base, variant, near_dups, rewrites)] until total_docs documents, then each
    story's day. Cheap and sequential, so the plan does not depend on --jobs."""
    langs = [l for l, _ in LANGUAGE_SHARE]
    weights = [w for _, w in LANGUAGE_SHARE]
    used = {l: 0 for l in langs}
    plan, docs, story = [], 0, 0
    while docs < total_docs:
        rng = _rng("plan", story)
        lang = rng.choices(langs, weights)[0]
        k = used[lang]
        used[lang] += 1
        near = rng.choices(range(4), COPIES_WEIGHTS)[0]
        rewrites = rng.choices(range(4), COPIES_WEIGHTS)[0]
        size = min(1 + near + rewrites, total_docs - docs)
        near = min(near, size - 1)
        rewrites = size - 1 - near
        plan.append([story, lang, k % pool_sizes[lang], k // pool_sizes[lang], near, rewrites])
        docs += size
        story += 1
    variants = {l: max(1, -(-used[l] // pool_sizes[l])) for l in langs}
    span = max(MIN_SPAN_DAYS, MIN_VARIANT_SPACING_DAYS * max(variants.values()))
    for p in plan:
        _, lang, base, variant = p[:4]
        # Variants of one article are spread evenly over the span with an offset of their own.
        offset = int(hashlib.sha1(f"{lang}{base}".encode()).hexdigest()[:8], 16) / 2 ** 32
        p.append(int((variant + offset) * span / variants[lang]))
    return plan, span


def _variant_text(doc, variant, material):
    if variant == 0:
        return doc.text
    rng = _rng("variant", doc.id, variant)
    segments, joiner = edits._segments(doc.text)  # noqa: SLF001 (shared helper of the bench)
    words = sum(len(s.split()) for s in segments)
    segments = edits._edit_words(segments, round(VARIANT_SUBSTITUTION_RATE * words), ("substitute",),  # noqa: SLF001
                                 material.vocabulary[doc.lang], rng)
    return joiner.join(edits._move_one_segment(segments, rng))  # noqa: SLF001


def _headline_of(text):
    first = text.split("\n", 1)[0]
    return first if len(first) < 200 else ""


def render_story(entry):
    """JSONL lines and gold TSV lines of one story."""
    story, lang, base, variant, near, rewrites, day = entry
    material = _material()
    doc = material.pools[lang][base]
    text = _variant_text(doc, variant, material)
    headline = _headline_of(text)
    rng = _rng("story", story)
    event, group = f"e{story}", f"g{story}"
    members = [(f"s{story}", text, day, group, "original", 0.0)]
    for i in range(near):
        rate = NEAR_DUPLICATE_RATES[rng.randrange(len(NEAR_DUPLICATE_RATES))]
        kind = edits.KINDS[rng.randrange(len(edits.KINDS))]
        members.append((f"s{story}n{i}", _copy(text, headline, rate, kind, lang, rng, material),
                        day + rng.randrange(3), group, kind, rate))
    for i in range(rewrites):
        kind = ("reorder", "headline")[rng.randrange(2)]
        doc_id = f"s{story}r{i}"
        members.append((doc_id, _copy(text, headline, REWRITE_RATE, kind, lang, rng, material),
                        day + rng.randrange(3), f"g{story}r{i}", kind, REWRITE_RATE))
    lines, gold = [], []
    for doc_id, body, d, dup_group, kind, rate in members:
        date = (FIRST_DAY + datetime.timedelta(days=d)).isoformat()
        source = f"outlet-{rng.randrange(OUTLETS):02d}"
        lines.append(json.dumps({"id": doc_id, "text": body, "lang": lang, "date": date, "source": source},
                                ensure_ascii=False))
        gold.append(f"{doc_id}\t{event}\t{dup_group}\t{lang}\t{kind}\t{rate:.2f}")
    return lines, gold


def _copy(text, headline, rate, kind, lang, rng, material):
    replacement = rng.choice(material.headlines[lang]) if material.headlines[lang] else "Breaking news"
    return edits.make_copy(text, headline, rate, kind, material.vocabulary[lang], replacement, rng)


def size_label(n):
    if n % 1_000_000 == 0:
        return f"{n // 1_000_000}m"
    if n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


def corpus_paths(n, out_dir=None):
    folder = Path(out_dir) if out_dir else paths.out_dir() / "scale"
    folder.mkdir(parents=True, exist_ok=True)
    label = size_label(n)
    return folder / f"corpus-{label}.jsonl", folder / f"gold-{label}.tsv", folder / f"manifest-{label}.json"


def generate(n, out_dir=None, jobs=None):
    """Writes corpus, gold and manifest for N documents (streamed); returns the manifest."""
    corpus_path, gold_path, manifest_path = corpus_paths(n, out_dir)
    material = _material()
    pool_sizes = {lang: len(docs) for lang, docs in material.pools.items()}
    plan, span = plan_stories(n, pool_sizes)
    jobs = jobs or os.cpu_count() or 1
    text_bytes = docs = 0
    tmp_corpus, tmp_gold = corpus_path.with_suffix(".tmp"), gold_path.with_suffix(".tmp")
    with open(tmp_corpus, "w", encoding="utf-8") as corpus, open(tmp_gold, "w", encoding="utf-8") as gold, \
            multiprocessing.Pool(jobs) as pool:
        gold.write("id\tevent\tdup_group\tlang\tedit_kind\tedit_rate\n")
        for lines, gold_lines in pool.imap(render_story, plan, chunksize=64):
            for line in lines:
                corpus.write(line + "\n")
                text_bytes += len(line.encode("utf-8"))
            gold.write("\n".join(gold_lines) + "\n")
            docs += len(lines)
    os.replace(tmp_corpus, corpus_path)
    os.replace(tmp_gold, gold_path)
    manifest = {"documents": docs, "stories": len(plan), "span_days": span, "seed": SEED,
                "jsonl_bytes": text_bytes, "pool_sizes": pool_sizes,
                "language_share": dict(LANGUAGE_SHARE), "near_duplicate_rates": NEAR_DUPLICATE_RATES,
                "rewrite_rate": REWRITE_RATE, "variant_substitution_rate": VARIANT_SUBSTITUTION_RATE}
    manifest_path.write_text(json.dumps(manifest, indent=2))
    return manifest


def ensure(n, out_dir=None, jobs=None):
    """The corpus for N, generated only when it is missing or was made with other settings."""
    corpus_path, gold_path, manifest_path = corpus_paths(n, out_dir)
    if corpus_path.exists() and gold_path.exists() and manifest_path.exists():
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("seed") == SEED and manifest.get("documents") == n:
            return manifest
    return generate(n, out_dir, jobs)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000, 100000, 1000000])
    parser.add_argument("--out", help="output folder (default bench/out/scale)")
    parser.add_argument("--jobs", type=int, help="worker processes (default: all cores)")
    parser.add_argument("--force", action="store_true", help="regenerate even when present")
    args = parser.parse_args()
    for n in args.sizes:
        manifest = generate(n, args.out, args.jobs) if args.force else ensure(n, args.out, args.jobs)
        print(f"{n:>9} documents  {manifest['jsonl_bytes'] / 1e6:9.1f} MB  {corpus_paths(n, args.out)[0]}")


if __name__ == "__main__":
    main()
