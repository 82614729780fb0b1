#!/usr/bin/env -S /usr/bin/python3
"""Dask with 2 local workers (parallax.dask) beside one process (parallax.Engine) on a scale corpus.

Each run is a fresh process measured from outside (os.wait4: wall, user+system CPU of the process and
every descendant it waited for, i.e. the Dask workers; peak RSS of the largest one), both on the same
first N documents of bench/out/scale/corpus-<size>.jsonl (generate.py). The answers are compared:
near-duplicate groups identical or not, and B-cubed F1 of the Dask events against the engine's.

    bench/scale/dask_vs_engine.py --corpus bench/out/scale/corpus-100k.jsonl --limit 100000
"""
import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parents[1]
sys.path.insert(0, str(SOURCE / "bench"))
import metrics  # noqa: E402  (bench/metrics.py: B-cubed)
OPTIONS = {"dup_threshold": 0.5}


def read(path, limit):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if len(out) >= limit:
                break
            if line.strip():
                out.append(fields(json.loads(line)))
    return out


def run_engine(corpus, limit, out):
    import parallax
    documents = read(corpus, limit)
    with parallax.Engine(threads=2, translations=False, keep_text=False, **OPTIONS) as engine:
        engine.add_many(documents)
        engine.build()
        ids = engine.ids()
        groups = [[ids[int(m)] for m in g.members] for g in engine.near_duplicate_groups()]
        events = [[ids[int(m)] for m in g.members] for g in engine.event_clusters()]
    json.dump({"groups": groups, "events": events}, open(out, "w"))


def fields(d):
    return {k: d[k] for k in ("id", "text", "title", "source", "lang", "date", "url") if k in d}


def whole_file(corpus, limit):
    with open(corpus, encoding="utf-8") as f:
        return sum(1 for line in f if line.strip()) <= limit


def run_dask(corpus, limit, out, partitions):
    import dask.bag as db
    from distributed import Client, LocalCluster
    import parallax.dask
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      memory_limit="10GB") as cluster, Client(cluster):
        if whole_file(corpus, limit):
            # The workers read their blocks of the file: a bag built from a list in this process
            # holds every document here too (at 1M, 10.8 GB in the client: killed for memory).
            size = os.path.getsize(corpus)
            bag = db.read_text(corpus, blocksize=max(1 << 20, size // partitions + 1)).filter(str.strip)
            bag = bag.map(json.loads).map(fields)
        else:
            bag = db.from_sequence(read(corpus, limit), npartitions=partitions)
        result = parallax.dask.run(bag, events=True, **OPTIONS)
    json.dump({"groups": result.near_duplicate_groups, "events": result.events, "stats": result.stats},
              open(out, "w"))


def measured(args):
    started = time.monotonic()
    process = subprocess.Popen([sys.executable, __file__] + args)
    _, status, usage = os.wait4(process.pid, 0)
    return {"rc": os.waitstatus_to_exitcode(status), "wall": time.monotonic() - started,
            "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}


def b_cubed_f1(found, reference):
    """B-cubed F1 of clusters `found` against `reference` (lists of id lists over the same ids), by
    bench/metrics.py's bcubed, the score of every other benchmark."""
    def labels(groups):
        return {i: k for k, members in enumerate(groups) for i in members}
    return metrics.bcubed(labels(reference), labels(found)).f1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(SOURCE / "bench" / "out" / "scale" / "corpus-100k.jsonl"))
    parser.add_argument("--limit", type=int, default=100000)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--mode", choices=("engine", "dask"), help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode == "engine":
        return run_engine(args.corpus, args.limit, args.out)
    if args.mode == "dask":
        return run_dask(args.corpus, args.limit, args.out, args.partitions)
    with tempfile.TemporaryDirectory() as folder:
        rows = {}
        for mode in ("engine", "dask"):
            out = os.path.join(folder, mode + ".json")
            rows[mode] = measured(["--mode", mode, "--out", out, "--corpus", args.corpus, "--limit", str(args.limit),
                                   "--partitions", str(args.partitions)])
            rows[mode]["answer"] = json.load(open(out)) if rows[mode]["rc"] == 0 else None
    engine, dask = rows["engine"]["answer"], rows["dask"]["answer"]
    same_groups = sorted(map(sorted, engine["groups"])) == sorted(map(sorted, dask["groups"]))
    f1 = b_cubed_f1(dask["events"], engine["events"])
    commit = subprocess.run(["git", "-C", str(SOURCE), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    print(f"commit {commit}, {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"{args.limit} documents of {args.corpus}, {args.partitions} partitions")
    print("| run | wall s | CPU s | peak RSS MB (largest process) | groups | events |")
    print("|---|---|---|---|---|---|")
    for mode, label in (("engine", "one process (Engine, threads 2)"), ("dask", "Dask, 2 local workers x 1 thread")):
        r = rows[mode]
        print(f"| {label} | {r['wall']:.1f} | {r['cpu']:.1f} | {r['rss_mb']:.0f} | {len(r['answer']['groups'])} | "
              f"{len(r['answer']['events'])} |")
    print(f"near-duplicate groups identical: {same_groups}; events B-cubed F1 against one process: {f1:.4f}; "
          f"Dask stats {dask['stats']}")


if __name__ == "__main__":
    sys.exit(main())
