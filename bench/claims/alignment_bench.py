#!/usr/bin/env python3
"""Claim alignment of `parallax compare --by speaker` against the hand-made alignment gold set.

Usage: alignment_bench.py PARALLAX_BINARY DATA_DIR [--gold FILE] [--sides FILE] [--listed-only] [--details FILE]

DATA_DIR is a folder holding xling-events/events.jsonl (e.g. ../shared/data). For each event of the
gold set (alignment_gold.json beside this script, made from xling-events/claims.md) ALL the event's
records are written to a temporary JSONL file (id, title, text, source, date, lang) and the engine is
run as `PARALLAX_BINARY compare --by speaker --format json FILE`. An engine claim maps to every gold
claim whose evidence sentence it overlaps (same record, claim byte span converted to characters of
the record's text); engine sides map to the gold sides A / B with sides.json. Scores: (a) recall of
the expected AGREE / CONFLICT pairs, (b) precision of the engine's A-B alignments between gold
claims, (c) one-side-only claims left unaligned. Prints Markdown tables. Scores never make the
script fail; a missing binary, data folder or gold file does (exit status 2).
Python 3 standard library only. See ALIGNMENT.md.
"""
import argparse
import collections
import json
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from attribution_bench import (  # noqa: E402
    BOTH_PHRASES, Side, byte_to_char_table, cell, checked_inputs, compare_by_speaker, load_jsonl, pct)

RUN_TIMEOUT_S = 300
RECORD_KEYS = ("id", "title", "text", "source", "date", "lang")


def die(msg):
    sys.stderr.write("alignment_bench: " + msg + "\n")
    sys.exit(2)


def names_cell(names, limit=80):
    """Side names joined up to about `limit` characters, cut between names, never inside one (a
    cut inside made "a German government" read "a German g")."""
    out = []
    for n in names:
        if out and len(", ".join(out + [n])) > limit:
            return ", ".join(out) + ", ... (%d more)" % (len(names) - len(out))
        out.append(n)
    return ", ".join(out)


def side_of(name, is_author, sides):
    """Engine side name -> A / B / both / other / author (the rule of attribution_bench.py)."""
    if is_author:
        return "author"
    a, b = sides[0].matches(name), sides[1].matches(name)
    if a and b:
        return "both"
    if a:
        return "A"
    if b:
        return "B"
    if any(p in name.casefold() for p in BOTH_PHRASES):
        return "both"
    return "other"


def run_engine(binary, records, path):
    """Returns (report or None, status); status is 'ok', 'exit3: MESSAGE' or 'error: MESSAGE'."""
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in records:
            f.write(json.dumps({k: r.get(k) for k in RECORD_KEYS}, ensure_ascii=False) + "\n")
    return compare_by_speaker(binary, path, RUN_TIMEOUT_S)


def load_gold(path, records, listed_only):
    """Returns events (dicts with 'sentences': {claim id: [(record, start, end)]}) and problems."""
    try:
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
    except ValueError as e:
        die("%s: not JSON (%s)" % (path, e))
    events, problems = [], []
    for ev in gold.get("events", []):
        name = ev["event"]
        sentences = {}
        for c in ev["claims"]:
            items = list(c.get("evidence", []))
            if not listed_only:
                items += c.get("extra_evidence", [])
            keep = []
            for x in items:
                r = records.get(x["record"])
                if r is None or r.get("event") != name:
                    problems.append("%s %s: record %s not in the event" % (name, c["id"], x["record"]))
                    continue
                t, s, e = r["text"], x["start"], x["end"]
                if not (0 <= s < e <= len(t)) or t[s:e] != t[s:e].strip():
                    problems.append("%s %s: %s [%s,%s] does not fit the text" % (name, c["id"], x["record"], s, e))
                    continue
                keep.append((x["record"], s, e))
            sentences[c["id"]] = keep
        ids = set(sentences)
        pairs = [a for a in ev.get("alignments", []) if a["a"] in ids and a["b"] in ids]
        only = [o for o in ev.get("only", []) if o["claim"] in ids]
        if len(pairs) != len(ev.get("alignments", [])) or len(only) != len(ev.get("only", [])):
            problems.append("%s: alignment rows naming unknown claims were dropped" % name)
        events.append({"event": name, "A": ev.get("A", "A"), "B": ev.get("B", "B"),
                       "sentences": sentences, "pairs": pairs, "only": only})
    return events, problems


