"""Cross-lingual event clustering on xling-events (228 news articles, 17 events, ar/en/ru).

Runs `parallax cluster --format json` four ways: the engine before the concept layer (monolingual
stems and its 512 dimensions: --cross-lingual false --dimensions 512, the "before" row), monolingual
stems at today's dimensions (what the concept layer adds, apart from the projection), the defaults (built-in concept table), and the defaults plus MUSE as user lexicons
(--lexicon files written to a temporary folder outside the repository: MUSE is CC BY-NC and must
not enter it). Scores B-cubed overall, per language and per half of the events, and near-duplicate
pairs against `near_dup_of`. Prints Markdown tables; never fails on scores.

Usage: events_bench.py PARALLAX_BINARY DATA_DIR
"""
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import metrics  # noqa: E402  (bench/metrics.py)
import tables  # noqa: E402

LANGUAGES = ("en", "ru", "ar")
# The goal: overall F1 >= 0.90, each language no lower than the monolingual run it quotes.
GOAL_OVERALL = 0.90
GOAL_PER_LANGUAGE = {"en": 0.888, "ru": 0.822, "ar": 0.831}
# The corpus is small: a run takes about as long as starting up, so its time is the median of a few.
REPETITIONS = 3
# Gold labels are kept from the engine: it sees only what a user's corpus would carry.
GOLD_FIELDS = ("event", "near_dup_of")


def read_records(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_unlabelled_corpus(records, path):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps({k: v for k, v in r.items() if k not in GOLD_FIELDS}, ensure_ascii=False) + "\n")


def write_muse_lexicons(muse_dir, folder):
    """MUSE `foreign<TAB>english` pairs as lexicon TSVs (word, lang, gloss, weight): the first
    translation of a word weighs 1, later ones 0.5, as the retrieval benchmark loads them."""
    paths = []
    for lang in ("ar", "ru"):
        seen = set()
        out = Path(folder) / f"muse.{lang}-en.tsv"
        with open(muse_dir / f"{lang}-en.tsv", encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
            for line in src:
                word, _, english = line.rstrip("\n").partition("\t")
                if not word or not english:
                    continue
                dst.write(f"{word}\t{lang}\t{english}\t{0.5 if word in seen else 1}\n")
                seen.add(word)
        paths.append(out)
    return paths


def run_cluster(binary, corpus, extra_args):
    """The CLI's JSON report and the median wall time of REPETITIONS runs (the output is
    deterministic: the projection has a fixed seed)."""
    argv = [str(binary), "cluster", "--format", "json", "--quiet", *extra_args, str(corpus)]
    seconds = []
    for _ in range(REPETITIONS):
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, text=True)
        seconds.append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit(f"events_bench: {' '.join(argv)} exited with {done.returncode}:\n{done.stderr}")
    return json.loads(done.stdout), seconds


def predicted_events(report):
    return {m["id"]: e["event"] for e in report["events"] for m in e["members"]}


def predicted_duplicate_pairs(report):
    return metrics.pairs_from_groups([m["id"] for m in g["members"]] for g in report["near_duplicate_groups"])


def gold_duplicate_pairs(records):
    """Every pair inside a chain of `near_dup_of` links (a copy of a copy is a copy of the
    original), the way a predicted group counts all its pairs."""
    root = {r["id"]: r["id"] for r in records}

    def find(i):
        while root[i] != i:
            i = root[i]
        return i

    for r in records:
        if r["near_dup_of"]:
            root[find(r["id"])] = find(r["near_dup_of"])
    groups = {}
    for r in records:
        groups.setdefault(find(r["id"]), []).append(r["id"])
    return metrics.pairs_from_groups(g for g in groups.values() if len(g) > 1)


def restricted(gold, predicted, ids):
    return metrics.bcubed({i: gold[i] for i in ids}, {i: predicted[i] for i in ids})


def event_halves(records):
    """The 17 events sorted by name and dealt alternately: a fixed split, one half to tune on and
    the other to report."""
    names = sorted({r["event"] for r in records})
    return names[0::2], names[1::2]


