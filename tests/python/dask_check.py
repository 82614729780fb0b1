#!/usr/bin/python3
"""parallax.dask on a LocalCluster of 2 workers gives the single-process Engine's answer: identical
near-duplicate groups, and events identical or at B-cubed F1 >= 0.99 against the Engine's.

Corpus: examples/corpus.jsonl, a generated corpus of stories over 90 days with near-duplicate copies
and same-event rewrites (several date windows of the driver, and two undated copies), and
../shared/data/xling-events when present. Run by CTest (python.dask); exits 77 (skipped) when Dask
is not installed (Debian: python3-dask python3-distributed, which ./parallax.sh installs). With the
scale generator's sources in ../shared/data, also 10,000 documents of the scale corpus dated over 90
days (dense_scale_corpus), whose events run longer than the driver's windows."""
import datetime
import json
import os
import pathlib
import random
import sys
import time

try:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
    from distributed import Client, LocalCluster
except ImportError as error:
    print(f"SKIP: parallax.dask needs Dask ({error}); apt-get install python3-dask python3-distributed")
    sys.exit(77)

import parallax
import parallax.dask

SOURCE_DIR = pathlib.Path(os.environ.get("PARALLAX_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(SOURCE_DIR / "bench"))
import metrics  # noqa: E402  (bench/metrics.py: B-cubed)
SHARED_EVENTS = SOURCE_DIR.parent / "shared" / "data" / "xling-events" / "events.jsonl"
OPTIONS = {"threads": 1, "dup_threshold": 0.5}


def read_jsonl(path, fields=("id", "text", "title", "source", "lang", "date", "url")):
    with open(path, encoding="utf-8") as f:
        return [{k: v for k, v in json.loads(line).items() if k in fields} for line in f if line.strip()]


def generated_corpus(stories=60, seed=13):
    """Stories of pseudo-words on days over 90 days; each with near-duplicate copies (3% of words
    replaced) and rewrites (30% replaced: the same event, not a copy)."""
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "qu", "di", "fe", "go", "hu", "ji"]
    vocabulary = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(4000)})
    first_day = datetime.date(2024, 1, 1)
    out = []

    def edited(words, rate):
        return [rng.choice(vocabulary) if rng.random() < rate else w for w in words]

    for s in range(stories):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(80, 140))]
        day = first_day + datetime.timedelta(days=rng.randint(0, 90))
        versions = [("", words)] + [(f"-copy{c}", edited(words, 0.03)) for c in range(rng.randint(0, 3))]
        versions += [(f"-rewrite{r}", edited(words, 0.30)) for r in range(rng.randint(1, 3))]
        for suffix, text in versions:
            date = (day + datetime.timedelta(days=rng.randint(0, 2))).isoformat()
            out.append({"id": f"story{s:03d}{suffix}", "text": " ".join(text), "lang": "en", "date": date,
                        "source": f"outlet{rng.randint(1, 9)}"})
    for s in (3, 17):  # undated copies: compatible with every date
        original = next(d for d in out if d["id"] == f"story{s:03d}")
        out.append({"id": f"story{s:03d}-undated", "text": " ".join(edited(original["text"].split(), 0.03)),
                    "lang": "en"})
    rng.shuffle(out)
    return out