def map_claims(report, records, sentences):
    """Engine claim id -> dict(side name, gold claim ids, ...); also counts spans that miss their text."""
    by_record = collections.defaultdict(list)  # record -> [(start, end, gold claim id)]
    for cid, items in sentences.items():
        for rec, s, e in items:
            by_record[rec].append((s, e, cid))
    tables, out, mismatched = {}, {}, 0
    for c in report.get("claims", []):
        doc = c.get("document")
        r = records.get(doc)
        gold = set()
        if r is not None:
            text = r["text"]
            if doc not in tables:
                tables[doc] = byte_to_char_table(text)
            table = tables[doc]
            span = c.get("span") or [0, 0]
            b0 = max(0, min(int(span[0]), len(table) - 1))
            b1 = max(b0, min(int(span[1]), len(table) - 1))
            s, e = table[b0], table[b1]
            if c.get("text") is not None and text[s:e].strip() != c["text"].strip():
                mismatched += 1
            for gs, ge, cid in by_record.get(doc, ()):
                if min(e, ge) - max(s, gs) > 0:
                    gold.add(cid)
        out[c["id"]] = {"side": c.get("side") or "", "gold": gold, "document": doc}
    return out, mismatched


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("binary", help="the parallax binary (e.g. build/engine/parallax)")
    ap.add_argument("data_dir", help="folder holding xling-events/events.jsonl")
    ap.add_argument("--gold", default=os.path.join(HERE, "alignment_gold.json"))
    ap.add_argument("--sides", default=os.path.join(HERE, "sides.json"))
    ap.add_argument("--listed-only", action="store_true",
                    help="use only the evidence in the records claims.md lists (ignore extra_evidence)")
    ap.add_argument("--details", help="also write every engine A-B alignment with its gold claims as TSV")
    args = ap.parse_args()

    binary, events_path = checked_inputs(args, die)

    all_records = load_jsonl(events_path)
    records = {r["id"]: r for r in all_records}
    with open(args.sides, encoding="utf-8") as f:
        sides = {e["event"]: (Side(e["A"]), Side(e["B"])) for e in json.load(f)}
    events, problems = load_gold(args.gold, records, args.listed_only)

    runs = []       # per event: dict of counts
    pair_rows = []  # (event, a, b, expected, n found, labels Counter, best label, best score, A-B sides)
    prec = []       # per event: counts for (b)
    only_rows = []  # (event, claim, side, n evidence claims, n left unaligned, status)
    aspects = []    # (event, claim, aspect)
    details = []
    with tempfile.TemporaryDirectory(prefix="parallax_align_") as tmpdir:
        for ev in events:
            name = ev["event"]
            ev_sides = sides.get(name)
            if ev_sides is None:
                problems.append("%s: not in %s" % (name, os.path.basename(args.sides)))
                continue
            recs = [r for r in all_records if r.get("event") == name]
            report, status = run_engine(binary, recs, os.path.join(tmpdir, name + ".jsonl"))
            if report is None:
                report = {}
            claims, mismatched = map_claims(report, records, ev["sentences"])
            side_map = {s.get("name", ""): side_of(s.get("name", ""), bool(s.get("author")), ev_sides)
                        for s in report.get("sides", [])}

            def cside(cid):
                c = claims.get(cid)
                if c is None:
                    return "other"
                return side_map.get(c["side"], side_of(c["side"], False, ev_sides))

            aligns = [a for a in report.get("alignments", []) if a.get("left") in claims and a.get("right") in claims]
            ab = [a for a in aligns if {cside(a["left"]), cside(a["right"])} == {"A", "B"}]
            in_ab = collections.defaultdict(list)
            for a in ab:
                in_ab[a["left"]].append(a["right"])
                in_ab[a["right"]].append(a["left"])
            unaligned = {u.get("claim") for u in report.get("unaligned", [])}
            expected = {(p["a"], p["b"]) for p in ev["pairs"]}
            partners = collections.defaultdict(set)
            for x, y in expected:
                partners[x].add(y)
                partners[y].add(x)

            def gold(cid):
                return claims[cid]["gold"] if cid in claims else set()

            runs.append({"event": name, "records": len(recs), "status": status,
                         "documents": len(report.get("documents", [])), "claims": len(claims),
                         "mapped": sum(1 for c in claims.values() if c["gold"]),
                         "sidesA": sorted(n for n, s in side_map.items() if s == "A"),
                         "sidesB": sorted(n for n, s in side_map.items() if s == "B"),
                         "alignments": len(aligns), "ab": len(ab), "mismatched": mismatched})

            # (a) expected pairs
            for p in ev["pairs"]:
                hits = [a for a in aligns
                        if (p["a"] in gold(a["left"]) and p["b"] in gold(a["right"]))
                        or (p["a"] in gold(a["right"]) and p["b"] in gold(a["left"]))]
                labels = collections.Counter(a.get("label", "?") for a in hits)
                best = max(hits, key=lambda a: a.get("score", 0)) if hits else None
                hits_ab = [a for a in hits if a in ab]
                best_ab = max(hits_ab, key=lambda a: a.get("score", 0)) if hits_ab else None
                pair_rows.append((name, p["a"], p["b"], p["label"], len(hits), labels,
                                  best.get("label", "?") if best else "", best.get("score", 0) if best else 0,
                                  len(hits_ab), best_ab.get("label", "?") if best_ab else "",
                                  best_ab.get("score", 0) if best_ab else 0))

            # (b) precision of A-B alignments
            n_both = n_exp = n_one = n_none = n_lab = n_lab_exp = 0
            for a in ab:
                gl, gr = gold(a["left"]), gold(a["right"])
                is_exp = any((x, y) in expected or (y, x) in expected for x in gl for y in gr)
                if gl and gr:
                    n_both += 1
                    n_exp += is_exp
                    if a.get("label") in ("agree", "conflict"):
                        n_lab += 1
                        n_lab_exp += is_exp
                elif gl or gr:
                    n_one += 1
                else:
                    n_none += 1
                details.append((name, a["left"], a["right"], claims[a["left"]]["side"], claims[a["right"]]["side"],
                                a.get("label", ""), "%.4f" % a.get("score", 0), ",".join(sorted(gl)),
                                ",".join(sorted(gr)), "expected" if is_exp else ""))
            prec.append((name, len(ab), n_both, n_exp, n_one, n_none, n_lab, n_lab_exp))

            # (c) one-side-only claims
            for o in ev["only"]:
                x = o["claim"]
                if o.get("aspect"):
                    aspects.append((name, x, o["aspect"]))
                    continue
                ecl = [cid for cid, c in claims.items() if x in c["gold"]]
                left = 0
                for cid in ecl:
                    others = gold(cid) - {x}
                    explained = all(any(y in partners[z] for z in others for y in gold(oth)) for oth in in_ab[cid])
                    if cid in unaligned or not in_ab[cid] or explained:
                        left += 1
                status_c = "no engine claim" if not ecl else ("left unaligned" if left == len(ecl) else "aligned")
                only_rows.append((name, x, o["only"], len(ecl), left, status_c))

    n_ev = len(runs)
    print("# Claim alignment: `parallax compare --by speaker` vs the hand-made alignment gold set\n")
    print("Gold: %s (%d events, %d claims, %d evidence sentences%s). Engine: %s.\n" % (
        os.path.relpath(args.gold), len(events), sum(len(e["sentences"]) for e in events),
        sum(len(v) for e in events for v in e["sentences"].values()),
        ", listed records only" if args.listed_only else "", args.binary))
    if problems:
        print("Gold problems (%d): %s\n" % (len(problems), "; ".join(problems[:5])))

    print("## Runs (all records of each event in one corpus)\n")
    print("| event | records | compare | claims | claims on gold evidence | sides mapped to A | sides mapped to B | alignments | A-B alignments |")
    print("|---|---:|---|---:|---:|---|---|---:|---:|")
    for r in runs:
        print("| %s | %d | %s | %d | %d | %s | %s | %d | %d |" % (
            r["event"], r["records"], cell(r["status"][:60]), r["claims"], r["mapped"],
            cell(names_cell(r["sidesA"])), cell(names_cell(r["sidesB"])), r["alignments"], r["ab"]))
    mis = sum(r["mismatched"] for r in runs)
    if mis:
        print("\n%d claims have a span that does not match their text (offsets may be off)." % mis)

    print("\n## (a) Expected AGREE / CONFLICT pairs\n")
    print("An expected pair is found when an engine alignment joins a claim on the A claim's evidence and a claim on "
          "the B claim's evidence (either orientation); its label is that of the best-scoring such alignment.\n")
    print("| event | A | B | expected | alignments | engine labels | best (score) | right label | of them between engine sides A-B | best A-B (score) |")
    print("|---|---|---|---|---:|---|---|---|---:|---|")
    for (name, a, b, lab, n, labels, bl, bs, nab, bla, bsa) in pair_rows:
        print("| %s | %s | %s | %s | %d | %s | %s | %s | %d | %s |" % (
            name, a, b, lab, n, ", ".join("%s %d" % kv for kv in sorted(labels.items())) or "-",
            ("%s (%.2f)" % (bl, bs)) if n else "-", "yes" if n and bl == lab else "no", nab,
            ("%s (%.2f)" % (bla, bsa)) if nab else "-"))
    print("\n| event | expected rows | aligned | recall | right label | recall with label | aligned A-B sides | recall | right label A-B | recall with label |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name in [r["event"] for r in runs] + ["all"]:
        sel = [x for x in pair_rows if name == "all" or x[0] == name]
        al = sum(1 for x in sel if x[4])
        ok = sum(1 for x in sel if x[4] and x[6] == x[3])
        al2 = sum(1 for x in sel if x[8])
        ok2 = sum(1 for x in sel if x[8] and x[9] == x[3])
        print("| %s | %d | %d | %s | %d | %s | %d | %s | %d | %s |" % (
            "**all**" if name == "all" else name, len(sel), al, pct(al, len(sel)), ok, pct(ok, len(sel)),
            al2, pct(al2, len(sel)), ok2, pct(ok2, len(sel))))

    print("\n## (b) Precision of A-B alignments\n")
    print("Engine alignments between a claim of a side mapped to A and one mapped to B; precision = expected pairs "
          "among those whose both ends lie on gold evidence.\n")
    print("| event | A-B alignments | both ends on gold claims | expected pairs | precision | one end on a gold claim | no end on a gold claim | agree/conflict only: expected / both ends on gold | precision |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    tot = [0] * 7
    for row in list(prec) + [None]:
        if row is None:
            row = ["**all**"] + tot
        else:
            tot = [t + v for t, v in zip(tot, row[1:])]
        print("| %s | %d | %d | %d | %s | %d | %d | %d / %d | %s |" % (
            row[0], row[1], row[2], row[3], pct(row[3], row[2]), row[4], row[5], row[7], row[6], pct(row[7], row[6])))

    print("\n## (c) One-side-only claims\n")
    print("A claim counts as left unaligned when every engine claim on its evidence is in `unaligned` or in no A-B "
          "alignment (alignments explained by an expected pair of another gold claim on the same sentence are ignored).\n")
    print("| event | claim | only | engine claims on evidence | left unaligned | result |")
    print("|---|---|---|---:|---:|---|")
    for row in only_rows:
        print("| %s | %s | %s | %d | %d | %s |" % row)
    print("\n| event | only-claims scored | left unaligned | share | no engine claim on evidence | evidence claims left unaligned |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in [r["event"] for r in runs] + ["all"]:
        sel = [x for x in only_rows if name == "all" or x[0] == name]
        ok = sum(1 for x in sel if x[5] == "left unaligned")
        none = sum(1 for x in sel if x[5] == "no engine claim")
        ne, nl = sum(x[3] for x in sel), sum(x[4] for x in sel)
        print("| %s | %d | %d | %s | %d | %d / %d (%s) |" % ("**all**" if name == "all" else name, len(sel), ok,
                                                         pct(ok, len(sel)), none, nl, ne, pct(nl, ne)))
    if aspects:
        print("\nNot scored (only an aspect of a claim that also aligns): " +
              "; ".join("%s %s (%s)" % (n.rsplit("-", 3)[0], c, cell(a)) for n, c, a in aspects) + ".")

    bad = [r for r in runs if r["status"] != "ok"]
    if bad:
        print("\n## compare runs that gave no claims (%d)\n" % len(bad))
        for r in bad:
            print("- %s: %s" % (r["event"], cell(r["status"])))
    if n_ev < len(events):
        print("\n%d gold events were not run (see gold problems)." % (len(events) - n_ev))

    if args.details:
        with open(args.details, "w", encoding="utf-8") as f:
            f.write("event\tleft\tright\tleft_side\tright_side\tlabel\tscore\tleft_gold\tright_gold\texpected\n")
            for row in details:
                f.write("\t".join(str(v).replace("\t", " ") for v in row) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
