#!/usr/bin/env -S /usr/bin/python3
"""Build the benchmark corpora (JSONL with gold labels) under bench/out/corpora/.

Event clustering (field `gold` = event label):
  fnc1-train, fnc1-test      FNC-1 bodies, same-story clusters (connected components of bodies
                             that share a related headline): 191 and 110 clusters
  ecbplus-traindev, -test    ECB+ documents, gold = subtopic (two real events per topic)
Near-duplicate detection (field `gold` = near-duplicate group, `origin`, `edit_rate`, `edit_kind`):
  neardup-tune, neardup-test originals from FNC-1, ECB+, SemEval-2022 task 8 (ar-ar and ru-ru
                             texts) and the seeds, each with one copy per edit rate (edits.py)
Generation is deterministic (fixed seed). Run as a script to (re)build everything.
"""
import argparse
import dataclasses
import json
import random
from collections import defaultdict

import edits
import paths
import sources

SEED = 20260101
MIN_WORDS = 40              # shorter originals make edit rates too coarse
SHINGLE = 5                 # word shingle size for screening originals against each other
ORIGINAL_MAX_JACCARD = 0.3  # originals this similar to an earlier one are dropped


def write_jsonl(name, records):
    path = paths.corpora_dir() / f"{name}.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _event_record(doc):
    rec = {"id": doc.id, "text": doc.text, "lang": doc.lang, "source": doc.source, "gold": doc.gold}
    rec.update(doc.extra)
    return rec


def event_corpora():
    return {
        "fnc1-train": sources.fnc1_bodies("train"),
        "fnc1-test": sources.fnc1_bodies("test"),
        "ecbplus-traindev": sources.ecbplus_docs({"train", "dev"}),
        "ecbplus-test": sources.ecbplus_docs({"test"}),
    }


def _deterministic_sample(docs, count):
    """`count` documents chosen by a seeded shuffle, kept in their original order."""
    if count is None or count >= len(docs):
        return list(docs)
    chosen = set(random.Random(f"{SEED}|sample|{docs[0].source}").sample(range(len(docs)), count))
    return [d for i, d in enumerate(docs) if i in chosen]


def near_duplicate_originals(side):
    """Real documents that the copies are made from; `tune` and `test` share no document."""
    if side == "tune":
        picked = (_deterministic_sample(sources.fnc1_bodies("train"), 500)
                  + _deterministic_sample(sources.ecbplus_docs({"train"}), 200)
                  + sources.semeval_texts("train", "ar") + sources.semeval_texts("train", "ru"))
    else:
        picked = (sources.fnc1_bodies("test") + sources.ecbplus_docs({"test"})
                  + sources.semeval_texts("test", "ar") + sources.semeval_texts("test", "ru")
                  + sources.seed_texts())
    picked = [_with_headline(d) for d in picked if len(d.text.split()) >= MIN_WORDS]
    return _drop_similar_originals(picked)


def _with_headline(doc):
    """Originals start with their headline, so a `headline` copy really changes a line of text."""
    if doc.headline and doc.headline not in doc.text:
        doc = dataclasses.replace(doc, text=doc.headline + "\n" + doc.text)
    return doc


def _shingles(text):
    words = text.lower().split()
    return {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


def _drop_similar_originals(docs):
    """Keep a document only if its word-shingle Jaccard with every kept one is below the bar,
    so the only near-duplicates in a corpus are the ones we generate."""
    kept, kept_shingles, index = [], [], defaultdict(list)
    for doc in docs:
        sh = _shingles(doc.text)
        overlap = defaultdict(int)
        for s in sh:
            for k in index.get(s, ()):
                overlap[k] += 1
        if any(n / (len(sh) + len(kept_shingles[k]) - n) >= ORIGINAL_MAX_JACCARD
               for k, n in overlap.items()):
            continue
        for s in sh:
            index[s].append(len(kept))
        kept.append(doc)
        kept_shingles.append(sh)
    return kept


def near_duplicate_records(originals):
    by_lang = defaultdict(list)
    for doc in originals:
        by_lang[doc.lang].append(doc)
    vocabulary = {lang: [w for d in docs for w in d.text.split()] for lang, docs in by_lang.items()}
    records = []
    for i, doc in enumerate(originals):
        group = f"nd-{doc.id}"
        records.append({"id": doc.id, "text": doc.text, "lang": doc.lang, "source": doc.source,
                        "gold": group, "origin": doc.id, "edit_rate": 0.0,
                        "edit_kind": "original"})
        for j, rate in enumerate(edits.RATES):
            kind = edits.KINDS[(i + j) % len(edits.KINDS)]
            rng = edits.copy_rng(SEED, doc.id, rate, kind)
            peers = [d for d in by_lang[doc.lang] if d.id != doc.id and d.headline]
            replacement = rng.choice(peers).headline if peers else "Breaking news"
            text = edits.make_copy(doc.text, doc.headline, rate, kind, vocabulary[doc.lang],
                                   replacement, rng)
            copy_id = f"{doc.id}~r{round(rate * 100):02d}-{kind}"
            records.append({"id": copy_id, "text": text, "lang": doc.lang, "source": doc.source,
                            "gold": group if edits.is_near_duplicate_rate(rate) else f"nd-{copy_id}",
                            "origin": doc.id, "edit_rate": rate, "edit_kind": kind})
    return records


def _summary(records):
    return {
        "documents": len(records),
        "gold_groups": len({r["gold"] for r in records}),
        "text_bytes": sum(len(r["text"].encode("utf-8")) for r in records),
        "languages": _count(r["lang"] for r in records),
    }


def _count(values):
    counts = defaultdict(int)
    for v in values:
        counts[v] += 1
    return dict(sorted(counts.items()))


def build_all():
    """Write every corpus and a manifest; return {name: path}."""
    built, manifest = {}, {"seed": SEED, "edit_rates": list(edits.RATES),
                           "edit_kinds": list(edits.KINDS),
                           "near_duplicate_max_rate": edits.NEAR_DUPLICATE_MAX_RATE,
                           "corpora": {}}
    for name, docs in event_corpora().items():
        records = [_event_record(d) for d in docs]
        built[name] = write_jsonl(name, records)
        manifest["corpora"][name] = _summary(records)
    for side in ("tune", "test"):
        name = f"neardup-{side}"
        records = near_duplicate_records(near_duplicate_originals(side))
        built[name] = write_jsonl(name, records)
        manifest["corpora"][name] = _summary(records)
    with open(paths.corpora_dir() / "manifest.json", "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
    return built


def main():
    argparse.ArgumentParser(description=__doc__,
                            formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    for name, path in build_all().items():
        print(f"{name:18s} {path}")
    print((paths.corpora_dir() / "manifest.json").read_text())


if __name__ == "__main__":
    main()
