#!/usr/bin/env -S /usr/bin/python3
"""Events at real news density (issue 13): `parallax cluster` on scale corpora squeezed into a few
days (densify.py), the default search (the inverted file past --exact-search-limit) against exact
search on the sample, B-cubed against exact search and against the gold events.

  density_bench.py BINARY --sample CORPUS_100K GOLD_100K --sample-days 3 \
                          [--large CORPUS_1M --large-days 30] [--threshold 0.45] [--threads 2]

The sample and the large corpus get the same density (100k in 3 days, 1M in 30: about 33,000 a
day). Exact search runs on the sample only (at 1M it would be all pairs of a 15-day window).
Prints one row per run: documents, days, search, CPU s (user + system, all threads), wall s, peak
RSS MB (/usr/bin/time), events, B-cubed F1 against exact search and against gold.
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
import metrics  # noqa: E402  (bench/metrics.py)
from run_scale import load_gold, measure  # noqa: E402

EXACT = ["--exact-search-limit", "100000000"]


def densify(corpus, days, out):
    subprocess.run([sys.executable, str(HERE / "densify.py"), str(corpus), str(out), "--days", str(days)], check=True)


def events_of(path):
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    return {m["id"]: e["event"] for e in report["events"] for m in e["members"]}


def run(args, corpus, work, name, extra):
    out = work / f"{name}.json"
    argv = [args.binary, "cluster", str(corpus), "-f", "json", "-o", str(out), "-q", "--threads", str(args.threads),
            "--event-threshold", str(args.threshold)] + extra
    m = measure(argv, work / f"{name}.stderr", args.timeout)
    if m.rc != 0:
        sys.exit(f"density_bench: {name} failed (exit {m.rc}), see {work / (name + '.stderr')}")
    return m, events_of(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("--sample", nargs=2, required=True, metavar=("CORPUS", "GOLD"))
    parser.add_argument("--sample-days", type=int, default=3)
    parser.add_argument("--large", help="a larger corpus of the scale family, squeezed to the same density")
    parser.add_argument("--large-days", type=int, default=30)
    parser.add_argument("--threshold", type=float, default=0.45, help="event threshold (the scale bench's tuned 0.45)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--limit", type=int, help="--exact-search-limit of the default runs (default: the engine's; a "
                        "small one tries the inverted file on a small sample)")
    parser.add_argument("--timeout", type=float, default=7200)
    parser.add_argument("--work", help="folder for the densified corpora and reports (default: a temporary one)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        work = Path(args.work or scratch)
        work.mkdir(parents=True, exist_ok=True)
        sample = work / "sample.jsonl"
        densify(args.sample[0], args.sample_days, sample)
        gold = load_gold(args.sample[1])[0]
        print("| documents | days | search | CPU s | wall s | peak RSS MB | events | B-cubed F1 vs exact | vs gold |")
        print("|---|---|---|---|---|---|---|---|---|")
        exact_m, exact = run(args, sample, work, "sample-exact", EXACT)
        limit = ["--exact-search-limit", str(args.limit)] if args.limit else []
        default_m, default = run(args, sample, work, "sample-default", limit)
        for label, m, events in (("exact", exact_m, exact), ("default (inverted file)", default_m, default)):
            print(f"| {len(events):,} | {args.sample_days} | {label} | {m.cpu:.1f} | {m.wall:.1f} | {m.rss_mb:,.0f} | "
                  f"{len(set(events.values())):,} | {metrics.bcubed(exact, events).f1:.4f} | "
                  f"{metrics.bcubed({i: gold[i] for i in events}, events).f1:.4f} |", flush=True)
        if args.large:
            large = work / "large.jsonl"
            densify(args.large, args.large_days, large)
            m, events = run(args, large, work, "large-default", limit)
            print(f"| {len(events):,} | {args.large_days} | default (inverted file) | {m.cpu:.1f} | {m.wall:.1f} | "
                  f"{m.rss_mb:,.0f} | {len(set(events.values())):,} | - | - |")


if __name__ == "__main__":
    main()
