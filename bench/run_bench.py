#!/usr/bin/env -S /usr/bin/python3
"""parallax benchmark: event clustering and near-duplicate detection, parallax beside scikit-learn.

1. Builds the corpora (corpora.py) under bench/out/corpora/.
2. Event clustering: tunes the event threshold T separately for each tool (and for each parallax
   projection) on FNC-1 train bodies and on ECB+ train+dev (0.05 grid, then 0.01 steps around
   the best point), then scores the FNC-1 test bodies and
   ECB+ test once, timing each tool over --repetitions fresh processes.
3. Near-duplicates: tunes parallax's --dup-threshold and the peer's cosine bar on neardup-tune,
   then scores neardup-test per edit rate, edit kind and language.
Prints plain tables; writes bench/out/results.csv, bench/out/summary.md and bench/out/results.json.
See docs/benchmarks.md for what every number means.
"""
import argparse
import json
import os
import statistics
import sys
import time

import corpora
import edits
import environment
import paths
import scoring
import tables
import tools

EVENT_DATASETS = (("FNC-1", "fnc1-train", "fnc1-test"), ("ECB+", "ecbplus-traindev", "ecbplus-test"))
EVENT_GRID = [round(0.05 * i, 2) for i in range(1, 13)]          # 0.05 .. 0.60
PARALLAX_DUP_GRID = [round(0.1 * i, 1) for i in range(1, 10)]    # Jaccard 0.1 .. 0.9
PEER_DUP_GRID = [round(0.05 * i, 2) for i in range(10, 20)]      # cosine 0.50 .. 0.95
PROJECTIONS = ("random", "svd")
NEIGHBORS = 20       # parallax's default --neighbors, passed to both tools
DATE_WINDOW = 7      # parallax's default --date-window (the corpora here carry no dates)
EDGE_FLOOR = 0.05    # parallax's fixed kNN edge floor (engine/group/knn_graph.hpp)


class Report:
    def __init__(self):
        self.sections, self.csv_rows = [], []

    def table(self, title, headers, rows, note=""):
        self.sections.append((title, headers, rows, note))
        print(f"\n== {title}\n{tables.text_table(headers, rows)}")
        if note:
            print(note)
        sys.stdout.flush()

    def record(self, **row):
        self.csv_rows.append(row)


def corpus_info(path):
    records = corpora.load_jsonl(path)
    text_bytes = sum(len(r["text"].encode("utf-8")) + len(r.get("title", "").encode("utf-8"))
                     for r in records)
    return records, text_bytes


def best_threshold(curve, key):
    """Threshold with the best score; the lowest such threshold on ties."""
    return max(curve, key=lambda t: (curve[t][key], -t))


def throughput(timing, documents, text_bytes):
    median = timing.median
    return {"seconds_median": median, "seconds_min": min(timing.seconds),
            "seconds_max": max(timing.seconds), "seconds_spread": timing.spread,
            "docs_per_s": documents / median, "mb_per_s": text_bytes / 1e6 / median,
            "peak_rss_mb": timing.peak_rss_median, "cpu_seconds_median": timing.cpu_median,
            "docs_per_cpu_s": documents / timing.cpu_median,
            "process_seconds_median": statistics.median(timing.process_seconds)}


def event_configs(parallax, peer):
    base = {"neighbors": NEIGHBORS, "date-window": DATE_WINDOW}
    configs = []
    if parallax:
        configs += [(f"parallax ({p})", parallax, dict(base, projection=p)) for p in PROJECTIONS]
    configs.append(("sklearn", peer, dict(base, floor=EDGE_FLOOR)))
    return configs


def refine_grid(best, coarse):
    """0.01 steps around the coarse optimum, inside the coarse range, not already tried."""
    fine = {round(best + 0.01 * k, 2) for k in range(-4, 5)}
    return sorted(t for t in fine if min(coarse) <= t <= max(coarse) and t not in coarse)


