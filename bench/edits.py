"""Deterministic edits that turn a real document into a near-duplicate (or a looser rewrite).

An edit rate r means round(r * words) word edits. Edit kinds:
  insert      r * words random words inserted (drawn from the same language's vocabulary)
  delete      r * words words deleted
  substitute  r * words words replaced by other words of the same language
  reorder     r * words mixed word edits (insert / delete / substitute, uniformly) and one
              paragraph moved to another place (sentences stand in for paragraphs when the
              text has fewer than three lines)
  headline    r * words mixed word edits and the headline replaced by another document's
Every copy is a function of (seed, document id, rate, kind) only.
"""
import random
import re

RATES = (0.02, 0.05, 0.10, 0.20, 0.40)
NEAR_DUPLICATE_MAX_RATE = 0.20  # copies at this rate or below are gold near-duplicates
KINDS = ("insert", "delete", "substitute", "reorder", "headline")

_SENTENCE_END = re.compile(r"(?<=[.!?\u061F\u06D4])\s+")


def is_near_duplicate_rate(rate: float) -> bool:
    return rate <= NEAR_DUPLICATE_MAX_RATE + 1e-9


def copy_rng(seed: int, doc_id: str, rate: float, kind: str) -> random.Random:
    # A string seed is hashed with SHA-512 by `random`, so it does not depend on PYTHONHASHSEED.
    return random.Random(f"{seed}|{doc_id}|{rate:.2f}|{kind}")


def _segments(text: str):
    """Paragraph-like segments and the string that joins them back."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) >= 3:
        return lines, "\n"
    sentences = [s for s in _SENTENCE_END.split(text.strip()) if s]
    return sentences, " "


def _edit_words(segments, count, kinds, vocabulary, rng):
    tokens = [(seg, word) for seg, segment in enumerate(segments) for word in segment.split()]
    for _ in range(count):
        if not tokens:
            break
        kind = rng.choice(kinds)
        at = rng.randrange(len(tokens))
        seg = tokens[at][0]
        if kind == "insert":
            tokens.insert(at, (seg, rng.choice(vocabulary)))
        elif kind == "delete" and len(tokens) > 1:
            del tokens[at]
        elif kind == "substitute":
            word = rng.choice(vocabulary)
            for _retry in range(5):
                if word != tokens[at][1]:
                    break
                word = rng.choice(vocabulary)
            tokens[at] = (seg, word)
    rebuilt = [[] for _ in segments]
    for seg, word in tokens:
        rebuilt[seg].append(word)
    return [" ".join(words) for words in rebuilt if words]


def _move_one_segment(segments, rng):
    if len(segments) < 2:
        return segments
    segments = list(segments)
    moved = segments.pop(rng.randrange(len(segments)))
    target = rng.randrange(len(segments) + 1)
    segments.insert(target, moved)
    return segments


def _replace_headline(text, headline, replacement):
    if headline and headline in text:
        return text.replace(headline, replacement, 1)
    return replacement + "\n" + text


def make_copy(text, headline, rate, kind, vocabulary, replacement_headline, rng) -> str:
    """One edited copy of `text`; see the module docstring for what each kind does."""
    if kind == "headline":
        text = _replace_headline(text, headline, replacement_headline)
    segments, joiner = _segments(text)
    words = sum(len(s.split()) for s in segments)
    count = max(1, round(rate * words))
    word_kinds = (kind,) if kind in ("insert", "delete", "substitute") else (
        "insert", "delete", "substitute")
    segments = _edit_words(segments, count, word_kinds, vocabulary, rng)
    if kind == "reorder":
        segments = _move_one_segment(segments, rng)
    return joiner.join(segments)
