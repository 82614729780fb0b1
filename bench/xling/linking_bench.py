"""The event-clustering alternative issue 9 names, measured beside the engine's own rule on xling-events.

The engine clusters with language-aware pooled average linkage (every pair of members held to its own
threshold: one for pairs in one language, a lower one across languages). The alternative (Miranda et al.
2018, Event Registry): monolingual clusters first, then clusters of different languages linked by centroid
cosine inside the date window, greedily, strongest first, an event holding at most one cluster per
language. Both run on the engine's own features through the Python package (the monolingual clusters are
the engine's with cross-language merges switched off), over several projection seeds. Prints a Markdown
table; never fails on scores.

Usage: linking_bench.py DATA_DIR   (PARALLAX_LIBRARY names libparallax.so)
"""
import collections
import itertools
import json
import statistics
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "python"))
sys.path.insert(0, str(HERE.parent))
import parallax  # noqa: E402
import metrics  # noqa: E402  (bench/metrics.py)
import tables  # noqa: E402

SEEDS = (1, 2, 3, 7, 42)
LINK_THRESHOLDS = (0.04, 0.08, 0.10, 0.15, 0.20)
DATE_WINDOW_DAYS = 7  # the engine's default window


def engine_run(corpus, seed, **options):
    with parallax.Engine(threads=2, seed=seed, **options) as engine:
        engine.read_corpus(str(corpus))
        engine.build()
        ids = engine.ids()
        return ids, engine.vectors(), engine.documents(), [[ids[m] for m in c.members] for c in engine.event_clusters()]


def describe_clusters(ids, vectors, documents, clusters):
    row_of = {i: k for k, i in enumerate(ids)}
    meta = {d["id"]: d for d in documents}
    described = []
    for members in clusters:
        centroid = vectors[[row_of[i] for i in members]].mean(axis=0)
        dates = sorted(np.datetime64(meta[i]["date"][:10]) for i in members if meta[i].get("date"))
        language = collections.Counter(meta[i]["lang"] for i in members).most_common(1)[0][0]
        described.append({"members": members, "language": language, "dates": dates,
                          "centroid": centroid / (np.linalg.norm(centroid) or 1.0)})
    return described


def too_far_apart(a, b):
    if not a["dates"] or not b["dates"]:
        return False
    gap = max(a["dates"][0], b["dates"][0]) - min(a["dates"][-1], b["dates"][-1])
    return gap > np.timedelta64(DATE_WINDOW_DAYS, "D")


def link_across_languages(clusters, threshold):
    """Event label of every document: clusters joined strongest link first, one cluster per language."""
    links = sorted(((float(a["centroid"] @ b["centroid"]), x, y)
                    for (x, a), (y, b) in itertools.combinations(enumerate(clusters), 2)
                    if a["language"] != b["language"] and not too_far_apart(a, b)), reverse=True)
    parent = list(range(len(clusters)))
    languages = [{c["language"]} for c in clusters]

    def root(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for similarity, x, y in links:
        if similarity < threshold:
            break
        rx, ry = root(x), root(y)
        if rx != ry and not languages[rx] & languages[ry]:
            parent[ry] = rx
            languages[rx] |= languages[ry]
    return {i: root(k) for k, c in enumerate(clusters) for i in c["members"]}


def f1(gold, labels):
    return metrics.bcubed(gold, labels).f1


def main():
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2] / "shared" / "data"
    corpus = data / "xling-events" / "events.jsonl"
    with open(corpus, encoding="utf-8") as f:
        gold = {r["id"]: r["event"] for r in map(json.loads, filter(str.strip, f))}
    scores = collections.defaultdict(list)
    for seed in SEEDS:
        ids, _, _, pooled = engine_run(corpus, seed)
        scores["pooled average linkage (the engine's default)"].append(
            f1(gold, {i: k for k, c in enumerate(pooled) for i in c}))
        monolingual = describe_clusters(*engine_run(corpus, seed, cross_lingual_threshold=1.0))
        for threshold in LINK_THRESHOLDS:
            scores[f"monolingual clusters, then linked at centroid cosine {threshold:.2f}"].append(
                f1(gold, link_across_languages(monolingual, threshold)))
    rows = [[name, " / ".join(f"{v:.3f}" for v in values), f"{statistics.mean(values):.3f}"]
            for name, values in scores.items()]
    print("## Event clustering: the engine's linkage against monolingual clusters linked across languages\n")
    print(f"xling-events, B-cubed F1 per projection seed ({', '.join(map(str, SEEDS))}) and their mean.\n")
    print(tables.markdown_table(["method", "F1 per seed", "mean"], rows) + "\n")


if __name__ == "__main__":
    main()
