#!/usr/bin/env python3
"""How far `index query` by lookup agrees with `index query --rebuild` (the exact answer).

    query_agreement.py LOOKUP.json REBUILD.json [GOLD.tsv]

Both are `parallax index query --format json` reports of the same query documents. Prints, over
the query documents: the share whose stored near-duplicates are the same set; the share whose event
is the same (the same stored members, or no stored member in both); and the precision and recall of
the lookup's (query, stored member) event links against the rebuild's, with their F1. With the
scale corpus's gold (bench/scale/generate.py: id, event, ...), the same link precision and recall
of each report against the gold events.
"""
import json
import sys


def by_id(path):
    with open(path, encoding="utf-8") as f:
        return {d["id"]: d for d in json.load(f)["documents"]}


def members(doc):
    return frozenset(doc["event"]["members"]) if doc["event"] else frozenset()


def copies(doc):
    return frozenset(m["id"] for m in doc["near_duplicates"])


def link_scores(found_of, expected_of, ids):
    """Precision, recall and F1 of the (query, stored member) links found against those expected."""
    found = sum(len(found_of(i)) for i in ids)
    expected = sum(len(expected_of(i)) for i in ids)
    shared = sum(len(found_of(i) & expected_of(i)) for i in ids)
    precision = shared / found if found else 1.0
    recall = shared / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"precision {precision:.4f}, recall {recall:.4f}, F1 {f1:.4f} ({found} found, {expected} expected)"


def gold_links(path, reports):
    """Per query: the stored documents (those either report names) of its gold event."""
    event_of = {}
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            fields = line.rstrip("\n").split("\t")
            event_of[fields[0]] = fields[1]
    named = set()
    for report in reports:
        for doc in report.values():
            named |= members(doc)
    by_event = {}
    for doc_id in named:
        by_event.setdefault(event_of.get(doc_id), set()).add(doc_id)
    return lambda i: frozenset(by_event.get(event_of.get(i), ()))


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    lookup, rebuild = by_id(sys.argv[1]), by_id(sys.argv[2])
    if lookup.keys() != rebuild.keys():
        sys.exit("the two reports do not hold the same query documents")
    n = len(lookup)
    same_copies = sum(copies(lookup[i]) == copies(rebuild[i]) for i in lookup)
    same_event = sum(members(lookup[i]) == members(rebuild[i]) for i in lookup)
    joined = sum(bool(members(rebuild[i])) for i in lookup)
    print(f"queries: {n} ({joined} join a stored event in the rebuild)")
    print(f"near-duplicates identical: {same_copies}/{n} ({same_copies / n:.4f})")
    print(f"event identical: {same_event}/{n} ({same_event / n:.4f})")
    print("lookup's event links against the rebuild's:",
          link_scores(lambda i: members(lookup[i]), lambda i: members(rebuild[i]), lookup))
    if len(sys.argv) == 4:
        # Only stored documents some report names can be scored: the gold's other members of an
        # event are not known to be stored.
        gold = gold_links(sys.argv[3], (lookup, rebuild))
        for name, report in (("lookup", lookup), ("rebuild", rebuild)):
            print(f"{name}'s event links against the gold events:", link_scores(lambda i: members(report[i]), gold, lookup))
        # A query of a new story should stay alone: whatever it joins is a false merge.
        new = [i for i in lookup if not gold(i)]
        alone = {name: sum(not members(report[i]) for i in new) for name, report in (("lookup", lookup), ("rebuild", rebuild))}
        print(f"queries whose gold event has no member named by either report: {len(new)}; "
              f"left alone by the lookup {alone['lookup']}, by the rebuild {alone['rebuild']}")


if __name__ == "__main__":
    main()