def tune_events(report, configs, tune_path, tune_records, dataset, grid, refine):
    tuned = {}
    for label, tool, options in configs:
        started = time.perf_counter()
        labelings = tool.cluster_grid(tune_path, grid, options)
        curve = {t: scoring.event_scores(tune_records, labels) for t, labels in labelings.items()}
        if refine:
            fine = refine_grid(best_threshold(curve, "b3_f1"), grid)
            for t, labels in tool.cluster_grid(tune_path, fine, options).items():
                curve[t] = scoring.event_scores(tune_records, labels)
        for t, s in curve.items():
            report.record(section="event_tuning", dataset=dataset, corpus=tune_path.stem,
                          tool=label, threshold=t, **s)
        tuned[label] = best_threshold(curve, "b3_f1")
        print(f"  tuned {label:18s} on {tune_path.stem}: T={tuned[label]} "
              f"(B3 F1 {curve[tuned[label]]['b3_f1']:.3f}, {time.perf_counter() - started:.1f}s)")
    return tuned


def event_section(report, configs, repetitions, grid, refine):
    results = {}
    for dataset, tune_name, test_name in EVENT_DATASETS:
        tune_path = paths.corpora_dir() / f"{tune_name}.jsonl"
        test_path = paths.corpora_dir() / f"{test_name}.jsonl"
        tune_records, _ = corpus_info(tune_path)
        test_records, test_bytes = corpus_info(test_path)
        print(f"\n-- {dataset}: tuning on {tune_name} ({len(tune_records)} docs)")
        tuned = tune_events(report, configs, tune_path, tune_records, dataset, grid, refine)
        for label, tool, options in configs:
            options = dict(options, **{"event-threshold": tuned[label]})
            result, timing = tool.timed("cluster", test_path, options, repetitions)
            labels = result["labels"] if label == "sklearn" else tool.event_labels(result)
            row = dict(scoring.event_scores(test_records, labels),
                       **throughput(timing, len(test_records), test_bytes),
                       tool_parameters=json.dumps(result.get("parameters", {}), sort_keys=True))
            results[(dataset, label)] = dict(row, threshold=tuned[label], threads=tool.threads)
            report.record(section="event_test", dataset=dataset, corpus=test_name, tool=label,
                          threshold=tuned[label], documents=len(test_records),
                          text_bytes=test_bytes, repetitions=repetitions, **row)
    return results


def event_tables(report, results, configs):
    headers = ["dataset", "tool", "T", "B3 P", "B3 R", "B3 F1", "pair F1", "clusters/gold",
               "threads", "docs/s", "MB/s", "s median", "s spread", "CPU s", "RSS MB"]
    rows = []
    for dataset, _, _ in EVENT_DATASETS:
        for label, _, _ in configs:
            r = results[(dataset, label)]
            rows.append([dataset, label, r["threshold"], r["b3_p"], r["b3_r"], r["b3_f1"],
                         r["pair_f1"], f"{r['clusters']}/{r['gold_clusters']}", r["threads"], r["docs_per_s"],
                         r["mb_per_s"], r["seconds_median"], r["seconds_spread"],
                         r["cpu_seconds_median"], r["peak_rss_mb"]])
    report.table("Event clustering, test splits (T tuned per tool on the training side)", headers,
                 rows, "parallax seconds: whole process (start-up, JSONL read, JSON write). "
                       "sklearn seconds: vectorize + kNN + cluster only. CPU s: user + system.")
    ratio_rows = []
    for dataset, _, _ in EVENT_DATASETS:
        peer = results[(dataset, "sklearn")]
        for label, _, _ in configs:
            if label == "sklearn":
                continue
            r = results[(dataset, label)]
            ratio_rows.append([dataset, label, r["docs_per_s"] / peer["docs_per_s"],
                               r["docs_per_cpu_s"] / peer["docs_per_cpu_s"],
                               r["b3_f1"] - peer["b3_f1"]])
    if ratio_rows:
        report.table("parallax / sklearn on the test splits",
                     ["dataset", "tool", "docs/s ratio", "docs per CPU-s ratio", "B3 F1 diff"],
                     ratio_rows)


