"""Clustering and pair-detection scores.

B-cubed (Bagga and Baldwin 1998): for each item, precision = share of its predicted cluster
that has its gold label, recall = share of its gold cluster that is in its predicted cluster;
averaged over items. Pairwise: a pair of items is positive when both are in one cluster.
All cluster scores are computed from the contingency table, so they cost O(items).
"""
from collections import Counter
from dataclasses import dataclass


@dataclass
class Scores:
    precision: float
    recall: float
    f1: float

    def as_dict(self, prefix):
        return {f"{prefix}_p": self.precision, f"{prefix}_r": self.recall, f"{prefix}_f1": self.f1}


def _f1(p, r):
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def _ratio(num, den):
    return num / den if den else float("nan")


def _check_same_items(gold, predicted):
    if set(gold) != set(predicted):
        missing = len(set(gold) - set(predicted))
        extra = len(set(predicted) - set(gold))
        raise ValueError(f"gold and predicted label different items ({missing} missing, {extra} extra)")


def bcubed(gold: dict, predicted: dict) -> Scores:
    """gold, predicted: item -> cluster label, over the same items."""
    _check_same_items(gold, predicted)
    joint = Counter((gold[i], predicted[i]) for i in gold)
    gold_size = Counter(gold.values())
    pred_size = Counter(predicted.values())
    n = len(gold)
    p = sum(c * c / pred_size[pl] for (_, pl), c in joint.items()) / n
    r = sum(c * c / gold_size[gl] for (gl, _), c in joint.items()) / n
    return Scores(p, r, _f1(p, r))


def _pairs_in(sizes):
    return sum(s * (s - 1) // 2 for s in sizes)


def pairwise_clusters(gold: dict, predicted: dict) -> Scores:
    """Pairwise precision / recall / F1 of same-cluster decisions over all item pairs."""
    _check_same_items(gold, predicted)
    joint = Counter((gold[i], predicted[i]) for i in gold)
    true_pairs = _pairs_in(joint.values())
    p = _ratio(true_pairs, _pairs_in(Counter(predicted.values()).values()))
    r = _ratio(true_pairs, _pairs_in(Counter(gold.values()).values()))
    return Scores(p, r, _f1(p, r) if p == p and r == r else float("nan"))


def pairs_from_groups(groups) -> set:
    """All unordered pairs inside each group (iterable of iterables of item ids)."""
    pairs = set()
    for group in groups:
        members = sorted(set(group))
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                pairs.add((members[a], members[b]))
    return pairs


def pairwise_pairs(gold_pairs: set, predicted_pairs: set) -> Scores:
    """Precision / recall / F1 of a set of predicted pairs against gold pairs (both (a, b), a < b).
    Precision is nan when nothing was predicted, recall is nan when there is no gold pair."""
    true = len(gold_pairs & predicted_pairs)
    p = _ratio(true, len(predicted_pairs))
    r = _ratio(true, len(gold_pairs))
    return Scores(p, r, _f1(p, r) if p == p and r == r else float("nan"))


def groups_from_labels(labels: dict) -> list:
    by_label = {}
    for item, label in labels.items():
        by_label.setdefault(label, []).append(item)
    return list(by_label.values())
