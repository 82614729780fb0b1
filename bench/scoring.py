"""Score a tool's output against a corpus's gold fields.

Events: B-cubed and pairwise scores of predicted events against `gold`.
Near-duplicates: a predicted pair is two documents in one predicted group; gold pairs are the
pairs inside each gold group (an original and its copies at edit rates up to
edits.NEAR_DUPLICATE_MAX_RATE, copies of one original being near-duplicates of each other too).
Per edit rate r the scores count only pairs that involve at least one copy made at rate r. Pairs
are counted from group sizes, never listed, so a giant predicted group costs nothing extra.
"""
from collections import Counter

import edits
import metrics


def event_scores(records, labels):
    gold = {r["id"]: r["gold"] for r in records}
    b3 = metrics.bcubed(gold, labels)
    pw = metrics.pairwise_clusters(gold, labels)
    return dict(b3.as_dict("b3"), **pw.as_dict("pair"), clusters=len(set(labels.values())),
                gold_clusters=len(set(gold.values())))


def _labels_from_groups(records, groups):
    labels = {r["id"]: f"single:{r['id']}" for r in records}
    for number, group in enumerate(groups):
        for doc in group:
            labels[doc] = f"group:{number}"
    return labels


def _pairs(n):
    return n * (n - 1) // 2


def _touching(cells, marked):
    """Pairs inside each cell with at least one marked member; cells/marked: Counter by cell."""
    return sum(_pairs(size) - _pairs(size - marked[cell]) for cell, size in cells.items())


def _within(marked):
    return sum(_pairs(count) for count in marked.values())


def _prf(true, predicted, gold):
    p = true / predicted if predicted else float("nan")
    r = true / gold if gold else float("nan")
    f = 2 * p * r / (p + r) if predicted and gold and p + r > 0 else (0.0 if predicted and gold else float("nan"))
    return {"p": p, "r": r, "f1": f, "pred_pairs": predicted, "gold_pairs": gold, "true_pairs": true}


class _Cells:
    """Document counts per gold group, per predicted group and per (gold, predicted) cell."""

    def __init__(self, records, predicted):
        self.keys = {r["id"]: (r["gold"], predicted[r["id"]]) for r in records}
        self.gold = Counter(k[0] for k in self.keys.values())
        self.pred = Counter(k[1] for k in self.keys.values())
        self.joint = Counter(self.keys.values())

    def marked(self, ids):
        g, p, j = Counter(), Counter(), Counter()
        for doc in ids:
            key = self.keys[doc]
            g[key[0]] += 1
            p[key[1]] += 1
            j[key] += 1
        return g, p, j


def near_duplicate_scores(records, groups):
    """{'overall': prf, 'by_rate': {rate: prf + hit_rate}, 'by_kind': {...}, 'by_lang': {...}}."""
    predicted = _labels_from_groups(records, groups)
    cells = _Cells(records, predicted)
    overall = _prf(_within(cells.joint), _within(cells.pred), _within(cells.gold))
    by_rate, by_kind, by_lang = {}, {}, {}
    for rate in edits.RATES:
        ids = [r["id"] for r in records if r["edit_rate"] == rate]
        g, p, j = cells.marked(ids)
        row = _prf(_touching(cells.joint, j), _touching(cells.pred, p), _touching(cells.gold, g))
        row["hit_rate"] = _hit_rate(records, predicted, lambda r: r["edit_rate"] == rate)
        row["gold_near_duplicate"] = edits.is_near_duplicate_rate(rate)
        by_rate[rate] = row
    for kind in edits.KINDS:
        by_kind[kind] = {"hit_rate": _hit_rate(
            records, predicted,
            lambda r: r["edit_kind"] == kind and edits.is_near_duplicate_rate(r["edit_rate"]))}
    for lang in sorted({r["lang"] for r in records}):
        g, p, j = cells.marked([r["id"] for r in records if r["lang"] == lang])
        by_lang[lang] = _prf(_within(j), _within(p), _within(g))
    return {"overall": overall, "by_rate": by_rate, "by_kind": by_kind, "by_lang": by_lang}


def _hit_rate(records, predicted, selects):
    """Share of (original, copy) pairs, copies chosen by `selects`, put in one predicted group."""
    copies = [r for r in records if r["edit_kind"] != "original" and selects(r)]
    if not copies:
        return float("nan")
    hits = sum(predicted[r["id"]] == predicted[r["origin"]] for r in copies)
    return hits / len(copies)