def throughput_section(report, configs, repetitions):
    """`cluster` on the largest corpus (neardup-test: ar, en, ru) at the default T, for speed only."""
    path = paths.corpora_dir() / "neardup-test.jsonl"
    records, text_bytes = corpus_info(path)
    rows, measured, peer_speed = [], [], None
    for label, tool, options in configs:
        _, timing = tool.timed("cluster", path, dict(options, **{"event-threshold": 0.3}), repetitions)
        speed = throughput(timing, len(records), text_bytes)
        measured.append((label, tool, speed))
        if label == "sklearn":
            peer_speed = speed
        report.record(section="cluster_throughput", corpus=path.stem, tool=label, threshold=0.3,
                      documents=len(records), text_bytes=text_bytes, threads=tool.threads, **speed)
    for label, tool, speed in measured:
        rows.append([label, tool.threads, speed["docs_per_s"], speed["mb_per_s"],
                     speed["seconds_median"], speed["seconds_spread"], speed["cpu_seconds_median"],
                     speed["docs_per_cpu_s"], speed["peak_rss_mb"],
                     speed["docs_per_s"] / peer_speed["docs_per_s"],
                     speed["docs_per_cpu_s"] / peer_speed["docs_per_cpu_s"]])
    report.table(f"cluster throughput on {path.stem} ({len(records)} docs, "
                 f"{text_bytes / 1e6:.1f} MB, T=0.3)",
                 ["tool", "threads", "docs/s", "MB/s", "s median", "s spread", "CPU s",
                  "docs/CPU-s", "RSS MB", "docs/s ratio", "docs/CPU-s ratio"], rows)


def dedup_section(report, parallax, peer, repetitions):
    tune_path = paths.corpora_dir() / "neardup-tune.jsonl"
    test_path = paths.corpora_dir() / "neardup-test.jsonl"
    tune_records, _ = corpus_info(tune_path)
    test_records, test_bytes = corpus_info(test_path)
    configs = []
    if parallax:
        configs.append(("parallax dedup", parallax, {}, "dup-threshold", PARALLAX_DUP_GRID))
    configs.append(("sklearn cosine (not MinHash)", peer, {"neighbors": NEIGHBORS}, "dup-cosine",
                    PEER_DUP_GRID))
    print(f"\n-- near-duplicates: tuning on neardup-tune ({len(tune_records)} docs)")
    results = {}
    for label, tool, options, knob, grid in configs:
        groups = tool.dedup_grid(tune_path, grid, options)
        curve = {t: scoring.near_duplicate_scores(tune_records, g)["overall"] for t, g in groups.items()}
        for t, s in curve.items():
            report.record(section="dedup_tuning", corpus="neardup-tune", tool=label, knob=knob,
                          threshold=t, **s)
        best = best_threshold(curve, "f1")
        print(f"  tuned {label}: {knob}={best} (F1 {curve[best]['f1']:.3f})")
        result, timing = tool.timed("dedup", test_path, dict(options, **{knob: best}), repetitions)
        found = result["groups"] if tool is peer else tool.duplicate_groups(result)
        scores = scoring.near_duplicate_scores(test_records, found)
        results[label] = (knob, best, scores, throughput(timing, len(test_records), test_bytes))
    dedup_tables(report, results, len(test_records))


