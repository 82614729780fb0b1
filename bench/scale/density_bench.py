#!/usr/bin/env -S /usr/bin/python3
"""Events at real news density (issue 13): `parallax cluster` on scale corpora squeezed into a few
days (densify.py), the default search (the inverted file past --exact-search-limit) against exact
search on the sample, B-cubed against exact search and against the gold events.

  density_bench.py BINARY --sample CORPUS_100K GOLD_100K --sample-days 3 \
                          [--large CORPUS_1M --large-days 30] [--threshold 0.45] [--threads 2]

The sample and the large corpus get the same density (100k in 3 days, 1M in 30: about 33,000 a
day). Exact search runs on the sample only (at 1M it would be all pairs of a 15-day window). With
--large, the sample is also run squeezed into the large corpus's days (100k in 30 days), so that
both sizes have a row over one month.
Prints one row per run: documents, days, search, CPU s (user + system, all threads), wall s, peak
RSS MB (/usr/bin/time), events, B-cubed F1 against exact search and against gold; writes the rows
to density.csv and plots CPU seconds and peak memory against documents (density.png, beside the
scale bench's scale.png in bench/out/scale, with its `parallax cluster` rows over the spread
corpora when its results.csv is there).
"""
import argparse
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
import metrics  # noqa: E402  (bench/metrics.py)
from run_scale import OUT, load_gold, log_log_axes, measure  # noqa: E402

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


def row(events, days, label, m, vs_exact="", vs_gold=""):
    return {"documents": len(events), "days": days, "search": label, "cpu_s": round(m.cpu, 1),
            "wall_s": round(m.wall, 1), "peak_rss_mb": round(m.rss_mb), "events": len(set(events.values())),
            "bcubed_vs_exact": vs_exact, "bcubed_vs_gold": vs_gold}


def print_row(r):
    print(f"| {r['documents']:,} | {r['days']} | {r['search']} | {r['cpu_s']:.1f} | {r['wall_s']:.1f} | "
          f"{r['peak_rss_mb']:,} | {r['events']:,} | {r['bcubed_vs_exact'] or '-'} | {r['bcubed_vs_gold'] or '-'} |",
          flush=True)


def spread_rows():
    """The scale bench's `parallax cluster` rows (corpora spread over 23 years), when it has run."""
    path = OUT / "results.csv"
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if r.get("tool") == "parallax cluster" and r.get("cpu_s")]


def plot(rows, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, (ax_cpu, ax_mem) = plt.subplots(1, 2, figsize=(12, 5))
    series = {}
    for r in rows:
        series.setdefault(f"{r['search']}, {r['days']} days", []).append((r["documents"], r["cpu_s"], r["peak_rss_mb"]))
    spread = spread_rows()
    if spread:
        series["scale bench (23 years)"] = [(int(r["n"]), float(r["cpu_s"]), float(r["peak_rss_mb"])) for r in spread]
    for label, points in sorted(series.items()):
        points.sort()
        style = "-o" if len(points) > 1 else "o"
        ax_cpu.plot([p[0] for p in points], [p[1] for p in points], style, label=label)
        ax_mem.plot([p[0] for p in points], [p[2] for p in points], style, label=label)
    ax_mem.axhline(4096, color="grey", linestyle=":", label="4 GB (issue 13)")
    for ax, title, unit in ((ax_cpu, "CPU seconds vs documents", "CPU s (all threads)"),
                            (ax_mem, "peak memory vs documents", "MB (peak RSS)")):
        log_log_axes(ax, title, "documents", unit)
        ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=120)


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
        rows = []
        for label, m, events in (("exact", exact_m, exact), ("default (inverted file)", default_m, default)):
            rows.append(row(events, args.sample_days, label, m, f"{metrics.bcubed(exact, events).f1:.4f}",
                            f"{metrics.bcubed({i: gold[i] for i in events}, events).f1:.4f}"))
            print_row(rows[-1])
        if args.large:
            month = work / "sample-month.jsonl"
            densify(args.sample[0], args.large_days, month)
            m, events = run(args, month, work, "sample-month-default", limit)
            rows.append(row(events, args.large_days, "default (inverted file)", m,
                            vs_gold=f"{metrics.bcubed({i: gold[i] for i in events}, events).f1:.4f}"))
            print_row(rows[-1])
            large = work / "large.jsonl"
            densify(args.large, args.large_days, large)
            m, events = run(args, large, work, "large-default", limit)
            rows.append(row(events, args.large_days, "default (inverted file)", m))
            print_row(rows[-1])
        OUT.mkdir(parents=True, exist_ok=True)
        with open(OUT / "density.csv", "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        plot(rows, OUT / "density.png")
        print(f"rows: {OUT / 'density.csv'}; plot: {OUT / 'density.png'}")


if __name__ == "__main__":
    main()