def score_run(records, report):
    gold = {r["id"]: r["event"] for r in records}
    predicted = predicted_events(report)
    by_lang = {lang: [r["id"] for r in records if r["lang"] == lang] for lang in LANGUAGES}
    halves = [[r["id"] for r in records if r["event"] in half] for half in map(set, event_halves(records))]
    return {
        "overall": metrics.bcubed(gold, predicted),
        "languages": {lang: restricted(gold, predicted, ids) for lang, ids in by_lang.items()},
        "halves": [restricted(gold, predicted, ids) for ids in halves],
        "events": len(report["events"]),
        "duplicates": metrics.pairwise_pairs(gold_duplicate_pairs(records), predicted_duplicate_pairs(report)),
        "predicted_pairs": len(predicted_duplicate_pairs(report)),
    }


def print_table(title, headers, rows, note=""):
    print(f"## {title}\n")
    if note:
        print(note + "\n")
    print(tables.markdown_table(headers, rows) + "\n")


def prf(scores):
    return [scores.precision, scores.recall, scores.f1]


def print_overall(records, results):
    gold_events = len({r["event"] for r in records})
    rows = [[name, *prf(s["overall"]), s["events"],
             f"{statistics.median(t):.2f} ({min(t):.2f} - {max(t):.2f})"] for name, s, t in results]
    rows.append(["goal (issue)", "-", "-", f">= {GOAL_OVERALL:.2f}", f"{gold_events} in gold", "-"])
    print_table("Event clustering: B-cubed, all documents",
                ["run", "P", "R", "F1", "events found", f"seconds, median (min - max) of {REPETITIONS}"], rows,
                f"{len(records)} documents, {gold_events} gold events.")


def print_languages(records, results):
    rows = [[name] + [v for lang in LANGUAGES for v in prf(s["languages"][lang])] for name, s, _ in results]
    rows.append(["goal (issue): F1 no lower than monolingual"]
                + [v for lang in LANGUAGES for v in ("-", "-", f">= {GOAL_PER_LANGUAGE[lang]:.3f}")])
    counts = ", ".join(f"{lang} {sum(r['lang'] == lang for r in records)}" for lang in LANGUAGES)
    print_table("Event clustering: B-cubed per language",
                ["run"] + [f"{lang} {m}" for lang in LANGUAGES for m in ("P", "R", "F1")], rows,
                f"Gold and predicted restricted to one language's documents ({counts}).")


def print_halves(records, results):
    first, second = event_halves(records)
    rows = [[name] + [v for half in s["halves"] for v in prf(half)] for name, s, _ in results]
    print_table("Event clustering: B-cubed per half of the events",
                ["run", "half A P", "half A R", "half A F1", "half B P", "half B R", "half B F1"], rows,
                "Events sorted by name and dealt alternately; gold and predicted restricted to one half's "
                f"documents. Half A: {', '.join(first)}. Half B: {', '.join(second)}.")


def print_duplicates(records, results):
    gold_pairs = len(gold_duplicate_pairs(records))
    rows = [[name, gold_pairs, s["predicted_pairs"], *prf(s["duplicates"])] for name, s, _ in results]
    print_table("Near-duplicates: pairwise against near_dup_of",
                ["run", "gold pairs", "predicted pairs", "P", "R", "F1"], rows,
                "Gold pairs: every pair inside a chain of near_dup_of links.")


def main():
    binary, data = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    records = read_records(data / "xling-events" / "events.jsonl")
    with tempfile.TemporaryDirectory(prefix="parallax-xling-") as tmp:
        corpus = Path(tmp) / "events.jsonl"
        write_unlabelled_corpus(records, corpus)
        lexicon_args = [a for p in write_muse_lexicons(data / "xling" / "muse", tmp) for a in ("--lexicon", str(p))]
        runs = [("before: --cross-lingual false --dimensions 512", ["--cross-lingual", "false", "--dimensions", "512"]),
                ("monolingual at the default dimensions: --cross-lingual false", ["--cross-lingual", "false"]),
                ("default (built-in table)", []),
                ("default + MUSE --lexicon (CC BY-NC, temp files)", lexicon_args)]
        results = []
        for name, args in runs:
            report, seconds = run_cluster(binary, corpus, args)
            results.append((name, score_run(records, report), seconds))
    for print_section in (print_overall, print_languages, print_halves, print_duplicates):
        print_section(records, results)


if __name__ == "__main__":
    main()