def dedup_tables(report, results, documents):
    rows = []
    for label, (knob, best, scores, speed) in results.items():
        o = scores["overall"]
        rows.append([label, f"{knob}={best}", o["p"], o["r"], o["f1"], speed["docs_per_s"],
                     speed["mb_per_s"], speed["seconds_median"], speed["seconds_spread"],
                     speed["cpu_seconds_median"], speed["peak_rss_mb"]])
        report.record(section="dedup_test", corpus="neardup-test", tool=label, knob=knob,
                      threshold=best, documents=documents, scope="overall", **o, **speed)
    report.table(f"Near-duplicates, neardup-test ({documents} docs; gold: edit rate <= "
                 f"{edits.NEAR_DUPLICATE_MAX_RATE:.0%})",
                 ["tool", "setting", "P", "R", "F1", "docs/s", "MB/s", "s median", "s spread",
                  "CPU s", "RSS MB"], rows)
    rows = []
    for rate in edits.RATES:
        for label, (_, _, scores, _) in results.items():
            r = scores["by_rate"][rate]
            rows.append([f"{rate:.0%}", "yes" if r["gold_near_duplicate"] else "no", label,
                         r["p"], r["r"], r["f1"], r["hit_rate"], r["pred_pairs"]])
            report.record(section="dedup_by_rate", corpus="neardup-test", tool=label,
                          edit_rate=rate, **r)
    report.table("Near-duplicates by edit rate (pairs involving a copy made at that rate)",
                 ["edit rate", "gold dup", "tool", "P", "R", "F1", "orig-copy found", "pred pairs"],
                 rows, "orig-copy found: share of (original, copy) pairs put in one group -- "
                       "recall for gold rates, false-alarm rate above them.")
    rows = []
    for label, (_, _, scores, _) in results.items():
        row = [label] + [scores["by_kind"][k]["hit_rate"] for k in edits.KINDS]
        row += [scores["by_lang"][lang]["f1"] for lang in ("ar", "en", "ru")]
        rows.append(row)
        for k in edits.KINDS:
            report.record(section="dedup_by_kind", tool=label, edit_kind=k, **scores["by_kind"][k])
        for lang, s in scores["by_lang"].items():
            report.record(section="dedup_by_lang", tool=label, lang=lang, **s)
    report.table("Near-duplicates by edit kind (orig-copy found, gold rates) and language (F1)",
                 ["tool"] + list(edits.KINDS) + ["F1 ar", "F1 en", "F1 ru"], rows)


def write_outputs(report, env, args):
    out = paths.out_dir()
    tables.write_csv(out / "results.csv", [dict(env, **row) for row in report.csv_rows])
    lines = ["# parallax benchmark summary", "",
             f"commit `{env['commit']}`, CPU {env['cpu']}, {env['cores']} cores, "
             f"threads {args.threads}, repetitions {args.repetitions}, "
             f"Python {env['python']}, scikit-learn {env['sklearn']}, numpy {env['numpy']}", ""]
    for title, headers, rows, note in report.sections:
        lines += [f"## {title}", "", tables.markdown_table(headers, rows), ""]
        if note:
            lines += [note, ""]
    (out / "summary.md").write_text("\n".join(lines), encoding="utf-8")
    with open(out / "results.json", "w", encoding="utf-8") as f:
        json.dump({"environment": env, "rows": report.csv_rows}, f, indent=1, default=str)
    print(f"\nwrote {out / 'results.csv'}, {out / 'summary.md'}, {out / 'results.json'}")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repetitions", type=int, default=3, help="timed runs per row (default 3)")
    parser.add_argument("--threads", type=int, default=os.cpu_count(),
                        help="threads for both tools (default: all cores)")
    parser.add_argument("--peer-threads", type=int, default=1,
                        help="n_jobs for the peer's NearestNeighbors (default 1: on sparse input "
                             "n_jobs=2 measured slower than 1 on a 2-core machine)")
    parser.add_argument("--parallax", default=None, help="CLI binary (default build/engine/parallax)")
    parser.add_argument("--peer-only", action="store_true", help="skip parallax")
    parser.add_argument("--skip-events", action="store_true")
    parser.add_argument("--skip-dedup", action="store_true")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--quick", action="store_true",
                        help="every other grid point, no 0.01 refinement, 1 repetition")
    return parser.parse_args()


def main():
    args = parse_args()
    if args.quick:
        args.repetitions = 1
    env = environment.describe()
    print(f"commit {env['commit']} | {env['cpu']} | {env['cores']} cores | threads {args.threads}")
    corpora.build_all()
    parallax = None if args.peer_only else tools.Parallax(args.parallax, args.threads)
    if parallax and not parallax.available():
        print(f"WARNING: {parallax.binary} not found; running the peer only", file=sys.stderr)
        parallax = None
    peer = tools.SklearnPeer(args.peer_threads)
    report = Report()
    grid = EVENT_GRID[1::2] if args.quick else EVENT_GRID
    if not args.skip_events:
        configs = event_configs(parallax, peer)
        results = event_section(report, configs, args.repetitions, grid, not args.quick)
        event_tables(report, results, configs)
    if not args.skip_throughput:
        throughput_section(report, event_configs(parallax, peer), args.repetitions)
    if not args.skip_dedup:
        dedup_section(report, parallax, peer, args.repetitions)
    write_outputs(report, env, args)


if __name__ == "__main__":
    main()
