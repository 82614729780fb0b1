"""The cross-language evidence rule (`--cross-lingual-evidence`, issue 13) on both corpora it trades off.

xling-events (228 articles, 17 events in ar/en/ru, many accounts per event in each language): mean
and minimum B-cubed F1 over the projection seeds 1, 2, 3, 7, 42. Optionally the scale corpus
(`--scale CORPUS GOLD`: every gold event in one language, so every mixed-language event is a
wrong merge across languages), one run per setting at `--event-threshold 0.45` (the threshold the
scale tables use), with B-cubed, the number of mixed-language events and the CPU seconds of the
process (user + system, os.wait4). Prints one Markdown table; never fails on scores.

Usage: evidence_bench.py PARALLAX_BINARY DATA_DIR [--scale CORPUS.jsonl GOLD.tsv] [--settings 0,1,1.25]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import metrics  # noqa: E402  (bench/metrics.py)
import tables  # noqa: E402

SEEDS = (1, 2, 3, 7, 42)
GOLD_FIELDS = ("event", "near_dup_of")  # kept from the engine, as in events_bench.py


def run_cluster(binary, corpus, extra):
    """The CLI's JSON report and the CPU seconds of the process."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        child = subprocess.Popen([str(binary), "cluster", "--format", "json", "--quiet", *extra, str(corpus),
                                  "-o", out.name])
        _, status, usage = os.wait4(child.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"evidence_bench: parallax cluster {' '.join(extra)} failed")
        return json.load(open(out.name, encoding="utf-8")), usage.ru_utime + usage.ru_stime


def labels(report):
    return {m["id"]: e["event"] for e in report["events"] for m in e["members"]}


def xling_f1(binary, data, evidence):
    records = [json.loads(line) for line in open(data / "xling-events" / "events.jsonl", encoding="utf-8")]
    gold = {r["id"]: r["event"] for r in records}
    with tempfile.TemporaryDirectory(prefix="parallax-evidence-") as tmp:
        corpus = Path(tmp) / "events.jsonl"
        with open(corpus, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps({k: v for k, v in r.items() if k not in GOLD_FIELDS}, ensure_ascii=False) + "\n")
        scores = [metrics.bcubed(gold, labels(run_cluster(binary, corpus, [
            "--seed", str(seed), "--cross-lingual-evidence", evidence])[0])).f1 for seed in SEEDS]
    return statistics.mean(scores), min(scores)


def scale_scores(binary, corpus, gold_path, evidence):
    gold, language = {}, {}
    with open(gold_path, encoding="utf-8") as f:
        next(f)
        for line in f:
            doc_id, event, _, lang = line.split("\t")[:4]
            gold[doc_id], language[doc_id] = event, lang
    report, cpu = run_cluster(binary, corpus, ["-t", "2", "--event-threshold", "0.45",
                                               "--cross-lingual-evidence", evidence])
    mixed = sum(len({language[m["id"]] for m in e["members"]}) > 1 for e in report["events"])
    return metrics.bcubed(gold, labels(report)).f1, len(report["events"]), mixed, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("parallax")
    parser.add_argument("data", type=Path)
    parser.add_argument("--scale", nargs=2, metavar=("CORPUS", "GOLD"))
    parser.add_argument("--settings", default="0,1,1.25", help="values of --cross-lingual-evidence (0: off)")
    args = parser.parse_args()
    headers = ["--cross-lingual-evidence", f"xling-events F1, mean (min) of seeds {', '.join(map(str, SEEDS))}"]
    if args.scale:
        headers += ["scale F1", "events", "mixed-language events", "CPU s"]
    rows = []
    for evidence in args.settings.split(","):
        mean, low = xling_f1(args.parallax, args.data, evidence)
        row = [evidence, f"{mean:.3f} ({low:.3f})"]
        if args.scale:
            f1, events, mixed, cpu = scale_scores(args.parallax, *args.scale, evidence)
            row += [f"{f1:.3f}", events, mixed, f"{cpu:.1f}"]
        rows.append(row)
    print(tables.markdown_table(headers, rows))


if __name__ == "__main__":
    main()