def dense_scale_corpus(documents=10000, days=90):
    """The scale bench's corpus (bench/scale/generate.py: real articles of ../shared/data, their
    variants, near-duplicate copies and rewrites) planned for `documents` documents but dated over
    `days` days: 110 a day, the density of the 1M scale corpus. There the engine's events chain
    variants and neighbouring stories for weeks (its date rule bounds the gap between two clusters,
    not an event's span), so the driver's windows see only part of them: with the former overlap of
    2 x date_window (14 days) and 20-day windows this corpus gave B-cubed 0.971 against one process.
    None when the shared data is absent."""
    sys.path.insert(0, str(SOURCE_DIR / "bench" / "scale"))
    import generate  # noqa: E402  (bench/scale/generate.py)
    import paths  # noqa: E402  (bench/paths.py)
    if not all((paths.data_dir() / name).is_dir() for name in ("fnc-1", "ecbplus", "newswcl50", "ans")):
        return None
    material = generate._material()  # noqa: SLF001 (the generator's pools, read once)
    plan, span = generate.plan_stories(documents, {lang: len(pool) for lang, pool in material.pools.items()})
    out = []
    for entry in plan:
        lines, _ = generate.render_story(entry[:6] + [entry[6] * days // span])
        out += [json.loads(line) for line in lines]
    return out


def b_cubed_f1(found, reference):
    """B-cubed F1 of clusters `found` against `reference` (lists of id lists over the same ids), by
    bench/metrics.py's bcubed, the score of every other benchmark."""
    def labels(groups):
        return {i: k for k, members in enumerate(groups) for i in members}
    return metrics.bcubed(labels(reference), labels(found)).f1


def engine_answer(documents):
    with parallax.Engine(**OPTIONS, translations=False) as engine:
        engine.add_many(documents)
        engine.build()
        ids = engine.ids()
        groups = [[ids[int(m)] for m in g.members] for g in engine.near_duplicate_groups()]
        events = [[ids[int(m)] for m in g.members] for g in engine.event_clusters()]
    return groups, events


def canonical(clusters):
    return sorted(sorted(c) for c in clusters)


def check(name, documents, result, expected_groups, expected_events, failures):
    if canonical(result.near_duplicate_groups) != canonical(expected_groups):
        failures.append(f"{name}: near-duplicate groups differ from the engine's")
    if result.ids != [d["id"] for d in documents]:
        failures.append(f"{name}: document order differs")
    if expected_events is not None:
        identical = canonical(result.events) == canonical(expected_events)
        f1 = b_cubed_f1(result.events, expected_events)
        print(f"{name}: {len(documents)} documents, {len(expected_groups)} groups, {len(expected_events)} events "
              f"(Dask {len(result.events)}), identical={identical}, B-cubed F1 {f1:.4f}, stats {result.stats}")
        if not identical and f1 < 0.99:
            failures.append(f"{name}: events at B-cubed F1 {f1:.4f} < 0.99 against the engine's")


def main():
    documents = read_jsonl(SOURCE_DIR / "examples" / "corpus.jsonl") + generated_corpus()
    if SHARED_EVENTS.is_file():
        documents += read_jsonl(SHARED_EVENTS)
    else:
        print(f"note: {SHARED_EVENTS} is absent; checking the bundled and generated corpora only")
    expected_groups, expected_events = engine_answer(documents)
    if len(expected_groups) < 20:
        print(f"FAIL: the corpus should hold many near-duplicate groups, the engine found {len(expected_groups)}")
        return 1
    dense = dense_scale_corpus()
    if dense is None:
        print("note: ../shared/data lacks the scale generator's sources; skipping the dense scale corpus")
    else:
        dense_groups, dense_events = engine_answer(dense)
    failures = []
    started = time.time()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster):
        bag = db.from_sequence(documents, npartitions=5)
        # 10-day windows: the generated stories span 90 days, so events cross window boundaries.
        result = parallax.dask.run(bag, events=True, window_days=10, **OPTIONS)
        check("bag", documents, result, expected_groups, expected_events, failures)
        if result.stats["windows"] < 5:
            failures.append(f"bag: only {result.stats['windows']} date windows; the overlap was not exercised")
        if dense is not None:
            # 20-day windows with the default overlap over 90 days of events that run for weeks.
            result = parallax.dask.run(db.from_sequence(dense, npartitions=4), events=True, window_days=20, **OPTIONS)
            check("dense scale corpus", dense, result, dense_groups, dense_events, failures)
            if result.stats["windows"] < 4:
                failures.append(f"dense scale corpus: only {result.stats['windows']} date windows")
        frame = dd.from_pandas(pd.DataFrame(documents), npartitions=3, sort=False)
        result = parallax.dask.run(frame, events=False, **OPTIONS)
        check("dataframe", documents, result, expected_groups, None, failures)
    print(f"Dask runs took {time.time() - started:.1f} s")
    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
