#!/usr/bin/env python3
"""Real news density from the scale corpus: the same documents with their dates squeezed into a few
days (issue 13: a month of a multilingual crawl is 1M documents, about 33,000 a day; the scale
corpus spreads its documents over ten years). Order and relative dates are kept: day k holds the
documents of the k-th slice of the original span.

Usage: /usr/bin/python3 bench/scale/densify.py CORPUS.jsonl OUT.jsonl --days 3
"""
import argparse
import datetime
import json


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("out")
    parser.add_argument("--days", type=int, default=3, help="days the documents are squeezed into")
    parser.add_argument("--start", default="2021-01-01", help="the first day")
    args = parser.parse_args()
    with open(args.corpus, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    dates = [datetime.date.fromisoformat(d["date"][:10]) for d in docs if d.get("date")]
    first, last = min(dates), max(dates)
    span = (last - first).days + 1
    start = datetime.date.fromisoformat(args.start)
    with open(args.out, "w", encoding="utf-8") as out:
        for d in docs:
            if d.get("date"):
                day = min(args.days - 1, (datetime.date.fromisoformat(d["date"][:10]) - first).days * args.days // span)
                d["date"] = (start + datetime.timedelta(days=day)).isoformat()
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"densify: {len(docs)} documents over {args.days} days ({len(docs) // args.days} a day) -> {args.out}")


if __name__ == "__main__":
    main()
