#!/usr/bin/env python3
"""Speaker attribution of `parallax compare --by speaker` against the hand-made gold set.

Usage: attribution_bench.py PARALLAX_BINARY DATA_DIR [--gold FILE] [--sides FILE] [--details FILE] [--errors]

DATA_DIR is a folder holding xling-events/events.jsonl (e.g. ../shared/data). For every record in
the gold set (attribution_gold.jsonl beside this script) the record's `text` alone is written to a
temporary .txt file (so the gold character offsets stay valid) and the engine is run as
`PARALLAX_BINARY compare --by speaker --format json FILE`. Each gold sentence takes the speaker of
the engine claim whose span overlaps it most (no overlapping claim: author); the speaker is mapped
to a side with sides.json and compared with the gold side. Prints Markdown tables. Scores never
make the script fail; a missing binary, data folder or gold file does (exit status 2).
Python 3 standard library only. See ATTRIBUTION.md.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SIDES = ("A", "B", "both", "other", "author")
LANGS = ("ar", "en", "ru")
# A speaker phrase that names both sides at once (no alias of either side needed).
BOTH_PHRASES = (
    "الجانبان", "الجانبين", "الطرفان", "الطرفين", "الأطراف", "الزعيمان", "الزعيمين", "الرئيسان", "الرئيسين", "الوزيران",
    "both", "the two leaders", "the two sides", "the two presidents", "the leaders",
    "both countries", "the two men",
    "обе стороны", "стороны", "оба лидера", "лидеры", "президенты", "главы двух государств",
)
RUN_TIMEOUT_S = 120


def die(msg):
    sys.stderr.write("attribution_bench: " + msg + "\n")
    sys.exit(2)


def checked_inputs(args, die):
    """The parallax binary and xling-events' records from the command line (args.binary,
    args.data_dir), and args.gold / args.sides present; die(message) otherwise."""
    binary = os.path.abspath(args.binary)
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        die("parallax binary not found or not executable: %s (build it first)" % args.binary)
    events_path = os.path.join(args.data_dir, "xling-events", "events.jsonl")
    if not os.path.isfile(events_path):
        die("data not found: %s (DATA_DIR must hold xling-events/)" % events_path)
    for p in (args.gold, args.sides):
        if not os.path.isfile(p):
            die("missing file: %s" % p)
    return binary, events_path


def load_jsonl(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                out.append(json.loads(line))
            except ValueError as e:
                die("%s:%d: not JSON (%s)" % (path, n, e))
    return out


def alias_pattern(alias):
    """Case-insensitive substring; aliases under 4 characters (US, Xi, Си, شي, РФ) only as whole words."""
    a = re.escape(alias.casefold())
    if len(alias) < 4:
        return re.compile(r"(?<!\w)" + a + r"(?!\w)")
    return re.compile(a)


class Side:
    def __init__(self, obj):
        self.name = obj["name"]
        self.patterns = [alias_pattern(a) for a in [obj["name"]] + list(obj.get("aliases", []))]

    def matches(self, s):
        s = s.casefold()
        return any(p.search(s) for p in self.patterns)


def predicted_side(claim, doc_id, sides):
    """Map one engine claim to A / B / both / other / author."""
    if claim is None:
        return "author"
    speaker = claim.get("speaker") or ""
    speaker_text = claim.get("speaker_text") or ""
    if claim.get("attribution") == "author" or speaker == doc_id or not (speaker or speaker_text):
        return "author"
    if sides is None:
        return "other"
    a = sides[0].matches(speaker) or sides[0].matches(speaker_text)
    b = sides[1].matches(speaker) or sides[1].matches(speaker_text)
    if a and b:
        return "both"
    if a:
        return "A"
    if b:
        return "B"
    st = (speaker + " " + speaker_text).casefold()
    if any(p in st for p in BOTH_PHRASES):
        return "both"
    return "other"


def byte_to_char_table(text):
    """table[byte offset] = character offset, for every byte offset 0..len(utf8)."""
    table = []
    for i, ch in enumerate(text):
        table.extend([i] * len(ch.encode("utf-8")))
    table.append(len(text))
    return table


def compare_by_speaker(binary, path, timeout_s=RUN_TIMEOUT_S):
    """Runs `parallax compare --by speaker --format json PATH`. Returns (report or None, status);
    status is 'ok', 'exit3: MESSAGE' (nothing to compare) or 'error: MESSAGE'."""
    try:
        p = subprocess.run([binary, "compare", "--by", "speaker", "--format", "json", path],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout_s)
    except subprocess.TimeoutExpired:
        return None, "error: timed out after %ds" % timeout_s
    except OSError as e:
        return None, "error: %s" % e
    err = p.stderr.decode("utf-8", "replace").strip().splitlines()
    msg = err[-1] if err else ""
    if p.returncode == 3:
        return None, "exit3: " + msg
    if p.returncode != 0:
        return None, "error: exit %d %s" % (p.returncode, msg)
    try:
        return json.loads(p.stdout.decode("utf-8")), "ok"
    except ValueError as e:
        return None, "error: output is not JSON (%s)" % e


def run_engine(binary, text, doc_id, tmpdir):
    """Returns (claims or None, status); status is 'ok', 'exit3: MESSAGE' or 'error: MESSAGE'."""
    path = os.path.join(tmpdir, doc_id + ".txt")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    report, status = compare_by_speaker(binary, path)
    if report is None:
        return None, status
    table = byte_to_char_table(text)
    claims = []
    for c in report.get("claims", []):
        if c.get("document") not in (None, doc_id):
            continue
        span = c.get("span") or [0, 0]
        b0 = max(0, min(int(span[0]), len(table) - 1))
        b1 = max(b0, min(int(span[1]), len(table) - 1))
        c = dict(c)
        c["_chars"] = (table[b0], table[b1])
        claims.append(c)
    return claims, "ok"


def best_claim(claims, start, end):
    best, best_ov = None, 0
    for c in claims or ():
        s, e = c["_chars"]
        ov = min(end, e) - max(start, s)
        if ov > best_ov:
            best, best_ov = c, ov
    return best


def pct(n, d):
    return "%.1f%%" % (100.0 * n / d) if d else "-"


def cell(s):
    return s.replace("|", "\\|").replace("\n", " ")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("binary", help="the parallax binary (e.g. build/engine/parallax)")
    ap.add_argument("data_dir", help="folder holding xling-events/events.jsonl")
    ap.add_argument("--gold", default=os.path.join(HERE, "attribution_gold.jsonl"))
    ap.add_argument("--sides", default=os.path.join(HERE, "sides.json"))
    ap.add_argument("--details", help="also write one TSV row per gold sentence to this file")
    ap.add_argument("--errors", action="store_true",
                    help="also print every sentence whose predicted side differs from the gold side")
    args = ap.parse_args()

    binary, events_path = checked_inputs(args, die)

    records = {r["id"]: r for r in load_jsonl(events_path)}
    with open(args.sides, encoding="utf-8") as f:
        sides = {e["event"]: (Side(e["A"]), Side(e["B"])) for e in json.load(f)}
    gold = load_jsonl(args.gold)

    by_record = collections.OrderedDict()
    skipped = []
    for g in gold:
        r = records.get(g["record"])
        if r is None:
            skipped.append("%s: record not in events.jsonl" % g["record"])
            continue
        t = r["text"]
        s, e = g["start"], g["end"]
        if not (0 <= s < e <= len(t)) or t[s:e] != t[s:e].strip():
            skipped.append("%s [%s,%s]: offsets do not fit the text" % (g["record"], s, e))
            continue
        if g["side"] not in SIDES:
            skipped.append("%s [%s,%s]: unknown side %r" % (g["record"], s, e, g["side"]))
            continue
        by_record.setdefault(g["record"], []).append(g)

    rows = []  # (record, event, lang, gold side, predicted side, sentence, engine speaker)
    statuses = collections.Counter()
    problems = []
    with tempfile.TemporaryDirectory(prefix="parallax_attr_") as tmpdir:
        for rid, items in by_record.items():
            r = records[rid]
            claims, status = run_engine(binary, r["text"], rid, tmpdir)
            statuses[status.split(":")[0]] += 1
            if status != "ok":
                problems.append("%s: %s" % (rid, status))
            ev_sides = sides.get(r["event"])
            for g in items:
                c = best_claim(claims, g["start"], g["end"])
                pred = predicted_side(c, rid, ev_sides)
                spk = "" if c is None else (c.get("speaker") or "") + (" / " + c["speaker_text"] if c.get("speaker_text") else "")
                rows.append((rid, r["event"], r["lang"], g["side"], pred, r["text"][g["start"]:g["end"]], spk))

    n_rec = len(by_record)
    print("# Speaker attribution: `parallax compare --by speaker` vs the hand-made gold set\n")
    print("Gold: %s (%d records, %d sentences). Engine: %s." % (
        os.path.relpath(args.gold), n_rec, len(rows), args.binary))
    print("compare runs: %d ok, %d exited 3 (fewer than two speakers: all sentences count as author), %d failed.\n" % (
        statuses["ok"], statuses["exit3"], statuses["error"]))
    if skipped:
        print("Gold rows skipped (%d): %s\n" % (len(skipped), "; ".join(skipped[:5])))

    print("## Side accuracy per language\n")
    print("| language | records | sentences | correct | accuracy |")
    print("|---|---:|---:|---:|---:|")
    for lang in LANGS + ("all",):
        sel = [x for x in rows if lang == "all" or x[2] == lang]
        recs = {x[0] for x in sel}
        ok = sum(1 for x in sel if x[3] == x[4])
        name = "**all**" if lang == "all" else lang
        print("| %s | %d | %d | %d | %s |" % (name, len(recs), len(sel), ok, pct(ok, len(sel))))

    print("\n## Confusion matrix (rows: gold side, columns: predicted side)\n")
    conf = collections.Counter((x[3], x[4]) for x in rows)
    print("| gold \\ predicted | " + " | ".join(SIDES) + " | total | recall |")
    print("|---|" + "---:|" * (len(SIDES) + 2))
    for gs in SIDES:
        tot = sum(conf[(gs, p)] for p in SIDES)
        print("| %s | %s | %d | %s |" % (gs, " | ".join(str(conf[(gs, p)]) for p in SIDES), tot, pct(conf[(gs, gs)], tot)))
    ptot = [sum(conf[(g, p)] for g in SIDES) for p in SIDES]
    print("| total | %s | %d | |" % (" | ".join(str(n) for n in ptot), len(rows)))
    print("| precision | %s | | |" % " | ".join(pct(conf[(p, p)], ptot[i]) for i, p in enumerate(SIDES)))

    print("\n## Side accuracy per event\n")
    print("| event | records | sentences | accuracy |")
    print("|---|---:|---:|---:|")
    for ev in sorted({x[1] for x in rows}):
        sel = [x for x in rows if x[1] == ev]
        ok = sum(1 for x in sel if x[3] == x[4])
        print("| %s | %d | %d | %s |" % (ev, len({x[0] for x in sel}), len(sel), pct(ok, len(sel))))

    print("\n## Most frequent errors (gold -> predicted)\n")
    errs = collections.Counter((x[3], x[4]) for x in rows if x[3] != x[4])
    first = {}
    for x in rows:
        if x[3] != x[4]:
            first.setdefault((x[3], x[4]), x)
    print("| gold -> predicted | count | example record | sentence (first 60 characters) | engine speaker |")
    print("|---|---:|---|---|---|")
    for (gs, ps), n in errs.most_common(10):
        x = first[(gs, ps)]
        print("| %s -> %s | %d | %s | %s | %s |" % (gs, ps, n, x[0], cell(x[5][:60]), cell(x[6][:40])))

    if args.errors:
        print("\n## Every error\n")
        print("| record | lang | gold -> predicted | engine speaker | sentence |")
        print("|---|---|---|---|---|")
        for x in rows:
            if x[3] != x[4]:
                print("| %s | %s | %s -> %s | %s | %s |" % (x[0], x[2], x[3], x[4], cell(x[6]), cell(x[5])))

    if problems:
        print("\n## compare runs that gave no claims (%d)\n" % len(problems))
        for p in problems:
            print("- " + cell(p))

    if args.details:
        with open(args.details, "w", encoding="utf-8") as f:
            f.write("record\tlang\tgold\tpredicted\tengine_speaker\tsentence\n")
            for x in rows:
                f.write("\t".join([x[0], x[2], x[3], x[4], x[6].replace("\t", " "), x[5].replace("\t", " ").replace("\n", " ")]) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
